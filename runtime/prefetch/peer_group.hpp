// Auto-prefetch (covet::Loading::AutoPrefetch): the objects one query loaded
// are peers. The first lazy load of a relation on any of them loads that
// relation for all of them in one query (a prefetch step over their keys),
// and every peer then answers from what was loaded.
//
// The group keeps the peers' column values, not the objects: the objects are
// the user's values, copied and moved at will, so pointers to them would
// dangle. Every Ref and manager of a peer holds the group (a shared_ptr), so
// it lives as long as any of them.
#pragma once

#include "database_state.hpp"
#include "prefetch/related_rows.hpp"

#include <covet/detail/lazy_load.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace covet::detail {

struct PeerGroup {
 public:
  explicit PeerGroup(const ModelInfo& model) : model_(&model) {}

  // Records a loaded peer (an instance of the group's model).
  void add(const void* object);

  // A manager's rows for load.owner_key (a std::vector of the related model),
  // loading the relation for every peer on first use.
  std::shared_ptr<void> rows_for(const std::shared_ptr<DatabaseState>& db, const LazyLoad& load);
  // A single-valued relation's object for load.owner_key: nullopt when the
  // peers' load did not cover it (the caller loads it alone); a null pointer
  // when it is known that there is none.
  std::optional<std::shared_ptr<const void>> object_for(const std::shared_ptr<DatabaseState>& db,
                                                        const LazyLoad& load);
  // A generic reference's object, of the content type `content_type` and
  // key `key`, loading the objects of every peer's `generic_ref` on first
  // use (one query per content type among them, as prefetch_related does):
  // nullopt when the peers' load did not cover it; a null pointer when it is
  // known that its row is gone.
  std::optional<std::shared_ptr<const void>> generic_object_for(const std::shared_ptr<DatabaseState>& db,
                                                                const MemberInfo& generic_ref,
                                                                std::int64_t content_type, const Value& key);

 private:
  using Key = std::pair<const MemberInfo*, bool>;  // the relation, and whether read in reverse
  struct Loaded {
    std::unordered_map<Value, std::shared_ptr<void>, ValueHash> rows;  // owner key -> vector / object
  };

  // The distinct values of `member` across the peers.
  std::vector<Value> peer_values(const MemberInfo& member) const;
  // The index of `member` in model_->columns; columns.size() when absent.
  std::size_t column_of(const MemberInfo& member) const;
  Loaded& load(const std::shared_ptr<DatabaseState>& db, const LazyLoad& load);

  const ModelInfo* model_;
  std::vector<std::vector<Value>> peers_;  // each peer's values, in model_->columns order
  std::map<Key, Loaded> loaded_;
  // Per GenericRef member: content type -> key -> object (null: gone).
  using GenericObjects = std::map<std::int64_t, std::unordered_map<Value, std::shared_ptr<void>, ValueHash>>;
  std::map<const MemberInfo*, GenericObjects> generic_loaded_;
};

}  // namespace covet::detail

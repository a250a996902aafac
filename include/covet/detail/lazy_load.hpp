// The one place a lazy load asks permission: Ref<T>::get() on an unloaded
// Ref, a related manager's all() / fetch() without prefetched rows, and
// ReverseOne<T>::get(). Two database modes change what happens there:
//
//   strict loading  the load throws UsageError naming the relation and the
//                   query it would have run, so a test finds N+1 patterns;
//   auto-prefetch   the owner's peers (the objects its query loaded) get the
//                   relation loaded in one query, and the owner answers from
//                   it; every later peer answers without a query.
//
// Otherwise the caller runs its own query. (runtime/prefetch/lazy_load.cpp)
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <memory>
#include <string>

namespace covet::detail {

class QueryCore;

// One relation read from one owner.
struct LazyLoad {
  const MemberInfo* relation = nullptr;  // the relation member (on the model declaring it)
  bool reverse = false;                  // read from the relation's target side
  Value owner_key;                       // the value the owner matches on (its key or to_field value)
  std::shared_ptr<PeerGroup> peers;      // the owner's peers; null when not auto-prefetching
};

// For a manager (`query` is the query its all() would run): nullptr when the
// caller should run `query`; otherwise the rows (a std::vector of the related
// model) auto-prefetch loaded. Throws UsageError in strict loading mode.
std::shared_ptr<void> lazy_rows(const LazyLoad& load, const QueryCore& query);

// For a single-valued relation (Ref: `reverse` false; ReverseOne: true):
// the related object (nullptr when there is none), loaded alone or, with
// peers, for all of them. Throws UsageError when the database is closed or
// strict; DoesNotExist from a Ref whose row is gone.
std::shared_ptr<const void> lazy_object(const std::weak_ptr<DatabaseState>& db, const LazyLoad& load,
                                        const ModelInfo& target);

}  // namespace covet::detail

// The content types a Database handle has read: the whole of
// covet_content_type (content_type_table.hpp), each row matched to the
// registered model whose ModelInfo::content_type it names.
//
// Contract:
//  * One per DatabaseState (DatabaseState::content_types), so every copy of
//    a Database, and every object bound to it, shares it; another Database
//    connected separately (even to the same database) has its own.
//  * Filled by the first lookup with ONE statement (SELECT of every row);
//    later lookups run none. It is never written to the table: a model
//    without a row is an error the caller reports (run create_all), not an
//    INSERT on a read path (Django's get_for_model inserts; Covet's reads
//    stay reads, inside read-only transactions and replicas too).
//  * create_all and drop_all on the handle forget it (forget_content_types),
//    so the next lookup reads the table as they left it. Rows deleted or
//    added by other means (by hand, another process) are seen after that,
//    or by a new handle.
//  * Immutable once loaded: handed out as shared_ptr<const>, so a lookup
//    racing a forget keeps the snapshot it started with.
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace covet::detail {

struct ContentTypeRow {
  std::int64_t id = 0;
  std::string app_label;
  std::string model;
  // The registered model the row names; null for a row of a model this
  // program does not have (removed or renamed since its row was added).
  const ModelInfo* model_info = nullptr;
};

class ContentTypeCache {
 public:
  // Reads every row of the table in one statement. Throws UsageError, saying
  // to run create_all(), when the table does not exist; UsageError when two
  // registered models (of two covet_add_models targets, which the plugin
  // checks apart) have one content-type name.
  static std::shared_ptr<const ContentTypeCache> load(DatabaseState& db);

  // The row named "app_label.model", or null.
  const ContentTypeRow* by_name(std::string_view name) const;
  // The row with key `id`, or null.
  const ContentTypeRow* by_id(std::int64_t id) const;
  // Every row, by id.
  const std::vector<ContentTypeRow>& rows() const { return rows_; }

 private:
  std::vector<ContentTypeRow> rows_;
  std::unordered_map<std::string, std::size_t> by_name_;
  std::unordered_map<std::int64_t, std::size_t> by_id_;
};

// The handle's cache, loaded on first use (ContentTypeCache::load).
std::shared_ptr<const ContentTypeCache> content_types(DatabaseState& db);

// Drops the handle's cache: the next content_types() reads the table again.
void forget_content_types(DatabaseState& db);

}  // namespace covet::detail

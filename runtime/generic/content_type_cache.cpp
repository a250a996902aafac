#include "generic/content_type_cache.hpp"

#include "generic/content_type_table.hpp"
#include "sql/dialect.hpp"

#include <covet/detail/naming.hpp>
#include <covet/errors.hpp>

#include <string_view>

namespace covet::detail {

namespace {

// Registered models by content-type name.
std::unordered_map<std::string, const ModelInfo*> models_by_name() {
  std::unordered_map<std::string, const ModelInfo*> out;
  for (const ModelInfo* model : all_models()) {
    if (model->content_type.empty()) continue;
    auto [it, fresh] = out.emplace(model->content_type, model);
    if (!fresh)
      throw UsageError("content type '" + model->content_type + "' is the name of two models, " + it->second->name +
                           " and " + model->name +
                           " (the plugin rejects this within one covet_add_models() target; these come from two): "
                           "give one of them another name with [[covet::content_type(\"app.model\")]]",
                       model->name);
  }
  return out;
}

}  // namespace

std::shared_ptr<const ContentTypeCache> ContentTypeCache::load(DatabaseState& db) {
  const std::unordered_map<std::string, const ModelInfo*> models = models_by_name();
  auto cache = std::make_shared<ContentTypeCache>();
  const Dialect d = db.dialect;
  const std::string sql = "SELECT " + quote_identifier(d, "id") + ", " + quote_identifier(d, "app_label") + ", " +
                          quote_identifier(d, "model") + " FROM " + quote_identifier(d, kContentTypeTable) +
                          " ORDER BY " + quote_identifier(d, "id");
  try {
    db.connection->execute(sql, {}, [&](const Row& row) {
      ContentTypeRow& r = cache->rows_.emplace_back();
      r.id = row.value(0).as_integer();
      r.app_label = row.value(1).as_text();
      r.model = row.value(2).as_text();
    });
  } catch (const ProgrammingError& e) {
    // No table: a database create_all() never ran on (or one made before
    // Covet had the table). On PostgreSQL the failed statement also aborts
    // an open transaction, as any failed statement does.
    const bool no_table = e.code() == "42P01" || std::string_view(e.what()).find("no such table") != std::string_view::npos;
    if (!no_table) throw;
    throw UsageError(std::string("cannot read the content types: ") + e.what() + "; run db.create_all(), which creates "
                         "the table " + kContentTypeTable + " and a row per model",
                     {}, e.sql(), e.code());
  }
  for (std::size_t i = 0; i < cache->rows_.size(); ++i) {
    ContentTypeRow& r = cache->rows_[i];
    std::string name = r.app_label + "." + r.model;
    if (auto it = models.find(name); it != models.end()) r.model_info = it->second;
    cache->by_id_.emplace(r.id, i);
    cache->by_name_.emplace(std::move(name), i);
  }
  return cache;
}

const ContentTypeRow* ContentTypeCache::by_name(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : &rows_[it->second];
}

const ContentTypeRow* ContentTypeCache::by_id(std::int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &rows_[it->second];
}

std::shared_ptr<const ContentTypeCache> content_types(DatabaseState& db) {
  if (!db.content_types) db.content_types = ContentTypeCache::load(db);
  return db.content_types;
}

void forget_content_types(DatabaseState& db) { db.content_types.reset(); }

}  // namespace covet::detail

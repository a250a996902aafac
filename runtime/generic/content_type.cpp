// covet::ContentType (covet/content_type.hpp) over the handle's cache
// (content_type_cache.hpp): every function here reads the cache, which the
// first of them fills with one statement; none writes to the table.
#include "database_access.hpp"
#include "generic/content_type_cache.hpp"
#include "generic/content_type_lookup.hpp"
#include "generic/content_type_table.hpp"

#include <covet/content_type.hpp>
#include <covet/errors.hpp>

namespace covet {

namespace detail {

struct ContentTypeAccess {
  static ContentType make(const ContentTypeRow& row) {
    return ContentType(row.id, row.app_label, row.model, row.model_info);
  }
};

namespace {

DatabaseState& open_state(const Database& db) {
  const std::shared_ptr<DatabaseState>& state = DatabaseAccess::state(db);
  if (!state || !state->connection) throw UsageError("the Database has been closed");
  return *state;
}

// The model whose row for_model gives: a proxy's concrete model by default.
const ModelInfo& content_type_model(const ModelInfo& model, ConcreteModel concrete) {
  if (model.abstract) throw_abstract_model(model, "ask for the content type of");
  if (concrete == ConcreteModel::Yes && model.concrete_model) return *model.concrete_model;
  return model;
}

}  // namespace

ContentType content_type_for_model(DatabaseState& db, const ModelInfo& model, ConcreteModel concrete) {
  const ModelInfo& target = content_type_model(model, concrete);
  if (target.content_type.empty())
    throw UsageError(target.name + " has no content-type name: its metadata was not emitted by a Covet plugin that "
                         "names content types; rebuild it through covet_add_models()",
                     target.name);
  const std::shared_ptr<const ContentTypeCache> cache = content_types(db);
  const ContentTypeRow* row = cache->by_name(target.content_type);
  if (row == nullptr)
    throw UsageError(target.name + " (content type '" + target.content_type + "') has no row in " +
                         kContentTypeTable +
                         ": the tables were made by a create_all() that did not know the model; run db.create_all(), "
                         "which adds the missing rows (content-type lookups never write)",
                     target.name);
  return ContentTypeAccess::make(*row);
}

ContentType content_type_for_id(DatabaseState& db, std::int64_t id) {
  const std::shared_ptr<const ContentTypeCache> cache = content_types(db);
  const ContentTypeRow* row = cache->by_id(id);
  if (row == nullptr)
    throw DoesNotExist("no content type has id " + std::to_string(id) + " in " + kContentTypeTable, "ContentType");
  return ContentTypeAccess::make(*row);
}

}  // namespace detail

const ModelInfo& ContentType::model_info() const {
  if (info_ == nullptr)
    throw UsageError("content type '" + name() + "' (id " + std::to_string(id_) +
                         ") names no model of this program: a model removed or renamed since create_all() added its "
                         "row, or one of another program sharing the database",
                     name());
  return *info_;
}

void ContentType::throw_mismatch(const std::type_info& wanted) const {
  const std::string asked = detail::is_registered(wanted) ? detail::lookup_model(wanted).name : wanted.name();
  const std::string actual = info_ != nullptr ? info_->name : "no model of this program";
  throw ContentTypeMismatch("content type '" + name() + "' is the content type of " + actual + ", not of " + asked +
                                ": query " + actual + " through it, or use ContentType::for_model<" + asked +
                                ">(db)",
                            asked, actual);
}

ContentType ContentType::for_model(const Database& db, const ModelInfo& model, ConcreteModel concrete) {
  return detail::content_type_for_model(detail::open_state(db), model, concrete);
}

ContentType ContentType::for_id(const Database& db, std::int64_t id) {
  return detail::content_type_for_id(detail::open_state(db), id);
}

std::vector<ContentType> ContentType::all(const Database& db) {
  const std::shared_ptr<const detail::ContentTypeCache> cache = detail::content_types(detail::open_state(db));
  std::vector<ContentType> out;
  out.reserve(cache->rows().size());
  for (const detail::ContentTypeRow& row : cache->rows()) out.push_back(detail::ContentTypeAccess::make(row));
  return out;
}

}  // namespace covet

#include "prefetch/generic_prefetch.hpp"

#include "generic/content_type_cache.hpp"
#include "prefetch/related_rows.hpp"

#include <covet/generic_ref.hpp>

#include <map>
#include <unordered_map>

namespace covet::detail {

namespace {

// The owners of one content type, by the key their reference holds.
struct Pointing {
  std::vector<Value> keys;  // first-seen order
  std::unordered_map<Value, std::vector<GenericRefState*>, ValueHash> refs;
};

}  // namespace

std::vector<void*> load_generic_objects(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                                        const std::vector<void*>& owners) {
  const MemberInfo& member = *step.generic_ref;
  std::map<std::int64_t, Pointing> by_type;  // ordered: one query per type, in a stable order
  for (void* owner : owners) {
    GenericRefState& ref = *member.generic_state(owner);
    if (!ref.has_value() || ref.is_loaded() || ref.content_type_id() == 0) continue;
    Pointing& p = by_type[ref.content_type_id()];
    auto [it, inserted] = p.refs.try_emplace(ref.object_id());
    if (inserted) p.keys.push_back(ref.object_id());
    it->second.push_back(&ref);
  }
  std::vector<void*> loaded_objects;
  if (by_type.empty()) return loaded_objects;
  const std::shared_ptr<const ContentTypeCache> types = content_types(*db);
  for (auto& [type_id, pointing] : by_type) {
    const ContentTypeRow* row = types->by_id(type_id);
    if (row == nullptr || row->model_info == nullptr) continue;  // reading the reference reports it
    const ModelInfo& model = *row->model_info;
    RelationStep one;
    one.owner = step.owner;
    one.related = &model;
    one.name = step.name;
    one.describe = step.describe;
    one.single = true;
    one.restriction.key_member = model.primary_key;
    one.restriction.key_type = model.primary_key->type == ColumnType::AutoId ? ColumnType::BigInt : model.primary_key->type;
    std::unordered_map<Value, std::shared_ptr<void>, ValueHash> found;
    found.reserve(pointing.keys.size());
    load_related_rows(db, one, pointing.keys, nullptr, [&](const Value& key) -> void* {
      std::shared_ptr<void>& slot = found[key];
      if (slot) return nullptr;
      slot = model.make();
      return slot.get();
    });
    for (const Value& key : pointing.keys) {
      auto it = found.find(key);
      std::shared_ptr<void> object = it == found.end() ? nullptr : it->second;
      for (GenericRefState* ref : pointing.refs[key]) GenericRefAccess::set_object(*ref, model, object);
      if (object) loaded_objects.push_back(object.get());
    }
  }
  return loaded_objects;
}

}  // namespace covet::detail

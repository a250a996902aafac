#include "prefetch/generic_prefetch.hpp"

#include "generic/content_type_cache.hpp"

#include <covet/errors.hpp>
#include <covet/generic_ref.hpp>

#include <algorithm>

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

void load_objects_by_key(const std::shared_ptr<DatabaseState>& db, const ModelInfo& owner,
                         const MemberInfo& generic_ref, const ModelInfo& model, const std::vector<Value>& keys, const QueryState* queryset,
                         std::unordered_map<Value, std::shared_ptr<void>, ValueHash>& found) {
  RelationStep one;
  one.owner = &owner;
  one.related = &model;
  one.name = generic_ref.name;
  one.describe = owner.name + "." + generic_ref.name;
  one.single = true;
  one.restriction.key_member = model.primary_key;
  one.restriction.key_type =
      model.primary_key->type == ColumnType::AutoId ? ColumnType::BigInt : model.primary_key->type;
  found.reserve(found.size() + keys.size());
  load_related_rows(db, one, keys, queryset, [&](const Value& key) -> void* {
    std::shared_ptr<void>& slot = found[key];
    if (slot) return nullptr;
    slot = model.make();
    return slot.get();
  });
}

void validate_generic_querysets(const RelationStep& step, const std::string& lookup,
                                const std::vector<ModelQuerySet>& querysets) {
  const MemberInfo& member = *step.generic_ref;
  const std::string& owner = step.owner->name;
  const std::vector<const ModelInfo*>& targets = member.generic->targets;
  for (std::size_t i = 0; i < querysets.size(); ++i) {
    const ModelInfo& model = *querysets[i].model;
    const std::string head = "GenericPrefetch('" + lookup + "'): the query set of " + model.name;
    if (model.proxy && model.concrete_model != nullptr)
      throw UsageError(head + " is of a proxy model: generic references hold the content type of its concrete "
                              "model " + model.concrete_model->name + "; give a query set of " +
                           model.concrete_model->name,
                       owner);
    if (!targets.empty() && std::find(targets.begin(), targets.end(), &model) == targets.end()) {
      std::string names;
      for (const ModelInfo* t : targets) names += (names.empty() ? "" : ", ") + t->name;
      throw UsageError(head + ": " + step.describe + " never points at " + model.name + " objects (its targets: " +
                           names + ")",
                       owner);
    }
    for (std::size_t j = 0; j < i; ++j)
      if (querysets[j].model == &model)
        throw UsageError(head + ": a second query set of " + model.name + "; give one per model", owner);
    if (querysets[i].state && querysets[i].state->is_sliced())
      throw UsageError(head + " is sliced, which cannot select prefetched rows (the slice would apply to all "
                              "owners together); filter it instead",
                       owner);
  }
}

std::vector<GenericLoad> load_generic_objects(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                                              const std::vector<void*>& owners,
                                              const std::vector<ModelQuerySet>& querysets) {
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
  std::vector<GenericLoad> loads;
  if (by_type.empty()) return loads;
  const std::shared_ptr<const ContentTypeCache> types = content_types(*db);
  for (auto& [type_id, pointing] : by_type) {
    const ContentTypeRow* row = types->by_id(type_id);
    if (row == nullptr || row->model_info == nullptr) continue;  // reading the reference reports it
    const ModelInfo& model = *row->model_info;
    GenericLoad& load = loads.emplace_back(GenericLoad{&model, nullptr, {}});
    for (const ModelQuerySet& q : querysets)
      if (q.model == &model) load.queryset = q.state.get();
    std::unordered_map<Value, std::shared_ptr<void>, ValueHash> found;
    load_objects_by_key(db, *step.owner, member, model, pointing.keys, load.queryset, found);
    for (const Value& key : pointing.keys) {
      auto it = found.find(key);
      std::shared_ptr<void> object = it == found.end() ? nullptr : it->second;
      for (GenericRefState* ref : pointing.refs[key]) GenericRefAccess::set_object(*ref, model, object);
      if (object) load.objects.push_back(object.get());
    }
  }
  return loads;
}

}  // namespace covet::detail

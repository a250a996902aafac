#include "generic/generic_members.hpp"
#include "model/type_names.hpp"

#include <covet/errors.hpp>

#include <memory>
#include <string>
#include <typeindex>

namespace covet::detail {

namespace {

const ModelInfo* find_model(const std::vector<const ModelInfo*>& models, const std::type_info& type) {
  for (const ModelInfo* m : models)
    if (m->type == std::type_index(type)) return m;
  return nullptr;
}

// The column member `name` of `model` that a generic member of `owner` names.
const MemberInfo& column_member(const ModelInfo& model, const std::string& name, const ModelInfo& owner,
                                const MemberInfo& generic, const char* role) {
  const MemberInfo* m = model.member(name);
  if (m == nullptr || m->kind != MemberKind::Column)
    throw UsageError(owner.name + "." + generic.name + ": its " + role + " member '" + name + "' is not a column of " +
                         model.name + " (name it with covet::generic_fields(\"content type member\", "
                         "\"object id member\"))",
                     owner.name);
  return *m;
}

void link_reference(const std::vector<const ModelInfo*>& models, const ModelInfo& model, MemberInfo& m) {
  GenericInfo& g = *m.generic;
  g.content_type_member = &column_member(model, g.content_type_field, model, m, "content-type");
  g.object_id_member = &column_member(model, g.object_id_field, model, m, "object-id");
  g.targets.clear();
  for (const std::type_info* type : g.target_types) {
    const ModelInfo* target = find_model(models, *type);
    if (target == nullptr)
      throw UsageError(model.name + "." + m.name + " points at " + demangle(*type) +
                           ", which is not a registered model: pass its header to covet_add_models()",
                       model.name);
    g.targets.push_back(target);
  }
}

void link_relation(const std::vector<const ModelInfo*>& models, const ModelInfo& model, MemberInfo& m) {
  GenericInfo& g = *m.generic;
  const ModelInfo* related = find_model(models, *g.related_type);
  if (related == nullptr)
    throw UsageError(model.name + "." + m.name + " is a GenericRelation of " + demangle(*g.related_type) +
                         ", which is not a registered model: pass its header to covet_add_models()",
                     model.name);
  g.related = related;
  g.generic_ref = nullptr;
  for (const MemberInfo& candidate : related->members)
    if (candidate.kind == MemberKind::GenericRef && candidate.generic->content_type_field == g.content_type_field &&
        candidate.generic->object_id_field == g.object_id_field)
      g.generic_ref = &candidate;
  if (g.generic_ref == nullptr)
    throw UsageError(model.name + "." + m.name + ": " + related->name + " has no covet::GenericRef over the members '" +
                         g.content_type_field + "' and '" + g.object_id_field +
                         "' (name them with covet::generic_fields on the GenericRelation)",
                     model.name);
  g.content_type_member = &column_member(*related, g.content_type_field, model, m, "content-type");
  g.object_id_member = &column_member(*related, g.object_id_field, model, m, "object-id");
}

}  // namespace

void link_generic_members(const std::vector<const ModelInfo*>& models) {
  // Generic references first: a relation reads its reference's members.
  for (const ModelInfo* model : models)
    for (MemberInfo& m : const_cast<ModelInfo*>(model)->members)
      if (m.kind == MemberKind::GenericRef) {
        m.generic = std::make_shared<GenericInfo>(*m.generic);  // each member owns its info from here on
        link_reference(models, *model, m);
      }
  for (const ModelInfo* model : models)
    for (MemberInfo& m : const_cast<ModelInfo*>(model)->members)
      if (m.kind == MemberKind::GenericRelation) {
        m.generic = std::make_shared<GenericInfo>(*m.generic);
        link_relation(models, *model, m);
      }
}

}  // namespace covet::detail

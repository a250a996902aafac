// QuerySet::for_object (covet/query_set.hpp): the rows whose generic
// reference points at one object, as the two column conditions.
#include "generic/content_type_lookup.hpp"
#include "query/query_state.hpp"

#include <covet/errors.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>

#include <string>

namespace covet::detail {

namespace {

std::string generic_ref_names(const ModelInfo& model) {
  std::string names;
  for (const MemberInfo& m : model.members)
    if (m.kind == MemberKind::GenericRef) names += (names.empty() ? "" : ", ") + m.name;
  return names;
}

const MemberInfo& find_generic_ref(const ModelInfo& model, std::string_view name) {
  const MemberInfo* found = nullptr;
  for (const MemberInfo& m : model.members) {
    if (m.kind != MemberKind::GenericRef || (!name.empty() && m.name != name)) continue;
    if (found)
      throw UsageError(model.name + " has several generic references (" + generic_ref_names(model) +
                           "): name one, for_object(\"" + found->name + "\", object)",
                       model.name);
    found = &m;
  }
  if (found) return *found;
  const std::string names = generic_ref_names(model);
  if (!name.empty())
    throw UsageError(model.name + " has no generic reference '" + std::string(name) + "'" +
                         (names.empty() ? std::string(" (it has none)") : " (it has: " + names + ")"),
                     model.name);
  throw UsageError(model.name + " has no covet::GenericRef member: for_object() filters on one", model.name);
}

}  // namespace

QueryCore QueryCore::for_object(std::string_view generic_ref, const ModelInfo& object_model, const void* object) const {
  const ModelInfo& self = model();
  const MemberInfo& ref = find_generic_ref(self, generic_ref);
  const Value key = object_model.primary_key ? object_model.primary_key->get(object) : Value();
  if (key.is_null())
    throw UsageError("for_object(): the " + object_model.name + " is unsaved, so no " + self.name +
                         " can point at it: save it first",
                     self.name);
  const ContentType type = content_type_for_model(*QueryCoreAccess::database(*this), object_model);
  const GenericInfo& g = *ref.generic;
  return filtered(Q(g.content_type_member->name, Value(type.id())) & Q(g.object_id_member->name, key), false,
                  "for_object()");
}

}  // namespace covet::detail

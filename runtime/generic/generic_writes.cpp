#include "generic/generic_writes.hpp"

#include <covet/generic_ref.hpp>

namespace covet::detail {

void store_generic_refs(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  for (const MemberInfo& m : model.members)
    if (m.kind == MemberKind::GenericRef) GenericRefAccess::store(*m.generic_state(object), db, model, m, object);
}

bool has_generic_refs(const ModelInfo& model) {
  for (const MemberInfo& m : model.members)
    if (m.kind == MemberKind::GenericRef) return true;
  return false;
}

bool has_assigned_generic_ref(const ModelInfo& model, const void* object) {
  for (const MemberInfo& m : model.members)
    if (m.kind == MemberKind::GenericRef && GenericRefAccess::assigned(*m.generic_state(const_cast<void*>(object))))
      return true;
  return false;
}

}  // namespace covet::detail

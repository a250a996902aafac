#include "model/column_value.hpp"

namespace covet::detail {

Value column_value(const MemberInfo& m, const void* object) {
  if (m.kind == MemberKind::Relation && !m.relation->to_field.empty() && m.cached_target) {
    if (const void* target = m.cached_target(object))
      return m.relation->target->member(m.relation->to_field)->get(target);
  }
  return m.get(object);
}

void store_to_field_keys(const ModelInfo& model, void* object) {
  for (const MemberInfo* m : model.columns)
    if (m->kind == MemberKind::Relation && !m->relation->to_field.empty())
      m->set(object, column_value(*m, object));
}

}  // namespace covet::detail

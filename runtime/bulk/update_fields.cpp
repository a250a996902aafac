#include "bulk/update_fields.hpp"

#include "query/fitted_condition.hpp"
#include "query/lookup_limits.hpp"
#include "trees/nested_set_hooks.hpp"

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>

#include <string>

namespace covet::detail {

namespace {

const char* operation(UpdateKind kind) {
  return kind == UpdateKind::BulkUpdate ? "bulk_update()" : "update()";
}

bool has_column(const MemberInfo& m) { return !m.column.empty() && m.get && m.set; }

std::string column_choices(const ModelInfo& model, UpdateKind kind) {
  std::string out;
  for (const MemberInfo* m : model.columns) {
    if (kind == UpdateKind::BulkUpdate && m->primary_key) continue;
    out += (out.empty() ? "" : ", ") + m->name;
  }
  return out.empty() ? "(none)" : out;
}

// What a name that is not a column designates, for the error message; empty
// when it designates nothing.
std::string non_column_kind(const ModelInfo& model, std::string_view name) {
  for (const MemberInfo& m : model.members) {
    if (m.name != name) continue;
    if (m.kind == MemberKind::ReverseMember) return "a reverse relation member";
    if (m.kind == MemberKind::GenericRef)
      return "a generic reference (update its members '" + m.generic->content_type_field + "' and '" +
             m.generic->object_id_field + "')";
    if (m.kind == MemberKind::GenericRelation) return "a generic relation";
    if (m.relation && m.relation->kind == RelationKind::ManyToMany) return "a many-to-many relation";
    return "not a column";
  }
  for (const ReverseRelation& r : model.reverse)
    if (r.accessor == name || r.query_name == name)
      return "the reverse side of " + r.source->name + "." + r.member->name;
  return {};
}

}  // namespace

const MemberInfo& updatable_member(const ModelInfo& model, std::string_view name, UpdateKind kind) {
  check_field_name_limits(model, name, kind == UpdateKind::BulkUpdate ? "bulk_update" : "update");
  const MemberInfo* found = nullptr;
  for (const MemberInfo* m : model.columns)
    if (m->name == name) found = m;
  if (!found)
    for (const MemberInfo* m : model.columns)
      if (m->kind == MemberKind::Relation && m->column == name) found = m;
  if (found && !has_column(*found)) found = nullptr;
  if (!found) {
    const std::string what = non_column_kind(model, name);
    if (!what.empty())
      throw FieldError(std::string(operation(kind)) + " can only be used with concrete fields: " + model.name +
                           "." + std::string(name) + " is " + what + ". Choices are: " +
                           column_choices(model, kind),
                       model.name);
    throw FieldError(model.name + " has no field named '" + std::string(name) + "' to " +
                         (kind == UpdateKind::BulkUpdate ? "bulk_update" : "update") +
                         ". Choices are: " + column_choices(model, kind),
                     model.name);
  }
  if (found->primary_key && kind == UpdateKind::BulkUpdate)
    throw FieldError("bulk_update() cannot be used with primary key fields (" + model.name + "." +
                         found->name + " finds the rows it updates). Choices are: " +
                         column_choices(model, kind),
                     model.name);
  if (nested_set_maintained(model, *found)) throw_nested_set_field(model, *found, operation(kind));
  return *found;
}

Value fitted_value(const ModelInfo& model, const MemberInfo& member, Value value, const ObjectKeys* object) {
  value = fit_to_column(model, member, std::move(value), object, "update");
  if (value.is_null() || member.type != ColumnType::Decimal) return value;
  // To the column's scale, exactly (a Decimal<10, 3> of 9.990 into a
  // NUMERIC(10, 2) is 9.99; 9.995 is refused), with its digits checked:
  // SQLite would store any text, PostgreSQL would round.
  try {
    return Value(DecimalValue{value_to_decimal_units(value, member.max_digits, member.decimal_places,
                                                     "NUMERIC(" + std::to_string(member.max_digits) + ", " +
                                                         std::to_string(member.decimal_places) + ")"),
                              member.decimal_places});
  } catch (DataError& e) {
    throw DataError("update(): " + model.name + "." + member.name + ": " + e.what(), model.name);
  }
}

}  // namespace covet::detail

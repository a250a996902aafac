#include "bulk/update_fields.hpp"

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
    if (m.relation && m.relation->kind == RelationKind::ManyToMany) return "a many-to-many relation";
    return "not a column";
  }
  for (const ReverseRelation& r : model.reverse)
    if (r.accessor == name || r.query_name == name)
      return "the reverse side of " + r.source->name + "." + r.member->name;
  return {};
}

const char* kind_wanted(ColumnType type) {
  switch (type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return "an integer";
    case ColumnType::Bool: return "a bool";
    case ColumnType::Real: return "a number";
    case ColumnType::Text: return "text";
    case ColumnType::Blob: return "a blob";
    case ColumnType::Timestamp: return "a timestamp (std::chrono::sys_time)";
    case ColumnType::Date: return "a date (std::chrono::sys_days or year_month_day)";
    case ColumnType::Decimal: return "a decimal (covet::Decimal) or an integer";
    case ColumnType::Uuid: return "a UUID (covet::Uuid)";
  }
  return "a value";
}

bool fits(ColumnType type, Value::Kind kind) {
  switch (type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return kind == Value::Kind::Integer;
    case ColumnType::Bool: return kind == Value::Kind::Bool;
    case ColumnType::Real: return kind == Value::Kind::Real || kind == Value::Kind::Integer;
    case ColumnType::Text: return kind == Value::Kind::Text;
    case ColumnType::Blob: return kind == Value::Kind::Blob;
    case ColumnType::Timestamp: return kind == Value::Kind::Timestamp;
    case ColumnType::Date: return kind == Value::Kind::Date;
    case ColumnType::Decimal: return kind == Value::Kind::Decimal || kind == Value::Kind::Integer;
    case ColumnType::Uuid: return kind == Value::Kind::Uuid;
  }
  return false;
}

}  // namespace

const MemberInfo& updatable_member(const ModelInfo& model, std::string_view name, UpdateKind kind) {
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
  return *found;
}

Value fitted_value(const ModelInfo& model, const MemberInfo& member, Value value) {
  if (value.is_null()) return value;
  if (!fits(member.type, value.kind())) {
    std::string holds = kind_wanted(member.type);
    if (member.kind == MemberKind::Relation) {
      const ModelInfo& target = *member.relation->target;
      const std::string& key = member.relation->to_field.empty() ? target.primary_key->name
                                                                  : member.relation->to_field;
      holds = "a " + target.name + " (a Ref, a saved object or its " + key + ": " + holds + ")";
    }
    throw UsageError("update(): the value " + value.debug_string() + " does not fit " + model.name + "." +
                         member.name + ", which takes " + holds,
                     model.name);
  }
  if (member.type == ColumnType::Real && value.is_integer())
    return Value(static_cast<double>(value.as_integer()));
  if (member.type == ColumnType::Decimal) {
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
  return value;
}

}  // namespace covet::detail

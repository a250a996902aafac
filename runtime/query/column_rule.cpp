#include "query/column_rule.hpp"

#include <string>

namespace covet::detail {

namespace {

constexpr unsigned bit(Value::Kind kind) { return 1u << static_cast<unsigned>(kind); }

}  // namespace

ColumnRule column_rule(ColumnType type) {
  switch (type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return {"integer", "an integer", bit(Value::Kind::Integer), false};
    case ColumnType::Bool: return {"bool", "a bool", bit(Value::Kind::Bool), false};
    case ColumnType::Real:
      return {"real", "a number", bit(Value::Kind::Real) | bit(Value::Kind::Integer), true};
    case ColumnType::Text: return {"text", "text", bit(Value::Kind::Text), false};
    case ColumnType::Blob: return {"blob", "a blob", bit(Value::Kind::Blob), false};
    case ColumnType::Timestamp:
      return {"timestamp", "a timestamp (std::chrono::sys_time)", bit(Value::Kind::Timestamp), false};
    case ColumnType::Date:
      return {"date", "a date (std::chrono::sys_days or year_month_day)", bit(Value::Kind::Date), false};
    // A decimal compares exactly with decimals of any scale and integers (the
    // backends compare by value: NUMERIC, SQLite's covet_decimal collation);
    // a double would compare approximately, so it is refused.
    case ColumnType::Decimal:
      return {"decimal", "a decimal (covet::Decimal) or an integer",
              bit(Value::Kind::Decimal) | bit(Value::Kind::Integer), false};
    case ColumnType::Uuid: return {"UUID", "a UUID (covet::Uuid)", bit(Value::Kind::Uuid), false};
  }
  return {"unknown", "a value", 0, false};
}

bool column_accepts(ColumnType type, const Value& value) {
  return (column_rule(type).kinds & bit(value.kind())) != 0;
}

Value as_column_value(ColumnType type, Value value) {
  if (column_rule(type).widens_integers && value.is_integer()) return Value(static_cast<double>(value.as_integer()));
  return value;
}

const char* value_kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null: return "NULL";
    case Value::Kind::Bool: return "a bool";
    case Value::Kind::Integer: return "an integer";
    case Value::Kind::Real: return "a real number";
    case Value::Kind::Text: return "text";
    case Value::Kind::Blob: return "a blob";
    case Value::Kind::Timestamp: return "a timestamp";
    case Value::Kind::Date: return "a date";
    case Value::Kind::Decimal: return "a decimal";
    case Value::Kind::Uuid: return "a UUID";
  }
  return "a value";
}

std::string column_type_phrase(ColumnType type) {
  const std::string name = column_rule(type).type_name;
  const bool vowel = !name.empty() && std::string("aeiou").find(name.front()) != std::string::npos;
  return (vowel ? "an " : "a ") + name + " column";
}

}  // namespace covet::detail

// Which values a column takes, by its ColumnType: the one rule that filter,
// exclude, get, Q (every compared value, in lists and ranges too, across
// relations) and update() apply when a condition or assignment is added, so
// that both backends answer a misfit value the same way -- a UsageError --
// instead of SQLite matching nothing and PostgreSQL failing at run time.
//
//   integer columns (covet::Id, ints, enums)  an integer
//   bool                                      a bool
//   real                                      a real or an integer (stored as a real)
//   text                                      text
//   blob, timestamp, date                     a blob, a timestamp, a date
//   decimal                                   a decimal of any scale or an integer
//   UUID                                      a UUID
//
// NULL is not a kind here: whether it may be compared is the lookup's
// business (check_lookup_value), whether it may be stored the column's.
// Pattern lookups (contains, iexact, ...) follow Django instead and compare
// any column by its text with a text or number value (lookups.cpp).
// A new column type is one new case in column_rule().
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

namespace covet::detail {

struct ColumnRule {
  const char* type_name = "";  // "integer": the column in messages ("an integer column")
  const char* takes = "";      // "an integer": what it accepts, in messages
  unsigned kinds = 0;          // bit (1u << Value::Kind) per accepted kind
  bool widens_integers = false;  // an integer value is stored as a real
};

ColumnRule column_rule(ColumnType type);

// Whether a non-NULL `value` fits a column of `type`.
bool column_accepts(ColumnType type, const Value& value);

// `value` (which column_accepts) as the column stores it.
Value as_column_value(ColumnType type, Value value);

// "text", "an integer", "a real number", ...: what a value is, in messages.
const char* value_kind_name(Value::Kind kind);

// "an integer column": a column of `type`, in messages.
std::string column_type_phrase(ColumnType type);

}  // namespace covet::detail

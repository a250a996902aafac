// The lookups a filter may end with, one function each, producing the SQL
// condition for a column expression in one dialect. Values are appended to
// `params`; the fragment holds only placeholders.
//
// Case sensitivity follows Django on both backends: contains / startswith /
// endswith are case-sensitive (SQLite's LIKE is not, so SQLite uses GLOB with
// the pattern's metacharacters escaped), the i-variants are not (LIKE on
// SQLite, UPPER(col) LIKE UPPER(pattern) on PostgreSQL). LIKE patterns escape
// %, _ and the escape character itself with a backslash.
#pragma once

#include "backend/connection.hpp"
#include "query/param_sink.hpp"

#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

// Whether `name` is a lookup ("exact", "icontains", ...).
bool is_lookup(std::string_view name);

// "exact, iexact, gt, ...", for FieldError messages.
std::string lookup_choices();

// Checks that `value` fits `lookup` (a list for in/range, two values for
// range, a bool for isnull, no NULL where it cannot mean anything). Throws
// UsageError naming `field_label` otherwise.
void check_lookup_value(std::string_view lookup, const FilterValue& value,
                        std::string_view field_label);

// The condition `column <lookup> value`. `column` is the qualified, quoted
// column expression; `type` its storage class (PostgreSQL casts non-text
// columns to text for pattern lookups). `value` has passed
// check_lookup_value and fits the column (fitted_condition.hpp). An `in`
// with no values yields a condition that is always false; one with more
// than 64 values binds them as one parameter (an array on PostgreSQL, a
// JSON array on SQLite: sql/list_parameter.hpp), so its length is not
// bounded by the statement's parameter limit.
std::string lookup_sql(std::string_view lookup, const std::string& column, ColumnType type,
                       const FilterValue& value, ParamSink& sink);

// Whether the condition lookup_sql builds is itself NULL-safe (never NULL):
// IS NULL / IS NOT NULL and the always-false empty `in`.
bool lookup_is_null_safe(std::string_view lookup, const FilterValue& value);

}  // namespace covet::detail

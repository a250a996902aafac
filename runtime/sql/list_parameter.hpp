// A list of values sent as one statement parameter, so that a list of any
// length costs one placeholder instead of one per value (PostgreSQL allows
// 65,535 parameters in a statement, SQLite 32,766 by default):
//
//   PostgreSQL  "col" = ANY($1::bigint[])       $1 = '{1,2,3}'          (an array literal)
//   SQLite      "col" IN (SELECT value FROM json_each(?))    ? = '[1,2,3]'   (a JSON array)
//
// The literal is written per column type, from values that fit the column
// (column_rule.hpp): integers, reals, text, bools, dates and timestamps in
// the text form each backend binds them in (iso8601.hpp), blobs as bytea
// hex on PostgreSQL. SQLite's JSON has no blobs, so a blob list compares
// hex(col) with the values' hex text; a text value holding a NUL byte
// cannot pass through JSON (json_each stops at it), so such a list has no
// single-parameter form on SQLite. NULLs are left out (NULL equals nothing).
// Prefetch (key_restriction.cpp) and `__in` (lookups.cpp) share it.
#pragma once

#include "backend/connection.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

// The PostgreSQL array type for a column type: "bigint[]", "text[]", ...
std::string pg_array_type(ColumnType type);

// {1,2,3} / {"a","b\"c"} / {"\\x0102"}: a PostgreSQL array literal of
// `values`, which all fit one column type.
std::string pg_array_literal(const std::vector<Value>& values);

// [1,2,"a\"b"]: a JSON array of `values` for SQLite's json_each (blobs as
// upper-case hex text). nullopt when a value cannot be written (text with a
// NUL byte).
std::optional<std::string> sqlite_json_array(const std::vector<Value>& values);

// The condition "`column` is one of the list bound as one parameter
// (`placeholder`)": "col = ANY($1::bigint[])", "col IN (SELECT value FROM
// json_each(?))", or for a blob column on SQLite "(col IS NOT NULL AND
// hex(col) IN (...))".
std::string list_parameter_condition(Dialect dialect, const std::string& column, ColumnType type,
                                     const std::string& placeholder);

}  // namespace covet::detail

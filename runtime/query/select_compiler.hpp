// QueryState -> CompiledQuery for the three statements a query set runs:
//
//   rows    SELECT "t0"."id", "t0"."title", ... FROM "books" AS "t0"
//           [joins] [WHERE ...] [ORDER BY ...] [LIMIT ? OFFSET ?]
//   count   SELECT COUNT(*) FROM ... WHERE ...
//           (a sliced query counts a subquery: the slice bounds the count)
//   exists  SELECT 1 FROM ... WHERE ... LIMIT ?
//
// The selected columns are the model's column members in declaration order
// (less those only() / defer() leave out), then the columns of each
// select_related model in plan order (select_related.hpp), then a prefetch
// key restriction's key: the order run_rows() reads them in. Counts and
// EXISTS never join for select_related. Every identifier is quoted, every
// value (LIMIT and OFFSET included) bound; SQLite writes LIMIT -1 when only
// an OFFSET is set, since its grammar has no bare OFFSET.
#pragma once

#include "backend/connection.hpp"
#include "query/compiled_query.hpp"
#include "query/query_state.hpp"
#include "query/sql_scope.hpp"

#include <functional>
#include <string>

namespace covet::detail {

enum class SelectKind { Rows, Count, Exists };

// Columns a caller adds to a rows SELECT, after select_related's (a
// polymorphic load's subclass tables, runtime/inheritance/): called with the
// scope once every other column is listed; returns ", <col>, <col>..." and
// may join through the scope.
using MoreColumns = std::function<std::string(SqlScope&)>;

// Throws FieldError for an unknown field in a condition or ordering.
CompiledQuery compile_select(const QueryState& state, Dialect dialect,
                             SelectKind kind = SelectKind::Rows, const MoreColumns& more = {});

}  // namespace covet::detail

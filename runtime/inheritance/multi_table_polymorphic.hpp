// Polymorphic loads of a multi-table hierarchy: each row of a query of
// models[0] as its most-derived model among `models` (models[0] and its
// concrete, non-proxy descendants, each with a table of its own), without
// RTTI and without a query per row. The front-end
// (QuerySet::polymorphic<Ts...>(), runtime/inheritance/polymorphic_rows.hpp)
// checks the list and dispatches here for a multi-table hierarchy.
//
// Two strategies; both honour the query's conditions, ordering, slice and
// select_related (of models[0]'s relations), and load every object whole.
//
//   Joined (the default): one statement, every descendant table LEFT OUTER
//   JOINed on its parent link, parents first; a row's most-derived model is
//   the deepest whose key column is not NULL.
//     SELECT <person columns>, t1.person_ptr_id, t1.department, ...,
//            t2.employee_ptr_id, t2.reports, t3.person_ptr_id, t3.tier
//       FROM person AS t0
//       LEFT OUTER JOIN employee AS t1 ON t1.person_ptr_id = t0.id
//       LEFT OUTER JOIN manager  AS t2 ON t2.employee_ptr_id = t1.person_ptr_id
//       LEFT OUTER JOIN customer AS t3 ON t3.person_ptr_id = t0.id
//       [WHERE ...] [ORDER BY ...] [LIMIT ...]
//
//   PerTable: the query's own SELECT, then one SELECT per descendant table
//   for the keys found (a child table is read only for the keys its parent
//   table had), so 1 + (number of descendant tables) statements while the
//   keys fit one statement (keys_per_statement: any number on PostgreSQL,
//   up to 16384 on SQLite), more batches beyond.
//
// docs/inheritance.md compares them (bench/: 10,000 rows over 3 subclasses).
// The query's prefetch_related lookups are not run here: they apply to the
// objects afterwards, per model (the front-end's part). Throws UsageError for
// a list that does not fit the hierarchy and for only() / defer() (the
// objects are loaded whole); DataError for a row that two sibling tables
// both extend (it has no single most-derived model), naming the key and the
// models.
#pragma once

#include "database_state.hpp"
#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace covet::detail {

enum class MultiTableStrategy { Joined, PerTable };

// Runs the rows SELECT of `state` (a query of models[0]) and loads each row
// as its most-derived model among `models`: emplace(model) returns a
// default-constructed object of that model to load the row into (or nullptr
// to skip the row).
void load_multi_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const std::vector<const ModelInfo*>& models,
                           const std::function<void*(const ModelInfo&)>& emplace);

// The same with a chosen strategy (the bench and the tests compare them).
void load_multi_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const std::vector<const ModelInfo*>& models,
                           const std::function<void*(const ModelInfo&)>& emplace, MultiTableStrategy strategy);

}  // namespace covet::detail

// Running a query set's rows SELECT and loading each row into an object: the
// one path every materializing read takes (QueryCore's fetch / get / first /
// last and the prefetch engine), so select_related, deferred fields and
// auto-prefetch peers apply the same way everywhere.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"
#include "query/query_state.hpp"
#include "query/select_related.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace covet::detail {

// Runs the rows SELECT of `state`. For each row, `emplace(row)` returns the
// object (of state.model) to load the row into, or nullptr to skip it.
// Returns the number of rows read. Backend errors propagate with the model set.
std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*(const Row&)>& emplace);

// Where one select_related object's columns sit in a row.
struct RelatedColumns {
  const RelatedLoad* load = nullptr;
  int first = 0;  // its first column
  int key = 0;    // its primary key's column: NULL when there is no object
};

// The select_related objects' columns of `plan`, the first at row column `first`.
std::vector<RelatedColumns> related_columns(const std::vector<RelatedLoad>& plan, int first);

// Loads the row's select_related objects and attaches each to its parent
// (the row's object or an earlier related one), so its Ref answers without
// a query. A NULL key (a nullable or dangling foreign key) attaches nothing,
// and nothing below it. `row_model`: the model of `object` when it derives
// from the query's model (a polymorphic load): the row's own relations are
// received by its members of the same names. `loaded` is scratch space.
void load_related(const std::shared_ptr<DatabaseState>& db, const std::vector<RelatedColumns>& related,
                  const Row& row, void* object, std::vector<std::shared_ptr<void>>& loaded,
                  const ModelInfo* row_model = nullptr);

}  // namespace covet::detail

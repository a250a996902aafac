// Running a query set's rows SELECT and loading each row into an object: the
// one path every materializing read takes (QueryCore's fetch / get / first /
// last and the prefetch engine), so select_related, deferred fields and
// auto-prefetch peers apply the same way everywhere.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"
#include "object_loader.hpp"
#include "query/query_state.hpp"
#include "query/select_related.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace covet::detail {

// Where one select_related object's columns sit in a row.
struct RelatedColumns {
  const RelatedLoad* load = nullptr;
  int first = 0;  // its first column
  int key = 0;    // its primary key's column: NULL when there is no object
  std::shared_ptr<ObjectLoader> loader;  // for the related model's rows of this result
};

// The column blocks of `plan` (select_related.hpp), the first at column
// `first`, each with its loader for the objects of one result from `db`.
std::vector<RelatedColumns> related_columns(const std::shared_ptr<DatabaseState>& db,
                                            const std::vector<RelatedLoad>& plan, int first);

// Loads the row's select_related objects and attaches each to its parent
// (`object`, an instance of `model`: the query's model or a subclass of it,
// or an earlier related object), so its Ref answers without a query. A NULL
// key (a nullable or dangling foreign key) attaches nothing, and nothing
// below it. `loaded` keeps the objects of the row.
void load_related(const std::vector<RelatedColumns>& related, const Row& row, const ModelInfo& model, void* object, std::vector<std::shared_ptr<void>>& loaded);

// Runs the rows SELECT of `state`. For each row, `emplace(row)` returns the
// object (of state.model) to load the row into, or nullptr to skip it.
// Returns the number of rows read. Backend errors propagate with the model set.
std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*(const Row&)>& emplace);
// The same for an `emplace` that needs no row; `reserve(n)`, when given,
// is called before the first row when the backend knows that the result
// holds n rows (Row::result_rows).
std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*()>& emplace, const std::function<void(std::size_t)>& reserve = {});

}  // namespace covet::detail

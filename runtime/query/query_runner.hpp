// Running a query set's rows SELECT and loading each row into an object: the
// one path every materializing read takes (QueryCore's fetch / get / first /
// last and the prefetch engine), so select_related, deferred fields and
// auto-prefetch peers apply the same way everywhere.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"
#include "query/query_state.hpp"

#include <cstdint>
#include <functional>
#include <memory>

namespace covet::detail {

// Runs the rows SELECT of `state`. For each row, `emplace(row)` returns the
// object (of state.model) to load the row into, or nullptr to skip it.
// Returns the number of rows read. Backend errors propagate with the model set.
std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*(const Row&)>& emplace);

}  // namespace covet::detail

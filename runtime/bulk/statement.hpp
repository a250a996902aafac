// Running one statement of a bulk write, and what the bulk writes share
// about batches.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace covet::detail {

// Throws UsageError naming `model` when the Database has been closed.
void require_open(const DatabaseState& db, const ModelInfo& model);

// Runs `sql` on the database's connection, attaching `model` to any error
// the backend raises. Throws UsageError when the Database has been closed.
ExecResult run_statement(DatabaseState& db, const ModelInfo& model, const std::string& sql,
                         const std::vector<Value>& params,
                         const std::function<void(const Row&)>& on_row = {});
// The same with parameters that refer to their values (Connection::execute_refs).
ExecResult run_statement(DatabaseState& db, const ModelInfo& model, const std::string& sql,
                         std::span<const ParamRef> params, const std::function<void(const Row&)>& on_row = {});

// How many rows of `width` parameters one statement carries: as many as the
// backend's parameter limit allows, and at most `batch_size` when it is not 0.
std::size_t rows_per_batch(const DatabaseState& db, std::size_t width, std::size_t batch_size);

// How many statements `rows` rows take, `per_batch` at a time.
inline std::size_t batch_count(std::size_t rows, std::size_t per_batch) {
  return (rows + per_batch - 1) / per_batch;
}

}  // namespace covet::detail

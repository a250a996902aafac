#include "bulk/statement.hpp"

#include "relations/key_batches.hpp"

#include <covet/errors.hpp>

#include <algorithm>

namespace covet::detail {

void require_open(const DatabaseState& db, const ModelInfo& model) {
  if (!db.connection) throw UsageError("the Database has been closed", model.name);
}

ExecResult run_statement(DatabaseState& db, const ModelInfo& model, const std::string& sql,
                         const std::vector<Value>& params, const std::function<void(const Row&)>& on_row) {
  require_open(db, model);
  try {
    return db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(model.name);
    throw;
  }
}

ExecResult run_statement(DatabaseState& db, const ModelInfo& model, const std::string& sql,
                         std::span<const ParamRef> params, const std::function<void(const Row&)>& on_row) {
  require_open(db, model);
  try {
    return db.connection->execute_refs(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(model.name);
    throw;
  }
}

std::size_t rows_per_batch(const DatabaseState& db, std::size_t width, std::size_t batch_size) {
  const std::size_t limit = width == 0 ? 1 : rows_per_statement(db, width, 0);
  return batch_size == 0 ? limit : std::min(limit, batch_size);
}

}  // namespace covet::detail

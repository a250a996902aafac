#include "backend/connection.hpp"
#include "backend/logging_connection.hpp"
#include "database_state.hpp"
#include "schema/schema_builder.hpp"
#include "transaction_guard.hpp"

#include <covet/database.hpp>
#include <covet/errors.hpp>

#include <vector>

namespace covet {

namespace {
detail::DatabaseState& require_open(const std::shared_ptr<detail::DatabaseState>& state) {
  if (!state || !state->connection) throw UsageError("the Database has been closed");
  return *state;
}
}  // namespace

Database connect(std::string_view url, const ConnectOptions& options) {
  auto state = std::make_shared<detail::DatabaseState>();
  state->loading = options.loading;
  state->statements = detail::StatementCache(options.statement_cache_size);
  auto guarded = std::make_unique<detail::TransactionGuard>(detail::open_connection(url, options), *state);
  state->connection = std::make_unique<detail::LoggingConnection>(std::move(guarded), state->query_log,
                                                                  detail::sql_logging_requested());
  state->dialect = state->connection->dialect();
  return Database(std::move(state));
}

std::string_view Database::backend() const {
  return require_open(state_).dialect == detail::Dialect::SQLite ? "sqlite" : "postgresql";
}

void Database::create_all() {
  require_open(state_);
  detail::create_all(state_);
}

void Database::drop_all() {
  require_open(state_);
  detail::drop_all(state_);
}

std::int64_t Database::execute(std::string_view sql, std::initializer_list<Value> params) {
  return require_open(state_).connection->execute(sql, std::span<const Value>(params.begin(), params.size())).rows_affected;
}

std::vector<std::vector<Value>> Database::query(std::string_view sql, std::initializer_list<Value> params) {
  std::vector<std::vector<Value>> rows;
  require_open(state_).connection->execute(sql, std::span<const Value>(params.begin(), params.size()),
                                           [&](const detail::Row& row) {
                                             std::vector<Value> values;
                                             values.reserve(static_cast<std::size_t>(row.size()));
                                             for (int i = 0; i < row.size(); ++i) values.push_back(row.value(i));
                                             rows.push_back(std::move(values));
                                           });
  return rows;
}

QueryLog& Database::query_log() { return state_->query_log; }

StatementCacheStats Database::statement_cache() const { return require_open(state_).statements.stats(); }

Loading Database::loading() const { return state_->loading; }
void Database::set_loading(Loading mode) { state_->loading = mode; }

LoadingScope::LoadingScope(Database& db, Loading mode) : db_(&db), previous_(db.loading()) {
  db.set_loading(mode);
}
LoadingScope::~LoadingScope() { db_->set_loading(previous_); }

QueryCounter::QueryCounter(Database& db) : QueryCounter(db.query_log()) {}

void Database::close() {
  if (state_ && state_->streaming)
    throw UsageError("cannot close the Database while iterate() is reading rows from it: end the loop (or destroy "
                     "the stream) first");
  if (state_) state_->connection.reset();
}

}  // namespace covet

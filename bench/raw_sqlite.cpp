#include "raw_sqlite.hpp"
#include "transaction_control.hpp"

#include <stdexcept>

namespace covet_bench::raw {

void SqliteStatement::fail(int rc) const {
  throw std::runtime_error(std::string("sqlite3: ") + sqlite3_errstr(rc) + ": " + sqlite3_errmsg(db_) + " in " +
                           std::string(sqlite3_sql(stmt_)).substr(0, 200));
}

Sqlite::Sqlite(const std::string& path) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    throw std::runtime_error("sqlite3: cannot open " + path + ": " + why);
  }
  exec("PRAGMA foreign_keys = ON");
}

Sqlite::~Sqlite() {
  statements_.clear();  // finalized before the connection closes
  sqlite3_close_v2(db_);
}

void Sqlite::exec(const std::string& sql) {
  if (is_transaction_control(sql)) ++transaction_control_;
  char* error = nullptr;
  ++executed_;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string why = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("sqlite3: " + why + " in " + sql.substr(0, 200));
  }
}

SqliteStatement& Sqlite::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return *it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("sqlite3: ") + sqlite3_errmsg(db_) + " preparing " + sql.substr(0, 200));
  return *statements_.emplace(sql, std::make_unique<Statement>(db_, stmt, &executed_)).first->second;
}

std::string Sqlite::in_list(std::size_t n) {
  std::string sql = "IN (";
  for (std::size_t i = 0; i < n; ++i) sql += i == 0 ? "?" : ", ?";
  return sql + ")";
}

}  // namespace covet_bench::raw

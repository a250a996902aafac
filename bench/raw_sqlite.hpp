// The hand-written side's SQLite access: sqlite3 the way a C++ engineer uses
// it without an ORM. Statements are prepared once and kept; each use resets
// them, binds, steps and copies columns out. Nothing here is virtual: the
// cases (raw_cases.hpp) are templates over this class and RawPostgres.
//
//   raw::Sqlite db("/tmp/app.db");
//   raw::SqliteStatement& s = db.prepare("SELECT id, name FROM t WHERE id = ?");
//   s.reset();
//   s.bind(0, std::int64_t{42});                 // parameters count from 0
//   while (s.step()) use(s.get_int64(0), s.get_text(1));
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace covet_bench::raw {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, std::size_t* executed) : db_(db), stmt_(stmt), executed_(executed) {}
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement() { sqlite3_finalize(stmt_); }

  // Rewinds the statement so it can be bound and run again.
  void reset() {
    sqlite3_reset(stmt_);
    started_ = false;
  }

  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i + 1, v)); }
  void bind(int i, int v) { check(sqlite3_bind_int(stmt_, i + 1, v)); }
  void bind(int i, bool v) { check(sqlite3_bind_int(stmt_, i + 1, v ? 1 : 0)); }
  void bind(int i, double v) { check(sqlite3_bind_double(stmt_, i + 1, v)); }
  void bind(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_, i + 1, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
  }
  void bind_null(int i) { check(sqlite3_bind_null(stmt_, i + 1)); }

  // Advances to the next row: true while there is one. Throws on error.
  bool step() {
    if (!started_) {
      started_ = true;
      ++*executed_;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
  }
  // Runs a statement that returns no rows.
  void run() {
    while (step()) {
    }
  }

  std::int64_t get_int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  int get_int(int col) const { return sqlite3_column_int(stmt_, col); }
  bool get_bool(int col) const { return sqlite3_column_int(stmt_, col) != 0; }
  double get_double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string get_text(int col) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(rc);
  }
  [[noreturn]] void fail(int rc) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::size_t* executed_;
  bool started_ = false;
};

class Sqlite {
 public:
  using Statement = SqliteStatement;

  // Opens (creates) the database at `path` (":memory:" for a private one),
  // with foreign keys enforced, as Covet opens it.
  explicit Sqlite(const std::string& path);
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  ~Sqlite();

  // Runs SQL text without parameters (DDL, PRAGMA, BEGIN, population).
  void exec(const std::string& sql);
  // The statement for `sql` (placeholders "?"), prepared on first use.
  Statement& prepare(const std::string& sql);
  // The most parameters one statement may bind.
  int max_params() const { return sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1); }
  // "IN (?, ?, ...)" for `n` keys: how this backend restricts a column to a
  // key list (bound from parameter `first` on), and how many keys fit in one
  // statement.
  static std::string in_list(std::size_t n);
  std::size_t keys_per_statement() const { return static_cast<std::size_t>(max_params()); }
  template <class Keys>
  static void bind_keys(Statement& s, int first, const Keys& keys) {
    int i = first;
    for (std::int64_t k : keys) s.bind(i++, k);
  }

  // Statements run so far (each execution of a prepared statement counts).
  std::size_t statements() const { return executed_; }
  // Those of them that only began or ended a transaction (exec() only).
  std::size_t transaction_statements() const { return transaction_control_; }

  // A statement whose text depends on a count (an IN list of n keys, an
  // INSERT of n rows), prepared once per (site, n): `make_sql(n)` builds the
  // text on the first call only.
  template <class MakeSql>
  Statement& prepare_sized(int site, std::size_t n, MakeSql&& make_sql) {
    const std::uint64_t key = (static_cast<std::uint64_t>(site) << 32) | n;
    auto it = sized_.find(key);
    if (it != sized_.end()) return *it->second;
    Statement& s = prepare(make_sql(n));
    sized_.emplace(key, &s);
    return s;
  }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::unordered_map<std::uint64_t, Statement*> sized_;
  std::size_t executed_ = 0;
  std::size_t transaction_control_ = 0;
};

}  // namespace covet_bench::raw

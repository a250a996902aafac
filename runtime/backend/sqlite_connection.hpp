// The SQLite backend: one sqlite3 database handle plus a cache of prepared
// statements keyed by SQL text.
//
// Contract (beyond Connection's):
//  * Opening enables `PRAGMA foreign_keys = ON`, sets the busy timeout
//    (ConnectOptions::busy_timeout) and reads the schema once, so a file that
//    is not a database fails at open with OperationalError rather than at the
//    first query. A path starting "file:" is opened as an SQLite URI
//    (SQLITE_OPEN_URI): its parameters (mode=ro, cache=shared, ...) apply.
//  * A statement timeout (ConnectOptions::statement_timeout) is a progress
//    handler that interrupts a statement whose time inside sqlite3_step
//    exceeds it: OperationalError naming the timeout. SQLite rolls the whole
//    transaction back when it interrupts a write; in_transaction() then says
//    so and the owner's transaction guard takes over.
//  * Values bind as: Null; Bool as INTEGER 0/1; Integer; Real; Text; Blob
//    (empty blobs stay empty blobs, not NULL); Timestamp as TEXT
//    'YYYY-MM-DD HH:MM:SS.ffffff' (UTC, six fractional digits so text order is
//    time order); Date as TEXT 'YYYY-MM-DD'.
//  * Columns come back by their storage class: Integer, Real, Text, Blob, Null.
//  * Statements are prepared once and reused (reset + clear_bindings) from an
//    LRU cache of kStatementCacheSize entries. A statement that is still
//    stepping (execute called again from inside on_row with the same SQL) is
//    never shared: the nested call prepares a private copy.
//  * Error::code() is the extended result code's name, e.g.
//    "SQLITE_CONSTRAINT_UNIQUE", or its decimal number when it has no name here.
#pragma once

#include "backend/connection.hpp"

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace covet::detail {

class SqliteConnection final : public Connection {
 public:
  static constexpr std::size_t kStatementCacheSize = 256;

  // `path` is what sqlite3_open_v2 takes (":memory:", a file name, or a
  // "file:" URI); `url` is the URL it came from, for messages. Throws
  // OperationalError if the file cannot be opened or is not a database.
  SqliteConnection(const std::string& path, std::string_view url, const ConnectOptions& options = {});
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::SQLite; }
  int max_params() const override;
  ExecResult execute(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const Row&)>& on_row = {}) override;
  // Binds each parameter from what it refers to (text SQLITE_STATIC).
  ExecResult execute_refs(std::string_view sql, std::span<const ParamRef> params,
                          const std::function<void(const Row&)>& on_row = {}) override;
  bool in_transaction() const override;
  std::unique_ptr<Cursor> open_cursor(std::string_view sql, std::vector<Value> params) override;

  bool reused_statement() const override { return reused_; }
  // Number of statements currently cached (for tests of the cache).
  std::size_t cached_statements() const { return lru_.size(); }

 private:
  bool reused_ = false;  // the last acquire() found the statement cached
  struct DbCloser {
    void operator()(sqlite3* db) const;
  };
  struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;
  struct CachedStatement {
    std::string sql;
    StmtPtr stmt;
    bool busy = false;  // stepping in an execute further up the stack
  };
  using Lru = std::list<CachedStatement>;  // most recently used first
  class Lease;
  class StreamCursor;

  StmtPtr prepare(std::string_view sql);
  Lease acquire(std::string_view sql);
  // execute() and execute_refs(): `Param` is Value or ParamRef.
  template <class Param>
  ExecResult run(std::string_view sql, std::span<const Param> params,
                 const std::function<void(const Row&)>& on_row);
  [[noreturn]] void fail(int code, std::string_view sql, bool preparing) const;
  // Binds `params` (Values or ParamRefs) to the statement's placeholders.
  template <class Param>
  void bind_params(sqlite3_stmt* stmt, std::span<const Param> params, std::string_view sql) const;
  // One sqlite3_step within the statement timeout's remaining `budget`:
  // true on a row, false when done; throws on failure.
  bool step(sqlite3_stmt* stmt, std::string_view sql, std::chrono::steady_clock::duration& budget);
  static int on_progress(void* self);

  std::unique_ptr<sqlite3, DbCloser> db_;
  std::string display_;  // the URL as messages show it (masked, bounded)
  std::chrono::milliseconds busy_timeout_;
  std::chrono::milliseconds statement_timeout_;
  // Of the step running now; max() between steps.
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool timed_out_ = false;                            // the progress handler interrupted the last step
  Lru lru_;
  std::unordered_map<std::string_view, Lru::iterator> index_;  // keys view lru_ entries' sql
};

}  // namespace covet::detail

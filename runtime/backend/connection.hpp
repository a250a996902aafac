// The one small interface every database backend implements. Everything above
// it (SQL compilation, loading, relations) is backend-neutral: it produces SQL
// text in the backend's dialect plus bound parameters, and consumes rows.
//
// Contract:
//  * `execute` runs exactly one statement with `params` bound positionally.
//    Placeholders are written `?` by the SQL compiler for SQLite and `$1..$n`
//    for PostgreSQL (see Dialect). Values are never spliced into SQL text.
//  * `execute_refs` is the same with parameters that refer to their values
//    (param_ref.hpp), for statements that bind many; a backend binds them
//    without building a Value each, or (the default) runs `execute` with
//    the Values they stand for. Both run, log and fail alike.
//  * Rows are streamed to `on_row` (may be null for statements without
//    results); a Row is valid only during the callback.
//  * Failures throw covet errors (errors.hpp) carrying the SQL and the native
//    code: constraint violations map to UniqueViolation / ForeignKeyViolation /
//    NotNullViolation (other IntegrityError otherwise), connection faults to
//    OperationalError, rejected SQL to ProgrammingError.
//  * Transactions are plain statements ("BEGIN", "COMMIT", "ROLLBACK",
//    "SAVEPOINT x", "RELEASE SAVEPOINT x", "ROLLBACK TO SAVEPOINT x") sent
//    through `execute`; the Database keeps the nesting depth.
//  * A backend never reconnects by itself: once `connected()` is false every
//    execute throws OperationalError until the owner calls `reconnect()`.
//    The owner (TransactionGuard, on behalf of the Database) does so only
//    outside any transaction scope, so a transaction lost with its session is
//    never continued, in autocommit, on a new one.
//  * Server notices (PostgreSQL NOTICE/WARNING) go to the notice sink, while
//    the statement that raised them runs.
//
// Decorators (logging, the transaction guard) forward every virtual; the
// defaults below describe a backend that cannot lose its session.
#pragma once

#include "backend/param_ref.hpp"

#include <covet/loading.hpp>
#include <covet/model_info.hpp>
#include <covet/query_log.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

enum class Dialect { SQLite, PostgreSQL };

// How the typed row path reads one column into its member: by the typed
// read of `kind` and the member's typed setter (MemberInfo::set_int64,
// set_real, set_text); Kind::Value has none, and is read by value() and
// MemberInfo::set. Built once per query (object_loader.hpp).
struct TypedColumn {
  enum class Kind : std::uint8_t { Int64, Real, Text, Value };
  Kind kind = Kind::Value;
  const MemberInfo* member = nullptr;
};

// One result row, read by column index.
class Row {
 public:
  virtual ~Row() = default;
  virtual int size() const = 0;
  virtual bool is_null(int column) const = 0;
  // The column as a Value of its natural kind: Integer, Real, Text, Blob, or
  // Bool (PostgreSQL booleans). Timestamps and dates arrive as Text.
  virtual Value value(int column) const = 0;

  // Typed reads, for the typed row path (object_loader.cpp): true, with
  // `out` set, when the column holds a value of that kind, exactly as
  // value() would return it (an Integer, a Real, a Text); false otherwise
  // (NULL, another kind), and the caller asks value(). A text view is valid
  // until the next read of the row.
  virtual bool read_int64(int column, std::int64_t& out) const {
    const Value v = value(column);
    if (!v.is_integer()) return false;
    out = v.as_integer();
    return true;
  }
  virtual bool read_real(int column, double& out) const {
    const Value v = value(column);
    if (!v.is_real()) return false;
    out = v.as_real();
    return true;
  }
  virtual bool read_text(int column, std::string_view& out) const {
    (void)column;
    (void)out;
    return false;  // a view needs storage the row owns: backends that have it say so
  }

  // Loads plan[at], plan[at + 1], ... into `object` from columns first +
  // at, ..., each through its typed read and typed setter, and stops at
  // the first column that does not hold its kind (a NULL, another kind,
  // Kind::Value) or at plan.size(), with `at` on it. While a setter runs,
  // `at` is its column's index in the plan (the caller names the member
  // when it throws). One virtual call per row, not per column; the default
  // reads through read_int64 / read_real / read_text.
  virtual void load_typed(std::span<const TypedColumn> plan, int first, void* object, std::size_t& at) const;

  // How many rows the statement's result holds, when the backend knows it
  // before they are read (PostgreSQL's whole result); -1 otherwise (SQLite
  // steps the statement; a streamed result). Lets a caller reserve room.
  virtual std::int64_t result_rows() const { return -1; }
};

// The rows of one statement, read one at a time (QuerySet::iterate). The
// backend holds the statement open until the last row has been read or the
// cursor is destroyed, whichever comes first; meanwhile the connection runs
// no other statement (the transaction guard refuses them, on every backend
// alike, so code that streams on SQLite also runs on PostgreSQL, where the
// connection is busy until the rows end). Destroying a cursor early ends the
// statement (PostgreSQL: cancels it) and leaves the connection usable.
class Cursor {
 public:
  virtual ~Cursor() = default;
  // The next row, valid until the next call; null once every row has been
  // read. Failures throw as execute()'s do.
  virtual const Row* next() = 0;
};

struct ExecResult {
  std::int64_t rows_affected = 0;  // for INSERT/UPDATE/DELETE
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // The most parameters one statement may bind (SQLite's compile-time limit,
  // 65535 for PostgreSQL); batch IN lists and multi-row inserts under it.
  virtual int max_params() const = 0;
  virtual ExecResult execute(std::string_view sql, std::span<const Value> params,
                             const std::function<void(const Row&)>& on_row = {}) = 0;
  virtual ExecResult execute_refs(std::string_view sql, std::span<const ParamRef> params,
                                  const std::function<void(const Row&)>& on_row = {}) {
    return execute(sql, to_values(params), on_row);
  }

  // Runs `sql` (one statement with results) and hands its rows out one at a
  // time. The default reads every row through execute() first, for
  // decorators (tests' fault injectors) that need no streaming; the backends
  // and the runtime's decorators stream.
  virtual std::unique_ptr<Cursor> open_cursor(std::string_view sql, std::vector<Value> params);

  // Whether the session is still there. False after the connection to a
  // server broke (it stays false until reconnect()).
  virtual bool connected() const { return true; }
  // Opens a new session in place of a broken one: empty statement cache,
  // session settings applied again. Throws OperationalError when it cannot.
  virtual void reconnect() {}
  // Whether the database has a transaction open on this session (begun and
  // not yet ended, aborted ones included). False once the session is lost, or
  // when the database ended the transaction on its own (SQLite rolls back
  // the whole transaction when a write is interrupted, or the disk is full).
  virtual bool in_transaction() const { return true; }
  // Whether the last execute() ran a statement prepared by an earlier one
  // (the backend's statement cache), rather than preparing it, or running it
  // unprepared. For the query log.
  virtual bool reused_statement() const { return false; }
  // Where the server's notices go; an empty function drops them.
  virtual void set_notice_sink(std::function<void(ServerNotice)> sink) { (void)sink; }
};

// Opens a connection from a URL (docs/connecting.md):
//   "sqlite::memory:"              a private in-memory database
//   "sqlite:///relative/or/abs.db" a file (created if missing), "sqlite:////abs/path.db" also accepted
//   "sqlite:///file:name.db?mode=ro" an SQLite URI (file: form, its parameters apply)
//   "postgresql://user:pw@host:port/db?opt=..." or "postgres://..." (libpq URI, also "host=... dbname=...")
// `options` gives the busy and statement timeouts. Throws OperationalError
// for an unknown scheme, a NUL byte in the URL, an unreachable server or a
// file that cannot be opened; the message names the URL (password masked,
// long URLs cut to an excerpt).
std::unique_ptr<Connection> open_connection(std::string_view url, const ConnectOptions& options = {});

}  // namespace covet::detail

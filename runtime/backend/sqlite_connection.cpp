#include "backend/sqlite_connection.hpp"

#include "backend/decimal_collation.hpp"
#include "backend/iso8601.hpp"
#include "backend/url.hpp"

#include <covet/errors.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace covet::detail {

namespace {

// The progress handler runs every this many virtual machine instructions
// (tens of microseconds) while a statement timeout is set.
constexpr int kProgressInstructions = 1000;

// Names of the result codes users are likely to meet; others are reported by
// number.
std::string code_name(int code) {
  switch (code) {
#define COVET_CODE(name) \
  case name: return #name;
    COVET_CODE(SQLITE_ERROR)
    COVET_CODE(SQLITE_INTERNAL)
    COVET_CODE(SQLITE_PERM)
    COVET_CODE(SQLITE_ABORT)
    COVET_CODE(SQLITE_BUSY)
    COVET_CODE(SQLITE_BUSY_SNAPSHOT)
    COVET_CODE(SQLITE_LOCKED)
    COVET_CODE(SQLITE_LOCKED_SHAREDCACHE)
    COVET_CODE(SQLITE_NOMEM)
    COVET_CODE(SQLITE_READONLY)
    COVET_CODE(SQLITE_READONLY_DBMOVED)
    COVET_CODE(SQLITE_READONLY_DIRECTORY)
    COVET_CODE(SQLITE_INTERRUPT)
    COVET_CODE(SQLITE_IOERR)
    COVET_CODE(SQLITE_CORRUPT)
    COVET_CODE(SQLITE_FULL)
    COVET_CODE(SQLITE_CORRUPT_INDEX)
    COVET_CODE(SQLITE_CANTOPEN)
    COVET_CODE(SQLITE_PROTOCOL)
    COVET_CODE(SQLITE_SCHEMA)
    COVET_CODE(SQLITE_TOOBIG)
    COVET_CODE(SQLITE_CONSTRAINT)
    COVET_CODE(SQLITE_CONSTRAINT_CHECK)
    COVET_CODE(SQLITE_CONSTRAINT_FOREIGNKEY)
    COVET_CODE(SQLITE_CONSTRAINT_NOTNULL)
    COVET_CODE(SQLITE_CONSTRAINT_PRIMARYKEY)
    COVET_CODE(SQLITE_CONSTRAINT_TRIGGER)
    COVET_CODE(SQLITE_CONSTRAINT_UNIQUE)
    COVET_CODE(SQLITE_CONSTRAINT_ROWID)
    COVET_CODE(SQLITE_MISMATCH)
    COVET_CODE(SQLITE_MISUSE)
    COVET_CODE(SQLITE_RANGE)
    COVET_CODE(SQLITE_NOTADB)
#undef COVET_CODE
    default: return std::to_string(code);
  }
}

// True when `rest` holds only whitespace and semicolons.
bool blank(const char* rest) {
  for (; *rest != '\0'; ++rest)
    if (!std::isspace(static_cast<unsigned char>(*rest)) && *rest != ';') return false;
  return true;
}

// Binds parameter `n` (from 1) of `stmt`; returns SQLite's result code.
// Text and blobs are bound SQLITE_STATIC: the Value (or what a ParamRef
// refers to) outlives the execute, and the Lease clears the bindings after.
int bind_text(sqlite3_stmt* stmt, int n, std::string_view s) {
  static const char kEmpty[1] = {0};
  // A null pointer would bind NULL; an empty string must stay ''.
  return sqlite3_bind_text64(stmt, n, s.empty() ? kEmpty : s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
}

int bind_param(sqlite3_stmt* stmt, int n, const Value& v) {
  // Text SQLite stores for the kinds it has no type of (the copy is its own).
  auto bind_copy = [&](const std::string& s) {
    return sqlite3_bind_text64(stmt, n, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  };
  switch (v.kind()) {
    case Value::Kind::Null: return sqlite3_bind_null(stmt, n);
    case Value::Kind::Bool: return sqlite3_bind_int64(stmt, n, v.as_bool() ? 1 : 0);
    case Value::Kind::Integer: return sqlite3_bind_int64(stmt, n, v.as_integer());
    case Value::Kind::Real: return sqlite3_bind_double(stmt, n, v.as_real());
    case Value::Kind::Text: return bind_text(stmt, n, v.as_text());
    case Value::Kind::Blob: {
      const Blob& b = v.as_blob();
      return b.empty() ? sqlite3_bind_zeroblob(stmt, n, 0)
                       : sqlite3_bind_blob64(stmt, n, b.data(), b.size(), SQLITE_STATIC);
    }
    case Value::Kind::Timestamp: return bind_copy(format_timestamp(v.as_timestamp()));
    case Value::Kind::Date: return bind_copy(format_date(v.as_date()));
    // The canonical text, for the covet_decimal collation.
    case Value::Kind::Decimal: return bind_copy(v.as_decimal().to_string());
    case Value::Kind::Uuid: return bind_copy(v.as_uuid().to_string());  // canonical, lower case
  }
  return SQLITE_MISUSE;
}

// As the Value `p` stands for is bound, without building it.
int bind_param(sqlite3_stmt* stmt, int n, const ParamRef& p) {
  switch (p.kind()) {
    case ParamRef::Kind::Null: return sqlite3_bind_null(stmt, n);
    case ParamRef::Kind::Bool: return sqlite3_bind_int64(stmt, n, p.as_bool() ? 1 : 0);
    case ParamRef::Kind::Integer: return sqlite3_bind_int64(stmt, n, p.as_integer());
    case ParamRef::Kind::Real: return sqlite3_bind_double(stmt, n, p.as_real());
    case ParamRef::Kind::Text: return bind_text(stmt, n, p.as_text());
    case ParamRef::Kind::Value: return bind_param(stmt, n, p.as_value());
  }
  return SQLITE_MISUSE;
}

// A Row over a statement positioned on a result row.
class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt), size_(sqlite3_column_count(stmt)) {}
  int size() const override { return size_; }
  bool is_null(int column) const override {
    check(column);
    return sqlite3_value_type(sqlite3_column_value(stmt_, column)) == SQLITE_NULL;
  }
  Value value(int column) const override {
    check(column);
    switch (sqlite3_value_type(sqlite3_column_value(stmt_, column))) {
      case SQLITE_INTEGER: return Value(static_cast<std::int64_t>(sqlite3_column_int64(stmt_, column)));
      case SQLITE_FLOAT: return Value(sqlite3_column_double(stmt_, column));
      case SQLITE_TEXT: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        const int n = sqlite3_column_bytes(stmt_, column);
        // A covet::Uuid column (declared UUID, see sql/dialect.cpp) reads as
        // a Uuid, as PostgreSQL's uuid does: keys compare equal whichever
        // side of a relation they were read from.
        if (n == 36 && is_uuid_column(column))
          if (std::optional<Uuid> u = Uuid::parse(std::string_view(p, 36))) return Value(*u);
        return Value(std::string(p ? p : "", static_cast<std::size_t>(n)));
      }
      case SQLITE_BLOB: {
        const auto* p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, column));
        const int n = sqlite3_column_bytes(stmt_, column);
        return Value(p ? Blob(p, p + n) : Blob{});
      }
      default: return Value();
    }
  }

  // The kinds value() gives, read without it: SQLite's storage class says
  // which one a column holds. Each reads the column's value object once
  // (sqlite3_column_value) and asks it for the type and the content, where
  // the sqlite3_column_* calls would look the column up for each. SQLite
  // calls such a value "unprotected": it may only be read while no other
  // thread uses the connection, which a Covet connection (opened
  // SQLITE_OPEN_NOMUTEX, used by one thread at a time) guarantees.
  bool read_int64(int column, std::int64_t& out) const override {
    check(column);
    return int64_of(sqlite3_column_value(stmt_, column), out);
  }
  bool read_real(int column, double& out) const override {
    check(column);
    return real_of(sqlite3_column_value(stmt_, column), out);
  }
  bool read_text(int column, std::string_view& out) const override {
    check(column);
    return text_of(sqlite3_column_value(stmt_, column), column, out);
  }

  // The same reads in one pass, without a virtual call per column.
  void load_typed(std::span<const TypedColumn> plan, int first, void* object, std::size_t& at) const override {
    if (at < plan.size()) {
      check(first + static_cast<int>(at));
      check(first + static_cast<int>(plan.size()) - 1);
    }
    for (; at < plan.size(); ++at) {
      const TypedColumn& c = plan[at];
      const int column = first + static_cast<int>(at);
      sqlite3_value* v = sqlite3_column_value(stmt_, column);
      switch (c.kind) {
        case TypedColumn::Kind::Int64: {
          std::int64_t i = 0;
          if (!int64_of(v, i)) return;
          c.member->set_int64(object, i);
          break;
        }
        case TypedColumn::Kind::Real: {
          double d = 0;
          if (!real_of(v, d)) return;
          c.member->set_real(object, d);
          break;
        }
        case TypedColumn::Kind::Text: {
          std::string_view text;
          if (!text_of(v, column, text)) return;
          c.member->set_text(object, text);
          break;
        }
        case TypedColumn::Kind::Value: return;
      }
    }
  }

 private:
  // A column's value of that kind, read from its value object.
  static bool int64_of(sqlite3_value* v, std::int64_t& out) {
    if (sqlite3_value_type(v) != SQLITE_INTEGER) return false;
    out = sqlite3_value_int64(v);
    return true;
  }
  static bool real_of(sqlite3_value* v, double& out) {
    if (sqlite3_value_type(v) != SQLITE_FLOAT) return false;
    out = sqlite3_value_double(v);
    return true;
  }
  bool text_of(sqlite3_value* v, int column, std::string_view& out) const {
    if (sqlite3_value_type(v) != SQLITE_TEXT) return false;
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    if (!p) return false;  // out of memory: value() reports it as it always has
    const int n = sqlite3_value_bytes(v);
    if (n == 36 && is_uuid_column(column)) return false;  // value() reads it as a Uuid
    out = std::string_view(p, static_cast<std::size_t>(n));
    return true;
  }
  // Inlined into every read; the message is built out of line.
  void check(int column) const {
    if (column < 0 || column >= size_) [[unlikely]]
      throw_out_of_range(column);
  }
  [[noreturn, gnu::noinline, gnu::cold]] void throw_out_of_range(int column) const {
    throw UsageError("result column " + std::to_string(column) + " is out of range; the row has " +
                     std::to_string(size_) + " columns");
  }
  bool is_uuid_column(int column) const {
    const char* type = sqlite3_column_decltype(stmt_, column);
    return type != nullptr && sqlite3_stricmp(type, "UUID") == 0;
  }
  sqlite3_stmt* stmt_;
  int size_;
};

}  // namespace

// A statement checked out of the cache (or a private one) for one execute;
// resets it and clears its bindings when the execute ends, however it ends.
class SqliteConnection::Lease {
 public:
  explicit Lease(CachedStatement* cached) : cached_(cached) { cached_->busy = true; }
  explicit Lease(StmtPtr owned) : owned_(std::move(owned)) {}
  Lease(Lease&& other) noexcept
      : cached_(std::exchange(other.cached_, nullptr)), owned_(std::move(other.owned_)) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (sqlite3_stmt* s = get()) {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
    if (cached_ != nullptr) cached_->busy = false;
  }
  sqlite3_stmt* get() const { return cached_ != nullptr ? cached_->stmt.get() : owned_.get(); }

 private:
  CachedStatement* cached_ = nullptr;
  StmtPtr owned_;
};

void SqliteConnection::DbCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void SqliteConnection::StmtFinalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

SqliteConnection::SqliteConnection(const std::string& path, std::string_view url, const ConnectOptions& options)
    : display_(mask_password(url)),
      busy_timeout_(options.busy_timeout),
      statement_timeout_(options.statement_timeout) {
  // "file:..." is an SQLite URI on purpose (mode=ro, cache=shared, vfs=...;
  // docs/connecting.md), not by the accident of how SQLite was compiled.
  const bool uri = path.starts_with("file:");
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                                     (uri ? SQLITE_OPEN_URI : 0),
                                 nullptr);
  db_.reset(raw);  // even a failed open returns a handle to close
  if (rc != SQLITE_OK) {
    const std::string why = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    throw OperationalError("cannot open SQLite database '" + display_ + "': " + why +
                               (uri ? "; check the file: URI's path and parameters (mode=ro needs an existing file)"
                                    : "; check that the directory exists and is writable"),
                           {}, {}, code_name(rc));
  }
  sqlite3_extended_result_codes(db_.get(), 1);
  sqlite3_busy_timeout(db_.get(), static_cast<int>(std::min<std::int64_t>(busy_timeout_.count(), INT32_MAX)));
  if (statement_timeout_.count() > 0)
    sqlite3_progress_handler(db_.get(), kProgressInstructions, &SqliteConnection::on_progress, this);
  if (const int collation = register_decimal_collation(db_.get()); collation != SQLITE_OK)
    fail(collation, "(registering the covet_decimal collation)", /*preparing=*/false);
  try {
    execute("PRAGMA foreign_keys = ON", {});
    // Touch the schema: a file that is not a database fails here, not later.
    execute("SELECT count(*) FROM sqlite_master", {});
  } catch (const Error& e) {
    const std::string why = e.code() == "SQLITE_NOTADB"
                                ? "the file is not an SQLite database; point the URL at a database file or a new path"
                                : e.what();
    throw OperationalError("cannot use SQLite database '" + display_ + "': " + why, {}, e.sql(), e.code());
  }
}

int SqliteConnection::on_progress(void* self) {
  auto* connection = static_cast<SqliteConnection*>(self);
  if (std::chrono::steady_clock::now() < connection->deadline_) return 0;
  connection->timed_out_ = true;
  return 1;  // interrupts the statement: SQLITE_INTERRUPT
}

bool SqliteConnection::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

SqliteConnection::~SqliteConnection() = default;

int SqliteConnection::max_params() const {
  return sqlite3_limit(db_.get(), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
}

SqliteConnection::StmtPtr SqliteConnection::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  StmtPtr stmt(raw);
  if (rc != SQLITE_OK) fail(rc, sql, /*preparing=*/true);
  if (stmt == nullptr)
    throw ProgrammingError("empty SQL statement: execute() needs exactly one statement", {},
                           std::string(sql), "SQLITE_MISUSE");
  const std::string rest(tail, sql.data() + sql.size());
  if (!blank(rest.c_str())) {
    // Only comments may follow; a second statement is refused.
    sqlite3_stmt* next = nullptr;
    sqlite3_prepare_v2(db_.get(), rest.c_str(), -1, &next, nullptr);
    if (next != nullptr) {
      sqlite3_finalize(next);
      throw ProgrammingError("more than one SQL statement passed to execute(), which runs exactly one; "
                             "split it into separate calls (second one starts at: " +
                                 sql_excerpt(rest) + ")",
                             {}, std::string(sql), "SQLITE_MISUSE");
    }
  }
  return stmt;
}

SqliteConnection::Lease SqliteConnection::acquire(std::string_view sql) {
  reused_ = false;
  if (auto it = index_.find(sql); it != index_.end()) {
    if (it->second->busy) return Lease(prepare(sql));  // re-entrant use: a private copy
    lru_.splice(lru_.begin(), lru_, it->second);
    reused_ = true;
    return Lease(&*it->second);
  }
  StmtPtr stmt = prepare(sql);
  lru_.push_front(CachedStatement{std::string(sql), std::move(stmt)});
  index_.emplace(lru_.front().sql, lru_.begin());
  // Evict the least recently used idle statements beyond the limit.
  for (auto it = std::prev(lru_.end()); lru_.size() > kStatementCacheSize && it != lru_.begin();) {
    auto victim = it--;
    if (victim->busy) continue;
    index_.erase(victim->sql);
    lru_.erase(victim);
  }
  return Lease(&lru_.front());
}

template <class Param>
void SqliteConnection::bind_params(sqlite3_stmt* stmt, std::span<const Param> params, std::string_view sql) const {
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<std::size_t>(expected) != params.size())
    throw ProgrammingError("the statement has " + std::to_string(expected) + " parameter(s) but " +
                               std::to_string(params.size()) + " value(s) were bound: " + sql_excerpt(sql),
                           {}, std::string(sql), "SQLITE_RANGE");
  for (std::size_t i = 0; i < params.size(); ++i)
    if (const int rc = bind_param(stmt, static_cast<int>(i) + 1, params[i]); rc != SQLITE_OK)
      fail(rc, sql, /*preparing=*/false);
}

// The statement timeout counts the time spent inside sqlite3_step, not in
// on_row or between a cursor's rows (PostgreSQL's likewise counts the
// server's time, not the client's).
bool SqliteConnection::step(sqlite3_stmt* stmt, std::string_view sql, std::chrono::steady_clock::duration& budget) {
  const bool timed = statement_timeout_.count() > 0;
  std::chrono::steady_clock::time_point step_start;
  if (timed) {
    step_start = std::chrono::steady_clock::now();
    deadline_ = step_start + budget;
    timed_out_ = false;
  }
  const int rc = sqlite3_step(stmt);
  if (timed) {
    budget -= std::chrono::steady_clock::now() - step_start;
    deadline_ = std::chrono::steady_clock::time_point::max();  // prepares are never interrupted
  }
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) fail(rc, sql, /*preparing=*/false);
  return true;
}

template <class Param>
ExecResult SqliteConnection::run(std::string_view sql, std::span<const Param> params,
                                 const std::function<void(const Row&)>& on_row) {
  Lease lease = acquire(sql);
  sqlite3_stmt* stmt = lease.get();
  // A statement run from on_row must not change what this one reports.
  struct Restore {
    bool& flag;
    bool value;
    ~Restore() { flag = value; }
  } restore{reused_, reused_};

  bind_params(stmt, params, sql);

  const sqlite3_int64 changes_before = sqlite3_total_changes64(db_.get());
  std::chrono::steady_clock::duration budget = statement_timeout_;
  while (step(stmt, sql, budget)) {
    if (on_row) on_row(SqliteRow(stmt));
  }
  ExecResult result;
  // sqlite3_changes keeps the count of the last INSERT/UPDATE/DELETE, so it
  // is only this statement's when this statement changed something.
  if (!sqlite3_stmt_readonly(stmt) && sqlite3_total_changes64(db_.get()) != changes_before)
    result.rows_affected = sqlite3_changes64(db_.get());
  return result;
}

// A statement stepped by its reader: the statement stays leased (a nested
// execute gets a private copy) until its last row, and the values it binds
// without copying (SQLITE_STATIC) live here as long.
class SqliteConnection::StreamCursor final : public Cursor {
 public:
  StreamCursor(SqliteConnection& conn, std::string_view sql, std::vector<Value> params)
      : conn_(conn), sql_(sql), params_(std::move(params)), budget_(conn.statement_timeout_) {
    lease_.emplace(conn_.acquire(sql_));
    conn_.bind_params(lease_->get(), std::span<const Value>(params_), sql_);
  }
  const Row* next() override {
    if (!lease_) return nullptr;
    try {
      if (conn_.step(lease_->get(), sql_, budget_)) {
        row_.emplace(lease_->get());
        return &*row_;
      }
    } catch (...) {
      end();
      throw;
    }
    end();
    return nullptr;
  }

 private:
  void end() {
    row_.reset();
    lease_.reset();  // back to the cache, reset
  }

  SqliteConnection& conn_;
  std::string sql_;
  std::vector<Value> params_;
  std::chrono::steady_clock::duration budget_;
  std::optional<Lease> lease_;
  std::optional<SqliteRow> row_;
};

std::unique_ptr<Cursor> SqliteConnection::open_cursor(std::string_view sql, std::vector<Value> params) {
  return std::make_unique<StreamCursor>(*this, sql, std::move(params));
}

ExecResult SqliteConnection::execute(std::string_view sql, std::span<const Value> params,
                                     const std::function<void(const Row&)>& on_row) {
  return run(sql, params, on_row);
}

ExecResult SqliteConnection::execute_refs(std::string_view sql, std::span<const ParamRef> params,
                                          const std::function<void(const Row&)>& on_row) {
  return run(sql, params, on_row);
}

void SqliteConnection::fail(int code, std::string_view sql, bool preparing) const {
  const std::string what = sqlite3_errmsg(db_.get());
  std::string s(sql);
  const std::string name = code_name(code);
  const std::string where = " [SQL: " + sql_excerpt(sql) + "]";
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      throw UniqueViolation("duplicate key: " + what +
                                "; a row with this value already exists, use another value or update that row" +
                                where,
                            {}, std::move(s), name);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      throw ForeignKeyViolation(what +
                                    ": a referenced row does not exist (or is still referenced); save the "
                                    "target first, or delete or re-point the referencing rows" +
                                    where,
                                {}, std::move(s), name);
    case SQLITE_CONSTRAINT_NOTNULL:
      throw NotNullViolation(what + ": the column needs a value; set it, or make the field std::optional" +
                                 where,
                             {}, std::move(s), name);
    default: break;
  }
  switch (code & 0xFF) {
    case SQLITE_CONSTRAINT:
      throw IntegrityError("constraint violated: " + what + where, {}, std::move(s), name);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw OperationalError("SQLite database '" + display_ + "' is locked: " + what +
                                 "; another connection holds its lock and did not release it within the busy "
                                 "timeout (" +
                                 std::to_string(busy_timeout_.count()) +
                                 " ms, ConnectOptions::busy_timeout): raise busy_timeout, or keep the other "
                                 "connection's transactions short" +
                                 where,
                             {}, std::move(s), name);
    case SQLITE_INTERRUPT:
      if (timed_out_)
        throw OperationalError("the statement ran longer than the statement timeout (" +
                                   std::to_string(statement_timeout_.count()) +
                                   " ms, ConnectOptions::statement_timeout) and SQLite interrupted it; make it "
                                   "cheaper (an index, fewer rows) or raise statement_timeout" +
                                   where,
                               {}, std::move(s), name);
      throw OperationalError("SQLite interrupted the statement: " + what + where, {}, std::move(s), name);
    case SQLITE_READONLY:
      throw OperationalError("SQLite cannot write to the database '" + display_ + "': " + what +
                                 "; it was opened read-only (mode=ro, immutable=1 in a file: URI) or its file or "
                                 "directory is not writable" +
                                 where,
                             {}, std::move(s), name);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
    case SQLITE_AUTH:
      throw OperationalError("SQLite cannot use the database '" + display_ + "': " + what +
                                 "; check the file, its permissions and free space" + where,
                             {}, std::move(s), name);
    case SQLITE_ERROR:
      // A schema change can surface "no such table" at step time too.
      if (preparing || what.rfind("no such ", 0) == 0)
        throw ProgrammingError("SQLite rejected the statement: " + what +
                                   "; check that the tables exist (create them first) and the SQL is valid" + where,
                               {}, std::move(s), name);
      break;
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
    case SQLITE_TOOBIG:
      throw ProgrammingError("SQLite refused the statement: " + what + where, {}, std::move(s), name);
    default: break;
  }
  throw DatabaseError("SQLite error: " + what + where, {}, std::move(s), name);
}

}  // namespace covet::detail

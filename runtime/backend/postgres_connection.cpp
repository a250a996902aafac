#include "backend/postgres_connection.hpp"

#include "backend/iso8601.hpp"
#include "backend/postgres_conninfo.hpp"
#include "backend/postgres_row.hpp"
#include "backend/postgres_types.hpp"
#include "backend/url.hpp"

#include <covet/errors.hpp>

#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <utility>

namespace covet::detail {

namespace {

using namespace pg;  // the type OIDs (postgres_types.hpp)

constexpr const char* kConnectTimeoutSeconds = "10";
constexpr std::size_t kMaxMessage = 2000;  // of a server message, in an error

struct ResultClear {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultClear>;

std::string field(const PGresult* r, int code) {
  const char* s = r != nullptr ? PQresultErrorField(r, code) : nullptr;
  return s != nullptr ? s : "";
}

// libpq's messages end in a newline and may span lines; make them one line.
std::string trimmed(std::string_view text) {
  std::string s;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !s.empty();
      continue;
    }
    if (space) s += ' ';
    space = false;
    s += c;
  }
  return s;
}

// Does the statement start with a keyword worth preparing (and safe to keep
// prepared across schema changes)?
// The statement's first keyword, upper-cased (at most 8 letters).
std::string first_keyword(std::string_view sql) {
  std::size_t i = 0;
  while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == '(')) ++i;
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])) && word.size() < 8)
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
  return word;
}

// Does the statement start with a keyword worth preparing?
bool cacheable(const std::string& keyword) {
  return keyword == "SELECT" || keyword == "INSERT" || keyword == "UPDATE" || keyword == "DELETE" ||
         keyword == "WITH" || keyword == "VALUES";
}

// Does the statement change the schema? Prepared statements fix the types the
// server inferred for untyped parameters ($1 in "VALUES ($1)" typed from the
// column); after DDL those may be stale, so the cache is emptied.
bool changes_schema(const std::string& keyword) {
  return keyword == "CREATE" || keyword == "DROP" || keyword == "ALTER" || keyword == "COMMENT";
}

std::int64_t rows_affected(const PGresult* r) {
  const std::string_view status = PQcmdStatus(const_cast<PGresult*>(r));
  if (!(status.starts_with("INSERT") || status.starts_with("UPDATE") || status.starts_with("DELETE") ||
        status.starts_with("MERGE")))
    return 0;
  const std::string_view tuples = PQcmdTuples(const_cast<PGresult*>(r));
  std::int64_t n = 0;
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), n);
  return n;
}

// What to do about a value the column cannot hold (SQLSTATE class 22).
std::string data_error_advice(const std::string& state) {
  if (state == "22001") return "the text is longer than the column allows: shorten it, or raise the field's max_length";
  if (state == "22003") return "the number is outside the column's range: use a wider type or a smaller value";
  if (state == "22021" || state == "22P05") return "the text is not valid in the database's encoding: send UTF-8";
  if (state == "22P02" || state == "22007" || state == "22008")
    return "the text is not a valid value of the column's type: check its format";
  if (state == "22012") return "a division by zero: check the divisor";
  return "check the value against the column's type";
}

// Parameters converted to libpq's four parallel arrays.
struct Params {
  std::vector<std::string> storage;  // reserved up front: pointers into it stay valid
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<Oid> types;
  std::string signature;  // one letter per parameter type, part of the cache key

  Params(std::span<const Value> params, std::string_view sql) {
    static const char kEmpty[1] = {0};
    const std::size_t n = params.size();
    storage.reserve(n);
    values.reserve(n);
    lengths.reserve(n);
    formats.reserve(n);
    types.reserve(n);
    signature.reserve(n);
    auto add = [&](Oid type, char sig, const char* value, int length, int format) {
      types.push_back(type);
      signature += sig;
      values.push_back(value);
      lengths.push_back(length);
      formats.push_back(format);
    };
    auto add_text = [&](Oid type, char sig, std::string s) {
      storage.push_back(std::move(s));
      add(type, sig, storage.back().c_str(), 0, 0);
    };
    for (const Value& v : params) {
      switch (v.kind()) {
        case Value::Kind::Null: add(kUnknownOid, 'u', nullptr, 0, 0); break;
        case Value::Kind::Bool: add(kBoolOid, 'b', v.as_bool() ? "t" : "f", 0, 0); break;
        case Value::Kind::Integer: add_text(kInt8Oid, 'i', std::to_string(v.as_integer())); break;
        case Value::Kind::Real: {
          const double d = v.as_real();
          if (std::isnan(d)) {
            add(kFloat8Oid, 'r', "NaN", 0, 0);
          } else if (std::isinf(d)) {
            add(kFloat8Oid, 'r', d > 0 ? "Infinity" : "-Infinity", 0, 0);
          } else {
            char buf[32];
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
            (void)ec;
            add_text(kFloat8Oid, 'r', std::string(buf, end));
          }
          break;
        }
        case Value::Kind::Text: {
          const std::string& s = v.as_text();
          if (s.find('\0') != std::string::npos)
            throw DataError("PostgreSQL text cannot contain NUL (zero) bytes; parameter " +
                                std::to_string(values.size() + 1) + " has one. Store such data as a Blob",
                            {}, std::string(sql), "22021");
          add(kUnknownOid, 'u', s.c_str(), 0, 0);
          break;
        }
        case Value::Kind::Blob: {
          const Blob& b = v.as_blob();
          // A null pointer would mean NULL: an empty blob still needs an address.
          add(kByteaOid, 'x', b.empty() ? kEmpty : reinterpret_cast<const char*>(b.data()),
              static_cast<int>(b.size()), 1);
          break;
        }
        case Value::Kind::Timestamp: add_text(kTimestampOid, 't', format_timestamp(v.as_timestamp())); break;
        case Value::Kind::Date: add_text(kDateOid, 'd', format_date(v.as_date())); break;
        case Value::Kind::Decimal: add_text(kNumericOid, 'n', v.as_decimal().to_string()); break;
        case Value::Kind::Uuid: add_text(kUuidOid, 'g', v.as_uuid().to_string()); break;
      }
    }
  }
  int count() const { return static_cast<int>(values.size()); }
};

}  // namespace

void PostgresConnection::ConnCloser::operator()(pg_conn* conn) const { PQfinish(conn); }

namespace {

constexpr std::string_view kConninfoHelp =
    "in a URI, percent-encode the reserved characters of a user name or password ('/' as %2F, '@' as %40, "
    "':' as %3A, '?' as %3F, '#' as %23, '%' as %25); in the keyword form, quote a value that holds spaces, "
    "and escape ' and \\ in it with a backslash: password='it\\'s'";

// The settings Covet's SQL and value conversions rely on, whatever the
// server, database or role defaults (or the URL's `options`) say:
//  * standard_conforming_strings on: the ESCAPE '\' of pattern lookups is
//    one backslash (off, it is an unterminated literal: 42601);
//  * client_encoding UTF8: text parameters and results are UTF-8;
//  * DateStyle ISO, YMD and TimeZone UTC: timestamps and dates read back as
//    'YYYY-MM-DD HH:MM:SS[.ffffff]', the form iso8601.cpp parses;
//  * IntervalStyle postgres: intervals read back in the form documented;
//  * extra_float_digits 3: doubles survive the round trip bit for bit;
//  * bytea_output hex: blobs arrive in the format decoded fastest;
//  * transform_null_equals off: "x = $1" with a NULL never matches, as the
//    SQL compiler expects (it writes IS NULL itself);
//  * array_nulls on: prefetch's array literals ("{1,2}") read as written.
constexpr const char* kSessionSettings =
    "SET standard_conforming_strings TO on; SET client_encoding TO 'UTF8'; SET DateStyle TO 'ISO, YMD'; "
    "SET TimeZone TO 'UTC'; SET IntervalStyle TO 'postgres'; SET extra_float_digits TO 3; "
    "SET bytea_output TO 'hex'; SET transform_null_equals TO off; SET array_nulls TO on";

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url, const ConnectOptions& options)
    : conninfo_(std::make_unique<PostgresConninfo>(url)),
      masked_url_(bounded_excerpt(conninfo_->display())),
      statement_timeout_(options.statement_timeout) {
  if (!conninfo_->parsed())
    throw OperationalError("cannot connect to PostgreSQL: libpq cannot parse the connection string " + masked_url_ +
                               ": " + conninfo_->parse_error() + "; " + std::string(kConninfoHelp),
                           {}, {}, "08001");
  // Later keywords override earlier ones: the URL may change the timeout and
  // application name, but not the client encoding.
  const char* const keywords[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding",
                                  nullptr};
  const char* const values[] = {kConnectTimeoutSeconds, "covet", url.c_str(), "UTF8", nullptr};
  conn_.reset(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (conn_ == nullptr) throw OperationalError("cannot connect to PostgreSQL: out of memory", {}, {}, "08001");
  if (PQstatus(conn_.get()) != CONNECTION_OK)
    throw OperationalError("cannot connect to PostgreSQL at '" + masked_url_ + "': " + libpq_message() +
                               "; check that the server is running and the URL's host, port, user, password "
                               "and database are right",
                           {}, {}, "08001");
  PQsetNoticeReceiver(conn_.get(), &PostgresConnection::receive_notice, this);
  setup_session();
}

PostgresConnection::~PostgresConnection() = default;

int PostgresConnection::backend_pid() const { return PQbackendPID(conn_.get()); }

std::string PostgresConnection::libpq_message() const {
  return bounded_excerpt(conninfo_->scrub(trimmed(PQerrorMessage(conn_.get()))), 1000);
}

void PostgresConnection::receive_notice(void* self, const PGresult* r) {
  // Called by libpq from inside PQexec*; nothing may escape into C.
  try {
    auto* connection = static_cast<PostgresConnection*>(self);
    if (!connection->notice_sink_) return;
    ServerNotice notice;
    notice.severity = field(r, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (notice.severity.empty()) notice.severity = field(r, PG_DIAG_SEVERITY);
    notice.code = field(r, PG_DIAG_SQLSTATE);
    notice.message = field(r, PG_DIAG_MESSAGE_PRIMARY);
    if (const std::string detail = field(r, PG_DIAG_MESSAGE_DETAIL); !detail.empty())
      notice.message += " (" + detail + ")";
    if (const std::string hint = field(r, PG_DIAG_MESSAGE_HINT); !hint.empty()) notice.message += " Hint: " + hint;
    notice.message = connection->conninfo_->scrub(notice.message);
    connection->notice_sink_(std::move(notice));
  } catch (...) {
    // A notice that cannot be delivered (out of memory) is dropped.
  }
}

void PostgresConnection::set_notice_sink(std::function<void(ServerNotice)> sink) { notice_sink_ = std::move(sink); }

void PostgresConnection::setup_session() {
  std::string sql = kSessionSettings;
  if (statement_timeout_.count() > 0) sql += "; SET statement_timeout TO " + std::to_string(statement_timeout_.count());
  ResultPtr r(PQexec(conn_.get(), sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
    throw OperationalError("cannot set up the PostgreSQL session at '" + masked_url_ + "': " + libpq_message(), {},
                           {}, field(r.get(), PG_DIAG_SQLSTATE));
}

bool PostgresConnection::connected() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

bool PostgresConnection::in_transaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_.get());
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

void PostgresConnection::reconnect() {
  PQreset(conn_.get());
  if (PQstatus(conn_.get()) != CONNECTION_OK)
    throw OperationalError("the connection to PostgreSQL at '" + masked_url_ +
                               "' was lost and reconnecting failed: " + libpq_message() +
                               "; check that the server is running",
                           {}, {}, "08006");
  // The server forgot our prepared statements and session settings.
  clear_statement_cache();
  setup_session();
}

void PostgresConnection::clear_statement_cache() {
  lru_.clear();
  index_.clear();
  to_deallocate_.clear();
}

void PostgresConnection::forget(const std::string& key, bool on_server) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  if (on_server) to_deallocate_.push_back(it->second->name);
  lru_.erase(it->second);
  index_.erase(it);
}

void PostgresConnection::forget_all() {
  for (const CachedStatement& c : lru_) to_deallocate_.push_back(c.name);
  lru_.clear();
  index_.clear();
}

void PostgresConnection::flush_deallocations() {
  if (to_deallocate_.empty()) return;
  // Only between transactions: a failing DEALLOCATE must not abort the caller's.
  if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) return;
  std::string sql;
  for (const std::string& name : to_deallocate_) sql += "DEALLOCATE " + name + ";";
  to_deallocate_.clear();
  // Best effort: a statement that is already gone costs nothing.
  ResultPtr r(PQexec(conn_.get(), sql.c_str()));
}

void PostgresConnection::throw_result_error(const PGresult* r, std::string_view sql) const {
  PGconn* conn = conn_.get();
  std::string state = field(r, PG_DIAG_SQLSTATE);
  std::string message = field(r, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = trimmed(PQerrorMessage(conn));
  if (const std::string detail = field(r, PG_DIAG_MESSAGE_DETAIL); !detail.empty()) message += " (" + detail + ")";
  if (const std::string hint = field(r, PG_DIAG_MESSAGE_HINT); !hint.empty()) message += " Hint: " + hint;
  message = conninfo_->scrub(message);
  // A DETAIL may quote a whole key value ("Key (name)=(...) already exists").
  if (message.size() > kMaxMessage) message = bounded_excerpt(message, kMaxMessage);
  const std::string where = " [SQL: " + sql_excerpt(sql) + "]";
  std::string s(sql);
  const bool lost = PQstatus(conn) == CONNECTION_BAD;
  if (lost && state.empty()) state = "08006";

  if (state == "23505")
    throw UniqueViolation("duplicate key: " + message +
                              "; a row with this value already exists, use another value or update that row" + where,
                          {}, std::move(s), state);
  if (state == "23503")
    throw ForeignKeyViolation(message +
                                  ": a referenced row does not exist (or is still referenced); save the target "
                                  "first, or delete or re-point the referencing rows" +
                                  where,
                              {}, std::move(s), state);
  if (state == "23502")
    throw NotNullViolation(message + ": the column needs a value; set it, or make the field std::optional" + where,
                           {}, std::move(s), state);
  if (state.starts_with("23"))
    throw IntegrityError("constraint violated: " + message + where, {}, std::move(s), state);
  if (state.starts_with("22") && !lost)
    throw DataError("PostgreSQL cannot store the value: " + message + "; " + data_error_advice(state) + where, {},
                    std::move(s), state);
  if (state == "08P01" && !lost)  // e.g. "bind message supplies 1 parameters, but ... requires 2"
    throw ProgrammingError("PostgreSQL refused the statement's parameters: " + message + where, {}, std::move(s),
                           state);
  if (lost || state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03")
    throw OperationalError("lost the connection to PostgreSQL at '" + masked_url_ + "': " + message + where, {},
                           std::move(s), state);
  if (state == "57014" && statement_timeout_.count() > 0 && message.find("statement timeout") != std::string::npos)
    throw OperationalError("the statement ran longer than the statement timeout (" +
                               std::to_string(statement_timeout_.count()) +
                               " ms, ConnectOptions::statement_timeout) and PostgreSQL cancelled it; make it "
                               "cheaper (an index, fewer rows) or raise statement_timeout" +
                               where,
                           {}, std::move(s), state);
  if (state == "25006")
    throw OperationalError("PostgreSQL refused a write: " + message +
                               "; the database is read-only here (a standby server, or default_transaction_read_only "
                               "set for the role, database or session)" +
                               where,
                           {}, std::move(s), state);
  if (state == "55P03")
    throw OperationalError("PostgreSQL could not get a lock in time: " + message +
                               "; another transaction holds it longer than lock_timeout: retry, or keep that "
                               "transaction short" +
                               where,
                           {}, std::move(s), state);
  if (state.starts_with("53") || state == "40001" || state == "40P01" || state == "57014" ||
      state.starts_with("58"))
    throw OperationalError("PostgreSQL could not run the statement: " + message + where, {}, std::move(s), state);
  if (state.starts_with("42"))
    throw ProgrammingError("PostgreSQL rejected the statement: " + message +
                               "; check that the tables and columns exist (create them first) and the SQL is valid" +
                               where,
                           {}, std::move(s), state);
  throw DatabaseError("PostgreSQL error: " + message + where, {}, std::move(s), state);
}

ExecResult PostgresConnection::execute(std::string_view sql, std::span<const Value> params,
                                       const std::function<void(const Row&)>& on_row) {
  if (!connected())
    throw OperationalError("the connection to PostgreSQL at '" + masked_url_ +
                               "' is lost; it is opened again only outside a transaction (reconnect())",
                           {}, std::string(sql), "08003");
  if (streaming_)
    throw UsageError("cannot run a statement while a streamed result (iterate()) is still being read on this "
                     "PostgreSQL connection: finish or destroy the iteration first [SQL: " + sql_excerpt(sql) + "]");
  flush_deallocations();
  PGconn* conn = conn_.get();
  const Params p(params, sql);
  const std::string text(sql);  // libpq wants NUL-terminated SQL
  ResultPtr r;

  const std::string keyword = first_keyword(sql);
  reused_ = false;
  if (!cacheable(keyword)) {
    if (changes_schema(keyword)) forget_all();
    r.reset(PQexecParams(conn, text.c_str(), p.count(), p.types.data(), p.values.data(), p.lengths.data(),
                         p.formats.data(), /*resultFormat=*/0));
  } else {
    std::string key = text;
    key += '\0';
    key += p.signature;
    for (int attempt = 0;; ++attempt) {
      auto it = index_.find(key);
      if (it == index_.end()) {
        std::string name = "covet_s" + std::to_string(++next_statement_);
        ResultPtr prepared(PQprepare(conn, name.c_str(), text.c_str(), p.count(), p.types.data()));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
          throw_result_error(prepared.get(), sql);  // nothing was cached
        lru_.push_front(CachedStatement{key, std::move(name)});
        it = index_.emplace(key, lru_.begin()).first;
        while (lru_.size() > kStatementCacheSize) forget(lru_.back().key, /*on_server=*/true);
        reused_ = false;
      } else {
        lru_.splice(lru_.begin(), lru_, it->second);
        reused_ = true;
      }
      r.reset(PQexecPrepared(conn, it->second->name.c_str(), p.count(), p.values.data(), p.lengths.data(),
                             p.formats.data(), /*resultFormat=*/0));
      const ExecStatusType st = PQresultStatus(r.get());
      if (st != PGRES_FATAL_ERROR || attempt > 0) break;
      // "cached plan must not change result type" (a table changed shape) or
      // "prepared statement does not exist" (someone ran DEALLOCATE ALL):
      // prepare again, and retry if no transaction was spoiled by the failure.
      const std::string state = field(r.get(), PG_DIAG_SQLSTATE);
      if (state != "0A000" && state != "26000") break;
      forget(key, /*on_server=*/state == "0A000");
      if (PQtransactionStatus(conn) != PQTRANS_IDLE) break;
    }
  }
  // A statement run from on_row must not change what this one reports.
  struct Restore {
    bool& flag;
    bool value;
    ~Restore() { flag = value; }
  } restore{reused_, reused_};

  switch (PQresultStatus(r.get())) {
    case PGRES_COMMAND_OK:
      // PostgreSQL answers COMMIT of a transaction an error aborted with a
      // silent ROLLBACK: the caller must not believe its writes were kept.
      if ((keyword == "COMMIT" || keyword == "END") && std::string_view(PQcmdStatus(r.get())) == "ROLLBACK")
        throw ProgrammingError(
            "COMMIT rolled the transaction back: a statement in it failed earlier, which aborted the transaction "
            "on PostgreSQL, and none of its writes were kept; run a statement that may fail inside a nested "
            "atomic scope (a savepoint) and catch its error outside that scope, then the rest can commit",
            {}, text, "25P02");
      return ExecResult{rows_affected(r.get())};
    case PGRES_TUPLES_OK: {
      if (on_row) {
        const int rows = PQntuples(r.get());
        for (int i = 0; i < rows; ++i) on_row(PostgresRow(r.get(), i, rows));
      }
      return ExecResult{rows_affected(r.get())};
    }
    case PGRES_EMPTY_QUERY:
      throw ProgrammingError("empty SQL statement: execute() needs exactly one statement", {}, text, "42601");
    case PGRES_FATAL_ERROR:
    case PGRES_NONFATAL_ERROR:
    case PGRES_BAD_RESPONSE:
      throw_result_error(r.get(), sql);
    default:
      throw ProgrammingError(std::string("unsupported PostgreSQL result (") + PQresStatus(PQresultStatus(r.get())) +
                                 "); COPY and replication statements cannot run through execute()",
                             {}, text, "0A000");
  }
}

// A result read in libpq's single-row mode: one PGresult per row, so the
// client holds one row at a time. The query is sent unprepared (it is one
// statement, streamed once). Ending early: outside a transaction block the
// query is cancelled; inside one, cancelling would abort the transaction,
// so the rest of the rows are read and dropped instead.
class PostgresConnection::StreamCursor final : public Cursor {
 public:
  StreamCursor(PostgresConnection& conn, std::string_view sql, std::vector<Value> params)
      : conn_(conn), text_(sql), params_(std::move(params)) {
    if (!conn_.connected())
      throw OperationalError("the connection to PostgreSQL at '" + conn_.masked_url_ +
                                 "' is lost; it is opened again only outside a transaction (reconnect())",
                             {}, text_, "08003");
    if (conn_.streaming_)
      throw UsageError("cannot stream two results at once on one PostgreSQL connection: finish the first "
                       "iteration before starting another [SQL: " + sql_excerpt(text_) + "]");
    conn_.flush_deallocations();
    PGconn* c = conn_.conn_.get();
    in_block_ = PQtransactionStatus(c) == PQTRANS_INTRANS;
    const Params p(params_, text_);
    if (PQsendQueryParams(c, text_.c_str(), p.count(), p.types.data(), p.values.data(), p.lengths.data(),
                          p.formats.data(), /*resultFormat=*/0) == 0)
      throw OperationalError("PostgreSQL could not take the statement: " + conn_.libpq_message(), {}, text_,
                             "08006");
    PQsetSingleRowMode(c);  // right after the send, as libpq requires
    conn_.streaming_ = true;
    conn_.reused_ = false;
  }
  StreamCursor(const StreamCursor&) = delete;
  StreamCursor& operator=(const StreamCursor&) = delete;
  ~StreamCursor() override {
    if (!conn_.streaming_ || done_) return;
    PGconn* c = conn_.conn_.get();
    if (!in_block_) {
      if (PGcancel* cancel = PQgetCancel(c)) {
        char error[256];
        PQcancel(cancel, error, sizeof error);  // best effort: the rows are drained either way
        PQfreeCancel(cancel);
      }
    }
    drain();
  }

  const Row* next() override {
    if (done_) return nullptr;
    row_.reset();
    current_.reset(PQgetResult(conn_.conn_.get()));
    if (!current_) {
      finish();
      return nullptr;
    }
    switch (PQresultStatus(current_.get())) {
      case PGRES_SINGLE_TUPLE:
        row_.emplace(current_.get(), 0);
        return &*row_;
      case PGRES_TUPLES_OK:  // the end: a result without rows
        current_.reset();
        drain();
        return nullptr;
      default: {
        ResultPtr failed = std::move(current_);
        drain();
        conn_.throw_result_error(failed.get(), text_);
      }
    }
  }

 private:
  void drain() {
    while (PGresult* r = PQgetResult(conn_.conn_.get())) PQclear(r);
    finish();
  }
  void finish() {
    done_ = true;
    conn_.streaming_ = false;
  }

  PostgresConnection& conn_;
  std::string text_;           // NUL-terminated for libpq
  std::vector<Value> params_;  // the sent values point into them
  bool in_block_ = false;
  bool done_ = false;
  ResultPtr current_;
  std::optional<PostgresRow> row_;
};

std::unique_ptr<Cursor> PostgresConnection::open_cursor(std::string_view sql, std::vector<Value> params) {
  return std::make_unique<StreamCursor>(*this, sql, std::move(params));
}

}  // namespace covet::detail

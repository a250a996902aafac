// The PostgreSQL backend: one libpq connection plus a cache of server-side
// prepared statements keyed by SQL text and parameter types.
//
// Contract (beyond Connection's):
//  * The URL goes to libpq as is ("postgresql://", "postgres://" or
//    "key=value ..."), with client_encoding forced to UTF8. It is parsed
//    first with libpq's own parser (postgres_conninfo.hpp), so messages show
//    it rebuilt, password masked, and an unparseable one is refused before
//    any connection attempt.
//  * The session settings the runtime relies on are pinned at connect and
//    after every reconnect, whatever the server's defaults
//    (kSessionSettings: standard_conforming_strings, client_encoding,
//    DateStyle, TimeZone, IntervalStyle, extra_float_digits, bytea_output,
//    transform_null_equals, array_nulls), and statement_timeout when the
//    options ask for one.
//  * NOTICE/WARNING messages go to the notice sink (the query log).
//  * Parameters are sent with explicit types: Integer int8, Real float8
//    (shortest round-trip text), Bool bool, Blob bytea (binary), Timestamp
//    timestamp 'YYYY-MM-DD HH:MM:SS.ffffff', Date date; Text and Null are
//    "unknown" so the server infers text/varchar/… from context. Text cannot
//    hold NUL bytes on PostgreSQL (DataError, code 22021; use a Blob).
//  * Result columns convert by type: int2/int4/int8/oid -> Integer,
//    float4/float8/numeric -> Real, bool -> Bool, bytea -> Blob, anything else
//    -> Text (timestamps 'YYYY-MM-DD HH:MM:SS[.ffffff]', dates 'YYYY-MM-DD').
//  * SELECT/INSERT/UPDATE/DELETE/WITH/VALUES statements are prepared once
//    ("covet_s<N>") and reused; other statements (BEGIN, DDL, SET, …) run
//    unprepared. DDL (CREATE/DROP/ALTER/COMMENT) empties the cache, because a
//    prepared statement keeps the parameter types inferred when it was
//    prepared (from columns that may since have changed). The cache keeps kStatementCacheSize entries (LRU); evicted
//    statements are deallocated before the next statement run outside a
//    transaction. A failed prepare leaves nothing cached.
//  * A lost connection (server restart, pg_terminate_backend, network) makes
//    that execute throw OperationalError, and every later one too (code
//    08003), until reconnect(): the backend never reconnects by itself, since
//    only its owner knows whether a transaction was open (see
//    transaction_guard.hpp). reconnect() runs PQreset and, if that works,
//    starts with an empty statement cache and a fresh session.
//  * SQLSTATE class 22 (a value the column cannot hold) is DataError; a
//    statement cancelled by the statement timeout is OperationalError naming
//    the timeout.
//  * Error::code() is the SQLSTATE, e.g. "23505"; "08001" when the connection
//    cannot be made, "08006" when it drops without a server message.
#pragma once

#include "backend/connection.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace covet::detail {

class PostgresConninfo;

class PostgresConnection final : public Connection {
 public:
  static constexpr std::size_t kStatementCacheSize = 256;
  static constexpr int kMaxParams = 65535;

  // Connects; throws OperationalError (password masked in the message) if the
  // string cannot be parsed, the server cannot be reached or refuses the login.
  explicit PostgresConnection(const std::string& url, const ConnectOptions& options = {});
  ~PostgresConnection() override;

  Dialect dialect() const override { return Dialect::PostgreSQL; }
  int max_params() const override { return kMaxParams; }
  ExecResult execute(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const Row&)>& on_row = {}) override;
  bool connected() const override;
  void reconnect() override;
  bool in_transaction() const override;
  void set_notice_sink(std::function<void(ServerNotice)> sink) override;
  std::unique_ptr<Cursor> open_cursor(std::string_view sql, std::vector<Value> params) override;

  bool reused_statement() const override { return reused_; }
  // Number of prepared statements currently cached (for tests of the cache).
  std::size_t cached_statements() const { return lru_.size(); }
  // The server process serving this connection (pg_backend_pid()).
  int backend_pid() const;

 private:
  bool reused_ = false;  // the last execute() ran a statement prepared before
  bool streaming_ = false;  // a StreamCursor is reading rows: nothing else may run
  class StreamCursor;
  struct ConnCloser {
    void operator()(pg_conn* conn) const;
  };
  struct CachedStatement {
    std::string key;   // SQL text + parameter type signature
    std::string name;  // server-side name, "covet_s<N>"
  };
  using Lru = std::list<CachedStatement>;  // most recently used first

  static void receive_notice(void* self, const pg_result* r);
  void setup_session();
  // PQerrorMessage, one line, secrets scrubbed, bounded.
  std::string libpq_message() const;
  [[noreturn]] void throw_result_error(const pg_result* r, std::string_view sql) const;
  void clear_statement_cache();
  void flush_deallocations();
  // Drops a cache entry; `on_server`: the statement exists there and must be deallocated.
  void forget(const std::string& key, bool on_server);
  // Drops every cache entry (after DDL); the server copies are deallocated later.
  void forget_all();

  std::unique_ptr<PostgresConninfo> conninfo_;  // what messages may show of the URL
  std::string masked_url_;
  std::chrono::milliseconds statement_timeout_;
  std::function<void(ServerNotice)> notice_sink_;
  std::unique_ptr<pg_conn, ConnCloser> conn_;  // last: closed before what its notice receiver uses
  Lru lru_;
  std::unordered_map<std::string, Lru::iterator> index_;
  std::vector<std::string> to_deallocate_;  // evicted names still on the server
  std::uint64_t next_statement_ = 0;
};

}  // namespace covet::detail

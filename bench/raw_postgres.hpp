// The hand-written side's PostgreSQL access: libpq the way a C++ engineer
// uses it without an ORM. Each statement is prepared once on the server
// (PQprepare) and run with PQexecPrepared and text parameters; columns are
// parsed out of the text result. The same interface as raw::Sqlite, so the
// cases (raw_cases.hpp) are written once:
//
//   raw::Postgres db("host=127.0.0.1 port=5432 dbname=app");
//   raw::PostgresStatement& s = db.prepare("SELECT id, name FROM t WHERE id = ?");  // "?" becomes $1
//   s.reset();
//   s.bind(0, std::int64_t{42});
//   while (s.step()) use(s.get_int64(0), s.get_text(1));
//
// Key lists are one array parameter (col = ANY($1::bigint[])), one
// statement whatever their length.
#pragma once

#include <libpq-fe.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace covet_bench::raw {

class PostgresStatement {
 public:
  PostgresStatement(PGconn* conn, std::string name, int params, std::size_t* executed)
      : conn_(conn), name_(std::move(name)), values_(static_cast<std::size_t>(params)),
        pointers_(static_cast<std::size_t>(params)), executed_(executed) {}
  PostgresStatement(const PostgresStatement&) = delete;
  PostgresStatement& operator=(const PostgresStatement&) = delete;
  ~PostgresStatement() { PQclear(result_); }

  void reset() {
    PQclear(result_);
    result_ = nullptr;
  }

  void bind(int i, std::int64_t v) { set(i, std::to_string(v)); }
  void bind(int i, int v) { set(i, std::to_string(v)); }
  void bind(int i, bool v) { set(i, v ? "t" : "f"); }
  void bind(int i, double v) {
    char buffer[32];
    set(i, std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr));
  }
  void bind(int i, std::string_view v) { set(i, std::string(v)); }
  void bind_null(int i) { pointers_[static_cast<std::size_t>(i)] = nullptr; }
  // For key arrays: the parameter's text, built in place.
  std::string& text_parameter(int i) {
    pointers_[static_cast<std::size_t>(i)] = "";
    return values_[static_cast<std::size_t>(i)];
  }

  // Runs the statement on the first call, then walks its rows.
  bool step() {
    if (result_ == nullptr) execute();
    return ++row_ < rows_;
  }
  void run() { step(); }

  std::int64_t get_int64(int col) const {
    const char* v = PQgetvalue(result_, row_, col);
    std::int64_t out = 0;
    std::from_chars(v, v + PQgetlength(result_, row_, col), out);
    return out;
  }
  int get_int(int col) const { return static_cast<int>(get_int64(col)); }
  bool get_bool(int col) const { return PQgetvalue(result_, row_, col)[0] == 't'; }
  double get_double(int col) const { return std::strtod(PQgetvalue(result_, row_, col), nullptr); }
  bool is_null(int col) const { return PQgetisnull(result_, row_, col) != 0; }
  std::string get_text(int col) const {
    return std::string(PQgetvalue(result_, row_, col), static_cast<std::size_t>(PQgetlength(result_, row_, col)));
  }

 private:
  void set(int i, std::string v) {
    values_[static_cast<std::size_t>(i)] = std::move(v);
    pointers_[static_cast<std::size_t>(i)] = "";
  }
  void execute();

  PGconn* conn_;
  std::string name_;
  std::vector<std::string> values_;
  std::vector<const char*> pointers_;  // nullptr: NULL; otherwise set from values_ when run
  std::size_t* executed_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

class Postgres {
 public:
  using Statement = PostgresStatement;

  // Connects with a libpq URL or conninfo string; with a schema, every table
  // name resolves in it (SET search_path).
  explicit Postgres(const std::string& url, const std::string& schema = {});
  Postgres(const Postgres&) = delete;
  Postgres& operator=(const Postgres&) = delete;
  ~Postgres();

  // Runs SQL text without parameters (DDL, BEGIN, population).
  void exec(const std::string& sql);
  // The statement for `sql` ("?" placeholders, numbered $1... here),
  // prepared on the server on first use.
  Statement& prepare(const std::string& sql);
  int max_params() const { return 65535; }
  // "= ANY(?::bigint[])": one array parameter whatever the number of keys.
  static std::string in_list(std::size_t) { return "= ANY(?::bigint[])"; }
  std::size_t keys_per_statement() const { return static_cast<std::size_t>(-1); }
  template <class Keys>
  static void bind_keys(Statement& s, int first, const Keys& keys) {
    std::string& text = s.text_parameter(first);
    text.clear();
    text += '{';
    char buffer[24];
    bool comma = false;
    for (std::int64_t k : keys) {
      if (comma) text += ',';
      comma = true;
      text.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, k).ptr);
    }
    text += '}';
  }

  std::size_t statements() const { return executed_; }
  // Those of them that only began or ended a transaction (exec() only).
  std::size_t transaction_statements() const { return transaction_control_; }

  // A statement whose text depends on a count (an INSERT of n rows),
  // prepared once per (site, n): `make_sql(n)` builds the text on the first
  // call only.
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
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::unordered_map<std::uint64_t, Statement*> sized_;
  std::size_t executed_ = 0;
  std::size_t transaction_control_ = 0;
};

}  // namespace covet_bench::raw

// The backend contract (runtime/backend/connection.hpp), run against every
// backend: binding and reading every Value kind, error mapping, transactions
// and the prepared-statement cache.
#include "backend/connection.hpp"
#include "backend/iso8601.hpp"
#include "backend/postgres_connection.hpp"
#include "backend/sqlite_connection.hpp"

#include "../support/backends.hpp"

#include <covet/errors.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace {

using covet::Blob;
using covet::Value;
using covet::detail::Connection;
using covet::detail::Dialect;
using Rows = std::vector<std::vector<Value>>;

Blob bytes(std::initializer_list<int> list) {
  Blob b;
  for (int i : list) b.push_back(static_cast<std::byte>(i));
  return b;
}

class ConnectionTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    conn_ = covet::test::open_backend(GetParam());
  }

  bool postgres() const { return conn_->dialect() == Dialect::PostgreSQL; }
  // The n-th (1-based) placeholder in this backend's syntax.
  std::string p(int n) const { return postgres() ? "$" + std::to_string(n) : "?"; }
  // Column types spelled per dialect.
  std::string blob_type() const { return postgres() ? "BYTEA" : "BLOB"; }
  std::string real_type() const { return "DOUBLE PRECISION"; }

  covet::detail::ExecResult exec(const std::string& sql, std::vector<Value> params = {}) {
    return conn_->execute(sql, params);
  }
  Rows query(const std::string& sql, std::vector<Value> params = {}) {
    Rows rows;
    conn_->execute(sql, params, [&](const covet::detail::Row& row) {
      std::vector<Value> r;
      for (int i = 0; i < row.size(); ++i) r.push_back(row.value(i));
      rows.push_back(std::move(r));
    });
    return rows;
  }
  // Stores `v` in a fresh one-column table of `type` and reads it back.
  Value round_trip(const std::string& type, const Value& v) {
    exec("CREATE TABLE rt (x " + type + ")");
    exec("INSERT INTO rt (x) VALUES (" + p(1) + ")", {v});
    Rows rows = query("SELECT x FROM rt");
    exec("DROP TABLE rt");
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? Value() : rows[0][0];
  }
  std::size_t cached_statements() const {
    if (auto* s = dynamic_cast<covet::detail::SqliteConnection*>(conn_.get())) return s->cached_statements();
    return dynamic_cast<covet::detail::PostgresConnection&>(*conn_).cached_statements();
  }
  void make_parent_child() {
    exec("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    exec("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), "
         "qty INTEGER CHECK (qty >= 0))");
    exec("INSERT INTO parent (id, name) VALUES (1, 'one')");
  }

  std::unique_ptr<Connection> conn_;
};

// ---- Round trips of every Value kind -------------------------------------

TEST_P(ConnectionTest, RoundTripsNullInEveryColumnType) {
  for (const std::string type : {"BIGINT", "DOUBLE PRECISION", "TEXT", "BOOLEAN", "TIMESTAMP", "DATE"})
    EXPECT_TRUE(round_trip(type, Value()).is_null()) << "column type " << type;
  EXPECT_TRUE(round_trip(blob_type(), Value()).is_null());
}

TEST_P(ConnectionTest, NullParameterIsReportedNullByRow) {
  exec("CREATE TABLE t (x TEXT)");
  exec("INSERT INTO t (x) VALUES (" + p(1) + ")", {Value()});
  bool seen = false;
  conn_->execute("SELECT x FROM t", {}, [&](const covet::detail::Row& row) {
    EXPECT_TRUE(row.is_null(0));
    seen = true;
  });
  EXPECT_TRUE(seen);
}

TEST_P(ConnectionTest, RoundTripsBool) {
  // SQLite has no boolean type: it stores 0/1.
  const Value t = round_trip("BOOLEAN", Value(true));
  const Value f = round_trip("BOOLEAN", Value(false));
  if (postgres()) {
    EXPECT_EQ(t, Value(true));
    EXPECT_EQ(f, Value(false));
  } else {
    EXPECT_EQ(t, Value(std::int64_t{1}));
    EXPECT_EQ(f, Value(std::int64_t{0}));
  }
}

TEST_P(ConnectionTest, RoundTripsInt64Bounds) {
  for (std::int64_t i : {std::numeric_limits<std::int64_t>::min(), std::int64_t{-1}, std::int64_t{0},
                         std::int64_t{1} << 53, std::numeric_limits<std::int64_t>::max()})
    EXPECT_EQ(round_trip("BIGINT", Value(i)), Value(i)) << i;
}

TEST_P(ConnectionTest, RoundTripsIntegerIntoSmallerIntegerColumns) {
  EXPECT_EQ(round_trip("INTEGER", Value(std::int64_t{-2147483647})), Value(std::int64_t{-2147483647}));
  EXPECT_EQ(round_trip("SMALLINT", Value(std::int64_t{32767})), Value(std::int64_t{32767}));
}

TEST_P(ConnectionTest, RoundTripsDoublesExactly) {
  for (double d : {0.0, 0.1, 1.0 / 3.0, -2.5e-300, 1.7976931348623157e308, 4.9406564584124654e-324,
                   123456789.125, std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()}) {
    const Value back = round_trip(real_type(), Value(d));
    ASSERT_TRUE(back.is_real()) << "for " << d << " got " << back.debug_string();
    EXPECT_EQ(back.as_real(), d) << "a double must survive the round trip bit for bit";
  }
}

TEST_P(ConnectionTest, RoundTripsUnicodeText) {
  const std::string s = "Zoë — 東京 🚀";
  EXPECT_EQ(round_trip("TEXT", Value(s)), Value(s));
}

TEST_P(ConnectionTest, RoundTripsUnicodeThroughVarchar) {
  const std::string s = "Zoë — 東京 🚀";
  EXPECT_EQ(round_trip("VARCHAR(20)", Value(s)), Value(s));
}

TEST_P(ConnectionTest, KeepsEmptyStringDistinctFromNull) {
  exec("CREATE TABLE t (id INTEGER, x TEXT)");
  exec("INSERT INTO t (id, x) VALUES (1, " + p(1) + ")", {Value("")});
  exec("INSERT INTO t (id, x) VALUES (2, " + p(1) + ")", {Value()});
  Rows rows = query("SELECT id, x, x IS NULL FROM t ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1], Value(std::string()));
  EXPECT_TRUE(rows[1][1].is_null());
  EXPECT_EQ(rows[0][2], postgres() ? Value(false) : Value(std::int64_t{0}));
}

TEST_P(ConnectionTest, RoundTripsLongText) {
  std::string s;
  for (int i = 0; i < 20000; ++i) s += "abcdé";
  EXPECT_EQ(round_trip("TEXT", Value(s)), Value(s));
}

TEST_P(ConnectionTest, RoundTripsBlobWithZeroBytes) {
  const Blob b = bytes({0, 1, 0, 0, 255, 0x5c, 0x78, 0});
  EXPECT_EQ(round_trip(blob_type(), Value(b)), Value(b));
}

TEST_P(ConnectionTest, RoundTripsEmptyBlobAsEmptyNotNull) {
  EXPECT_EQ(round_trip(blob_type(), Value(Blob{})), Value(Blob{}));
}

TEST_P(ConnectionTest, RoundTripsAllByteValuesInBlob) {
  Blob b;
  for (int i = 0; i < 256; ++i) b.push_back(static_cast<std::byte>(i));
  EXPECT_EQ(round_trip(blob_type(), Value(b)), Value(b));
}

TEST_P(ConnectionTest, RoundTripsTimestampAsIsoText) {
  // 2024-02-29 13:45:30.123456 UTC, and an instant before the epoch.
  for (std::int64_t micros : {std::int64_t{1709214330123456}, std::int64_t{-1}, std::int64_t{0}}) {
    const Value back = round_trip("TIMESTAMP", Value(covet::Timestamp{micros}));
    ASSERT_TRUE(back.is_text()) << back.debug_string();
    auto parsed = covet::detail::parse_timestamp(back.as_text());
    ASSERT_TRUE(parsed.has_value()) << back.as_text();
    EXPECT_EQ(parsed->micros, micros) << back.as_text();
  }
}

TEST_P(ConnectionTest, TimestampWithFractionReadsBackInIsoForm) {
  const Value back = round_trip("TIMESTAMP", Value(covet::Timestamp{1709214330123456}));
  EXPECT_EQ(back, Value("2024-02-29 13:45:30.123456"));
}

TEST_P(ConnectionTest, TimestampsCompareInTimeOrder) {
  exec("CREATE TABLE t (at TIMESTAMP)");
  // One second apart across a digit-count boundary of the fraction.
  for (std::int64_t m : {std::int64_t{1'000'000'000'000'500}, std::int64_t{999'999'999'999'999},
                         std::int64_t{1'000'000'000'000'000}})
    exec("INSERT INTO t (at) VALUES (" + p(1) + ")", {Value(covet::Timestamp{m})});
  Rows rows = query("SELECT at FROM t ORDER BY at");
  ASSERT_EQ(rows.size(), 3u);
  std::vector<std::int64_t> got;
  for (auto& r : rows) got.push_back(covet::detail::parse_timestamp(r[0].as_text())->micros);
  EXPECT_EQ(got, (std::vector<std::int64_t>{999'999'999'999'999, 1'000'000'000'000'000, 1'000'000'000'000'500}));
}

TEST_P(ConnectionTest, RoundTripsDateAsIsoText) {
  const std::int32_t leap_day = static_cast<std::int32_t>(covet::detail::days_from_civil(2024, 2, 29));
  EXPECT_EQ(round_trip("DATE", Value(covet::Date{leap_day})), Value("2024-02-29"));
  EXPECT_EQ(round_trip("DATE", Value(covet::Date{-1})), Value("1969-12-31"));
}

TEST_P(ConnectionTest, BindsManyParametersOfMixedKinds) {
  exec("CREATE TABLE t (a BIGINT, b TEXT, c " + blob_type() + ", d DOUBLE PRECISION, e TEXT)");
  exec("INSERT INTO t (a, b, c, d, e) VALUES (" + p(1) + ", " + p(2) + ", " + p(3) + ", " + p(4) + ", " + p(5) +
           ")",
       {Value(std::int64_t{7}), Value("x"), Value(bytes({1, 2})), Value(2.5), Value()});
  Rows rows = query("SELECT a, b, c, d, e FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<Value>{Value(std::int64_t{7}), Value("x"), Value(bytes({1, 2})), Value(2.5),
                                         Value()}));
}

TEST_P(ConnectionTest, ComparesParametersWithColumns) {
  exec("CREATE TABLE t (n INTEGER, s VARCHAR(10))");
  exec("INSERT INTO t (n, s) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
  Rows rows = query("SELECT s FROM t WHERE n >= " + p(1) + " AND s <> " + p(2) + " ORDER BY n",
                    {Value(std::int64_t{2}), Value("c")});
  EXPECT_EQ(rows, (Rows{{Value("b")}}));
}

// ---- rows_affected -------------------------------------------------------

TEST_P(ConnectionTest, ReportsRowsAffectedByInsertUpdateDelete) {
  exec("CREATE TABLE t (n INTEGER)");
  EXPECT_EQ(exec("INSERT INTO t (n) VALUES (1), (2), (3)").rows_affected, 3);
  EXPECT_EQ(exec("UPDATE t SET n = n + 10 WHERE n >= " + p(1), {Value(std::int64_t{2})}).rows_affected, 2);
  EXPECT_EQ(exec("UPDATE t SET n = 0 WHERE n < 0").rows_affected, 0);
  EXPECT_EQ(exec("DELETE FROM t").rows_affected, 3);
}

TEST_P(ConnectionTest, ReportsNoRowsAffectedBySelectOrDdl) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("INSERT INTO t (n) VALUES (1), (2)");
  EXPECT_EQ(exec("SELECT n FROM t").rows_affected, 0);
  EXPECT_EQ(exec("CREATE TABLE u (n INTEGER)").rows_affected, 0);
}

TEST_P(ConnectionTest, InsertReturningDeliversRowsAndCount) {
  exec("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
  Rows rows;
  auto result = conn_->execute("INSERT INTO t (id, n) VALUES (5, " + p(1) + ") RETURNING id",
                               std::vector<Value>{Value(std::int64_t{1})},
                               [&](const covet::detail::Row& r) { rows.push_back({r.value(0)}); });
  EXPECT_EQ(rows, (Rows{{Value(std::int64_t{5})}}));
  EXPECT_EQ(result.rows_affected, 1);
}

// ---- Error mapping -------------------------------------------------------

TEST_P(ConnectionTest, UniqueViolationIsUniqueViolationWithSqlAndCode) {
  make_parent_child();
  const std::string sql = "INSERT INTO parent (id, name) VALUES (2, " + p(1) + ")";
  try {
    exec(sql, {Value("one")});
    FAIL() << "a duplicate name must be refused";
  } catch (const covet::UniqueViolation& e) {
    EXPECT_EQ(e.sql(), sql);
    EXPECT_EQ(e.code(), postgres() ? "23505" : "SQLITE_CONSTRAINT_UNIQUE");
    EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
  }
}

TEST_P(ConnectionTest, LongValueQuotedByTheServerIsCutInTheMessage) {
  exec("CREATE TABLE t (s TEXT UNIQUE)");
  const std::string value(2600, 'v');  // under PostgreSQL's index row limit
  exec("INSERT INTO t (s) VALUES (" + p(1) + ")", {Value(value)});
  try {
    exec("INSERT INTO t (s) VALUES (" + p(1) + ")", {Value(value)});
    FAIL() << "a duplicate value must be refused";
  } catch (const covet::UniqueViolation& e) {
    EXPECT_LT(std::string(e.what()).size(), 2500u) << "PostgreSQL's DETAIL quotes the whole key";
  }
}

TEST_P(ConnectionTest, DuplicatePrimaryKeyIsUniqueViolation) {
  make_parent_child();
  EXPECT_THROW(exec("INSERT INTO parent (id, name) VALUES (1, 'other')"), covet::UniqueViolation);
}

TEST_P(ConnectionTest, ForeignKeyViolationIsForeignKeyViolation) {
  make_parent_child();
  try {
    exec("INSERT INTO child (id, parent_id) VALUES (1, " + p(1) + ")", {Value(std::int64_t{99})});
    FAIL() << "a reference to a missing parent must be refused (foreign keys enforced)";
  } catch (const covet::ForeignKeyViolation& e) {
    EXPECT_EQ(e.code(), postgres() ? "23503" : "SQLITE_CONSTRAINT_FOREIGNKEY");
    EXPECT_FALSE(e.sql().empty());
  }
}

TEST_P(ConnectionTest, DeletingReferencedRowIsForeignKeyViolation) {
  make_parent_child();
  exec("INSERT INTO child (id, parent_id) VALUES (1, 1)");
  EXPECT_THROW(exec("DELETE FROM parent"), covet::ForeignKeyViolation);
}

TEST_P(ConnectionTest, NotNullViolationIsNotNullViolation) {
  make_parent_child();
  try {
    exec("INSERT INTO parent (id, name) VALUES (3, " + p(1) + ")", {Value()});
    FAIL() << "NULL in a NOT NULL column must be refused";
  } catch (const covet::NotNullViolation& e) {
    EXPECT_EQ(e.code(), postgres() ? "23502" : "SQLITE_CONSTRAINT_NOTNULL");
  }
}

TEST_P(ConnectionTest, CheckViolationIsIntegrityError) {
  make_parent_child();
  try {
    exec("INSERT INTO child (id, parent_id, qty) VALUES (1, 1, -5)");
    FAIL() << "the CHECK constraint must refuse a negative qty";
  } catch (const covet::UniqueViolation&) {
    FAIL() << "a CHECK failure is not a unique violation";
  } catch (const covet::IntegrityError& e) {
    EXPECT_EQ(e.code(), postgres() ? "23514" : "SQLITE_CONSTRAINT_CHECK");
  }
}

TEST_P(ConnectionTest, WriteToAReadOnlyDatabaseIsOperationalError) {
  make_parent_child();
  exec(postgres() ? "SET default_transaction_read_only TO on" : "PRAGMA query_only = ON");
  try {
    exec("INSERT INTO parent (id, name) VALUES (2, 'two')");
    FAIL() << "the session is read-only";
  } catch (const covet::OperationalError& e) {
    EXPECT_EQ(e.code(), postgres() ? "25006" : "SQLITE_READONLY");
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
  }
}

TEST_P(ConnectionTest, SyntaxErrorIsProgrammingError) {
  try {
    exec("SELEKT 1");
    FAIL() << "bad SQL must be refused";
  } catch (const covet::ProgrammingError& e) {
    EXPECT_EQ(e.sql(), "SELEKT 1");
    EXPECT_FALSE(e.code().empty());
  }
}

TEST_P(ConnectionTest, MissingTableIsProgrammingError) {
  EXPECT_THROW(exec("SELECT * FROM no_such_table"), covet::ProgrammingError);
}

TEST_P(ConnectionTest, FailedPrepareLeavesConnectionUsable) {
  EXPECT_THROW(exec("SELECT * FROM later"), covet::ProgrammingError);
  exec("CREATE TABLE later (n INTEGER)");
  exec("INSERT INTO later (n) VALUES (4)");
  EXPECT_EQ(query("SELECT * FROM later"), (Rows{{Value(std::int64_t{4})}}))
      << "a failed prepare must not leave a broken cache entry behind";
}

TEST_P(ConnectionTest, WrongParameterCountIsProgrammingError) {
  EXPECT_THROW(exec("SELECT " + p(1) + ", " + p(2), {Value(std::int64_t{1})}), covet::ProgrammingError);
}

TEST_P(ConnectionTest, TwoStatementsInOneExecuteIsProgrammingError) {
  exec("CREATE TABLE t (n INTEGER)");
  EXPECT_THROW(exec("INSERT INTO t (n) VALUES (1); DELETE FROM t"), covet::ProgrammingError);
  EXPECT_TRUE(query("SELECT n FROM t").empty()) << "neither statement may have run";
}

TEST_P(ConnectionTest, TrailingSemicolonIsAccepted) {
  EXPECT_EQ(query("SELECT 1;"), (Rows{{Value(std::int64_t{1})}}));
}

TEST_P(ConnectionTest, RowColumnOutOfRangeIsUsageError) {
  EXPECT_THROW(conn_->execute("SELECT 1", {}, [](const covet::detail::Row& r) { (void)r.value(1); }),
               covet::UsageError);
}

TEST_P(ConnectionTest, ExceptionFromRowCallbackLeavesConnectionUsable) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("INSERT INTO t (n) VALUES (1), (2)");
  EXPECT_THROW(conn_->execute("SELECT n FROM t", {}, [](const covet::detail::Row&) { throw std::runtime_error("x"); }),
               std::runtime_error);
  EXPECT_EQ(query("SELECT n FROM t ORDER BY n").size(), 2u);
  exec("DROP TABLE t");  // would fail on SQLite if the statement were left un-reset
}

TEST_P(ConnectionTest, MaxParamsIsTheBackendLimit) {
  if (postgres())
    EXPECT_EQ(conn_->max_params(), 65535);
  else
    EXPECT_GE(conn_->max_params(), 999);
}

TEST_P(ConnectionTest, BindsUpToMaxParams) {
  const int n = std::min(conn_->max_params(), 30000);
  std::string sql = "SELECT " + p(1) + " IN (";
  std::vector<Value> params{Value(std::int64_t{n - 1})};
  for (int i = 2; i <= n; ++i) {
    sql += (i > 2 ? ", " : "") + p(i);
    params.emplace_back(std::int64_t{i});
  }
  sql += ")";
  Rows rows = query(sql, params);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], postgres() ? Value(true) : Value(std::int64_t{1}));
}

// ---- Transactions ---------------------------------------------------------

TEST_P(ConnectionTest, RollbackDiscardsChanges) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("BEGIN");
  exec("INSERT INTO t (n) VALUES (1)");
  exec("ROLLBACK");
  EXPECT_TRUE(query("SELECT n FROM t").empty());
}

TEST_P(ConnectionTest, CommitKeepsChanges) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("BEGIN");
  exec("INSERT INTO t (n) VALUES (1)");
  exec("COMMIT");
  EXPECT_EQ(query("SELECT n FROM t"), (Rows{{Value(std::int64_t{1})}}));
}

TEST_P(ConnectionTest, RollbackToSavepointUndoesOnlyInnerWork) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("BEGIN");
  exec("INSERT INTO t (n) VALUES (1)");
  exec("SAVEPOINT covet_sp1");
  exec("INSERT INTO t (n) VALUES (2)");
  exec("ROLLBACK TO SAVEPOINT covet_sp1");
  exec("RELEASE SAVEPOINT covet_sp1");
  exec("SAVEPOINT covet_sp2");
  exec("INSERT INTO t (n) VALUES (3)");
  exec("RELEASE SAVEPOINT covet_sp2");
  exec("COMMIT");
  EXPECT_EQ(query("SELECT n FROM t ORDER BY n"), (Rows{{Value(std::int64_t{1})}, {Value(std::int64_t{3})}}));
}

TEST_P(ConnectionTest, SavepointRecoversFromFailedStatementInTransaction) {
  make_parent_child();
  exec("BEGIN");
  exec("SAVEPOINT covet_sp1");
  EXPECT_THROW(exec("INSERT INTO parent (id, name) VALUES (2, 'one')"), covet::UniqueViolation);
  exec("ROLLBACK TO SAVEPOINT covet_sp1");
  exec("INSERT INTO parent (id, name) VALUES (2, 'two')");
  exec("COMMIT");
  EXPECT_EQ(query("SELECT count(*) FROM parent"), (Rows{{Value(std::int64_t{2})}}));
}

// ---- Prepared-statement cache ---------------------------------------------

// "n<i>"; built by append because GCC 12's -Wrestrict misfires on
// `"n" + std::to_string(i)` at -O2 (GCC bug 105329).
std::string label(std::int64_t i) {
  std::string s = "n";
  s += std::to_string(i);
  return s;
}

TEST_P(ConnectionTest, RepeatedStatementGivesRightResultsEachTime) {
  exec("CREATE TABLE t (id INTEGER, label TEXT)");
  const std::string insert = "INSERT INTO t (id, label) VALUES (" + p(1) + ", " + p(2) + ")";
  for (std::int64_t i = 0; i < 200; ++i) exec(insert, {Value(i), Value(label(i))});
  const std::size_t cached = cached_statements();
  const std::string select = "SELECT label FROM t WHERE id = " + p(1);
  for (std::int64_t i = 0; i < 200; i += 7)
    EXPECT_EQ(query(select, {Value(i)}), (Rows{{Value(label(i))}})) << "id " << i;
  EXPECT_EQ(cached_statements(), cached + 1) << "repeating a statement must reuse its prepared form";
  EXPECT_EQ(query("SELECT count(*), sum(id) FROM t"), (Rows{{Value(std::int64_t{200}), Value(std::int64_t{19900})}}));
}

TEST_P(ConnectionTest, SameStatementAcceptsDifferentParameterKinds) {
  exec("CREATE TABLE t (x TEXT)");
  const std::string insert = "INSERT INTO t (x) VALUES (" + p(1) + ")";
  exec(insert, {Value("a")});
  exec(insert, {Value()});
  exec(insert, {Value("b")});
  exec(insert, {Value()});
  EXPECT_EQ(query("SELECT count(*), count(x) FROM t"), (Rows{{Value(std::int64_t{4}), Value(std::int64_t{2})}}));
}

TEST_P(ConnectionTest, StatementCacheEvictsAndStillWorks) {
  std::size_t limit = postgres() ? covet::detail::PostgresConnection::kStatementCacheSize
                                 : covet::detail::SqliteConnection::kStatementCacheSize;
  for (std::size_t i = 0; i < limit + 20; ++i)
    EXPECT_EQ(query("SELECT " + std::to_string(i)), (Rows{{Value(static_cast<std::int64_t>(i))}}));
  EXPECT_LE(cached_statements(), limit);
  EXPECT_EQ(query("SELECT 0"), (Rows{{Value(std::int64_t{0})}})) << "an evicted statement is prepared again";
  exec("BEGIN");
  exec("COMMIT");  // evicted statements are deallocated between transactions without error
  EXPECT_EQ(query("SELECT 1"), (Rows{{Value(std::int64_t{1})}}));
}

TEST_P(ConnectionTest, CachedSelectSeesTableChangedShape) {
  exec("CREATE TABLE t (a INTEGER)");
  exec("INSERT INTO t (a) VALUES (1)");
  EXPECT_EQ(query("SELECT * FROM t"), (Rows{{Value(std::int64_t{1})}}));
  exec("ALTER TABLE t ADD COLUMN b INTEGER");
  EXPECT_EQ(query("SELECT * FROM t"), (Rows{{Value(std::int64_t{1}), Value()}}))
      << "a statement prepared before ALTER TABLE must be re-prepared";
}

TEST_P(ConnectionTest, CachedInsertFollowsRecreatedTableWithOtherColumnType) {
  const std::string insert = "INSERT INTO t (x) VALUES (" + p(1) + ")";
  exec("CREATE TABLE t (x BIGINT)");
  exec(insert, {Value()});
  exec("DROP TABLE t");
  exec("CREATE TABLE t (x TEXT)");
  exec(insert, {Value()});
  exec(insert, {Value("text now")});
  EXPECT_EQ(query("SELECT count(x) FROM t"), (Rows{{Value(std::int64_t{1})}}))
      << "a parameter type inferred before DDL must not stick to the cached statement";
}

TEST_P(ConnectionTest, SameStatementRunsFromInsideItsOwnRowCallback) {
  exec("CREATE TABLE t (n INTEGER)");
  exec("INSERT INTO t (n) VALUES (1), (2), (3)");
  const std::string sql = "SELECT n FROM t WHERE n >= " + p(1) + " ORDER BY n";
  std::vector<std::size_t> inner_counts;
  conn_->execute(sql, std::vector<Value>{Value(std::int64_t{1})}, [&](const covet::detail::Row& row) {
    inner_counts.push_back(query(sql, {row.value(0)}).size());
  });
  EXPECT_EQ(inner_counts, (std::vector<std::size_t>{3, 2, 1}));
}

// ---- Connection loss --------------------------------------------------------

TEST_P(ConnectionTest, LostConnectionIsOperationalError) {
  if (!postgres()) GTEST_SKIP() << "an embedded SQLite database has no server connection to lose";
  const Rows pid = query("SELECT pg_backend_pid()");
  auto killer = covet::detail::open_connection(covet::test::postgres_base_url());
  killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)", std::vector<Value>{pid[0][0]});
  try {
    exec("SELECT 1");
    FAIL() << "a statement on a terminated connection must fail";
  } catch (const covet::OperationalError& e) {
    EXPECT_FALSE(e.code().empty());
  }
}

TEST_P(ConnectionTest, LostConnectionStaysLostUntilTheOwnerReconnects) {
  if (!postgres()) GTEST_SKIP() << "an embedded SQLite database has no server connection to lose";
  EXPECT_EQ(query("SELECT " + p(1) + " + 1", {Value(std::int64_t{1})}), (Rows{{Value(std::int64_t{2})}}));
  const Rows pid = query("SELECT pg_backend_pid()");
  auto killer = covet::detail::open_connection(covet::test::postgres_base_url());
  killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)", std::vector<Value>{pid[0][0]});
  EXPECT_THROW(exec("SELECT 1"), covet::OperationalError);
  EXPECT_FALSE(conn_->connected());
  try {
    exec("SELECT 1");
    FAIL() << "the backend must not reconnect by itself: only its owner knows whether a transaction was open";
  } catch (const covet::OperationalError& e) {
    EXPECT_EQ(e.code(), "08003");
  }
  conn_->reconnect();
  EXPECT_TRUE(conn_->connected());
  EXPECT_EQ(query("SELECT " + p(1) + " + 1", {Value(std::int64_t{1})}), (Rows{{Value(std::int64_t{2})}}))
      << "after reconnecting, statements cached on the old session must be prepared again";
  EXPECT_NE(query("SELECT pg_backend_pid()"), pid);
}

TEST_P(ConnectionTest, NulByteInTextIsRefusedOnPostgresAsDataError) {
  if (!postgres()) GTEST_SKIP() << "SQLite stores NUL bytes in text; only PostgreSQL refuses them";
  EXPECT_THROW(exec("SELECT " + p(1), {Value(std::string("a\0b", 3))}), covet::DataError);
}

TEST_P(ConnectionTest, TextLongerThanTheColumnIsDataError) {
  if (!postgres()) GTEST_SKIP() << "SQLite does not enforce VARCHAR lengths";
  exec("CREATE TABLE t (s VARCHAR(3))");
  try {
    exec("INSERT INTO t (s) VALUES (" + p(1) + ")", {Value("abcd")});
    FAIL() << "four characters do not fit VARCHAR(3)";
  } catch (const covet::DataError& e) {
    EXPECT_EQ(e.code(), "22001");
    EXPECT_NE(std::string(e.what()).find("max_length"), std::string::npos) << e.what();
  }
}

TEST_P(ConnectionTest, NumberOutOfTheColumnsRangeIsDataError) {
  if (!postgres()) GTEST_SKIP() << "SQLite stores any integer in any integer column";
  exec("CREATE TABLE t (n SMALLINT)");
  try {
    exec("INSERT INTO t (n) VALUES (" + p(1) + ")", {Value(std::int64_t{99999})});
    FAIL() << "99999 does not fit SMALLINT";
  } catch (const covet::DataError& e) {
    EXPECT_EQ(e.code(), "22003");
  }
}

TEST_P(ConnectionTest, InvalidTextForTheColumnsTypeIsDataError) {
  if (!postgres()) GTEST_SKIP() << "SQLite converts what it can and stores the rest as text";
  EXPECT_THROW(exec("SELECT CAST(" + p(1) + " AS integer)", {Value("twelve")}), covet::DataError);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionTest, ::testing::ValuesIn(covet::test::backend_names()),
                         covet::test::backend_test_name);

// ---- Opening connections (not parametrized) --------------------------------

// SQLite only: a full disk cannot be made on demand for a PostgreSQL server
// (whose 53100 is an OperationalError too, see postgres_connection.cpp).
TEST(OpenConnection, FullSqliteDatabaseIsOperationalError) {
  std::unique_ptr<Connection> conn = covet::detail::open_connection("sqlite::memory:");
  conn->execute("CREATE TABLE t (b BLOB)", {});
  std::int64_t pages = 0;
  conn->execute("PRAGMA page_count", {}, [&](const covet::detail::Row& row) { pages = row.value(0).as_integer(); });
  conn->execute("PRAGMA max_page_count = " + std::to_string(pages + 1), {});
  const std::vector<Value> blob{Value(Blob(1 << 20, std::byte{1}))};
  try {
    conn->execute("INSERT INTO t (b) VALUES (?)", blob);
    FAIL() << "the database may not grow by 1 MB";
  } catch (const covet::OperationalError& e) {
    EXPECT_EQ(e.code(), "SQLITE_FULL");
  }
}

TEST(OpenConnection, UnknownSchemeIsOperationalErrorListingAcceptedForms) {
  try {
    covet::detail::open_connection("mysql://bob:hunter2@localhost/db");
    FAIL() << "mysql is not a supported scheme";
  } catch (const covet::OperationalError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("mysql"), std::string::npos) << msg;
    EXPECT_NE(msg.find("sqlite::memory:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("postgresql://"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("hunter2"), std::string::npos) << "passwords must be masked: " << msg;
  }
}

TEST(OpenConnection, EmptyUrlIsOperationalError) {
  EXPECT_THROW(covet::detail::open_connection(""), covet::OperationalError);
}

TEST(OpenConnection, MalformedSqliteUrlIsOperationalError) {
  EXPECT_THROW(covet::detail::open_connection("sqlite://host/file.db"), covet::OperationalError);
  EXPECT_THROW(covet::detail::open_connection("sqlite:///"), covet::OperationalError);
}

TEST(OpenConnection, SqliteFileInMissingDirectoryIsOperationalError) {
  EXPECT_THROW(covet::detail::open_connection("sqlite:////nonexistent-covet-dir/x/y.db"), covet::OperationalError);
}

TEST(OpenConnection, SqliteFileThatIsNotADatabaseIsOperationalError) {
  const auto path = std::filesystem::temp_directory_path() / ("covet_notadb_" + std::to_string(::getpid()));
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is certainly not an SQLite database file, just some text that is long enough", f);
    std::fclose(f);
  }
  EXPECT_THROW(covet::detail::open_connection("sqlite:///" + path.string()), covet::OperationalError);
  std::filesystem::remove(path);
}

TEST(OpenConnection, SqliteAbsolutePathPersistsAcrossConnections) {
  const auto path = std::filesystem::temp_directory_path() / ("covet_abs_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  ASSERT_TRUE(path.is_absolute());
  const std::string url = "sqlite:///" + path.string();  // "sqlite:////tmp/..."
  {
    auto c = covet::detail::open_connection(url);
    c->execute("CREATE TABLE t (n INTEGER)", {});
    c->execute("INSERT INTO t (n) VALUES (42)", {});
  }
  auto c = covet::detail::open_connection(url);
  std::vector<Value> got;
  c->execute("SELECT n FROM t", {}, [&](const covet::detail::Row& r) { got.push_back(r.value(0)); });
  EXPECT_EQ(got, std::vector<Value>{Value(std::int64_t{42})});
  c.reset();
  std::filesystem::remove(path);
}

TEST(OpenConnection, SqliteRelativePathIsRelativeToWorkingDirectory) {
  const std::string name = "covet_rel_" + std::to_string(::getpid()) + ".db";
  {
    auto c = covet::detail::open_connection("sqlite:///" + name);
    c->execute("CREATE TABLE t (n INTEGER)", {});
  }
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::current_path() / name));
  std::filesystem::remove(name);
}

TEST(OpenConnection, SqliteMemoryDatabasesArePrivate) {
  auto a = covet::detail::open_connection("sqlite::memory:");
  auto b = covet::detail::open_connection("sqlite::memory:");
  a->execute("CREATE TABLE t (n INTEGER)", {});
  EXPECT_THROW(b->execute("SELECT n FROM t", {}), covet::ProgrammingError);
}

TEST(OpenConnection, SqliteEnforcesForeignKeys) {
  auto c = covet::detail::open_connection("sqlite::memory:");
  std::vector<Value> got;
  c->execute("PRAGMA foreign_keys", {}, [&](const covet::detail::Row& r) { got.push_back(r.value(0)); });
  EXPECT_EQ(got, std::vector<Value>{Value(std::int64_t{1})});
}

TEST(OpenConnection, UnreachablePostgresIsOperationalErrorWithMaskedPassword) {
  try {
    covet::detail::open_connection("postgresql://bob:s3cret@127.0.0.1:1/nodb?connect_timeout=2");
    FAIL() << "nothing listens on port 1";
  } catch (const covet::OperationalError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg.find("s3cret"), std::string::npos) << "passwords must be masked: " << msg;
    EXPECT_NE(msg.find("bob:***@127.0.0.1:1"), std::string::npos) << msg;
    EXPECT_EQ(e.code(), "08001");
  }
}

TEST(OpenConnection, PostgresMissingSocketDirectoryIsOperationalError) {
  EXPECT_THROW(covet::detail::open_connection("postgres:///db?host=/nonexistent-covet-sock&port=5"),
               covet::OperationalError);
}

TEST(OpenConnection, PostgresUnknownDatabaseIsOperationalError) {
  if (covet::test::postgres_base_url().empty()) GTEST_SKIP() << covet::test::skip_reason("postgresql");
  std::string url = covet::test::postgres_base_url();
  const auto pos = url.find("/covet_test");
  if (pos == std::string::npos) GTEST_SKIP() << "the test URL does not name covet_test: " << url;
  url.replace(pos, 11, "/covet_no_such_database");
  EXPECT_THROW(covet::detail::open_connection(url), covet::OperationalError);
}

TEST(OpenConnection, PostgresKeywordFormIsAccepted) {
  try {
    covet::detail::open_connection("host=/nonexistent-covet-sock port=5 dbname=x password='p w'");
    FAIL() << "the socket does not exist";
  } catch (const covet::OperationalError& e) {
    EXPECT_NE(std::string(e.what()).find("PostgreSQL"), std::string::npos)
        << "a key=value string goes to libpq: " << e.what();
    EXPECT_EQ(std::string(e.what()).find("p w"), std::string::npos) << e.what();
  }
}

}  // namespace

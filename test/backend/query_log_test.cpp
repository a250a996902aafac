// The query log: what it records, when, and the GoogleTest helpers on it.
#include "models/deletion.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace deletion;

namespace {

class QueryLogTest : public covet::test::DatabaseTest {};

TEST_P(QueryLogTest, RecordsNothingUntilStarted) {
  auto& db = *database;
  db.objects<Owner>().count();
  EXPECT_FALSE(db.query_log().recording());
  EXPECT_EQ(db.query_log().count(), 0u);
}

TEST_P(QueryLogTest, RecordsSqlParametersAndDurationWhileStarted) {
  auto& db = *database;
  covet::QueryLog& log = db.query_log();
  log.start();
  db.objects<Owner>().filter("name", "Ann").count();
  log.stop();
  db.objects<Owner>().count();  // not recorded
  ASSERT_EQ(log.count(), 1u);
  const covet::QueryLogEntry& e = log.entries()[0];
  EXPECT_NE(e.sql.find("COUNT(*)"), std::string::npos) << e.sql;
  ASSERT_EQ(e.params.size(), 1u);
  EXPECT_EQ(e.params[0].as_text(), "Ann");
  EXPECT_GE(e.duration.count(), 0);
  EXPECT_FALSE(e.failed);
}

TEST_P(QueryLogTest, StartForgetsEarlierEntries) {
  auto& db = *database;
  db.query_log().start();
  db.objects<Owner>().count();
  db.query_log().start();
  EXPECT_EQ(db.query_log().count(), 0u);
}

TEST_P(QueryLogTest, RecordsFailedStatements) {
  auto& db = *database;
  db.query_log().start();
  EXPECT_THROW(db.execute("SELECT * FROM no_such_table"), covet::DatabaseError);
  ASSERT_EQ(db.query_log().count(), 1u);
  EXPECT_TRUE(db.query_log().entries()[0].failed);
}

TEST_P(QueryLogTest, SeesTransactionControlAndWrites) {
  auto& db = *database;
  covet::QueryCounter counter(db);
  db.atomic([&] { db.create(Owner{.name = "Ann"}); });
  ASSERT_EQ(counter.count(), 3u);
  EXPECT_EQ(counter.entries()[0].sql, is_sqlite() ? "BEGIN IMMEDIATE" : "BEGIN");
  EXPECT_EQ(counter.entries()[1].sql.rfind("INSERT", 0), 0u);
  EXPECT_EQ(counter.entries()[2].sql, "COMMIT");
}

TEST_P(QueryLogTest, CountersNestAndLeaveTheLogStopped) {
  auto& db = *database;
  covet::QueryCounter outer(db);
  db.objects<Owner>().count();
  {
    covet::QueryCounter inner(db);
    db.objects<Owner>().count();
    EXPECT_EQ(inner.count(), 1u);
  }
  EXPECT_EQ(outer.count(), 2u);
  EXPECT_FALSE(db.query_log().entries().empty());
}

TEST_P(QueryLogTest, CounterStopsRecordingWhenItEnds) {
  auto& db = *database;
  { covet::QueryCounter counter(db); }
  EXPECT_FALSE(db.query_log().recording());
}

TEST_P(QueryLogTest, AssertNumQueriesPassesOnTheExactCount) {
  auto& db = *database;
  covet::assert_num_queries(db, 1, [&] { db.objects<Owner>().count(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [] {});
}

TEST_P(QueryLogTest, AssertNumQueriesFailsListingTheStatements) {
  auto& db = *database;
  ::testing::AssertionResult r = covet::ran_num_queries(db, 2, [&] { db.objects<Owner>().count(); });
  EXPECT_FALSE(r);
  const std::string message = r.message();
  EXPECT_NE(message.find("1 queries executed, 2 expected"), std::string::npos) << message;
  EXPECT_NE(message.find("COUNT(*)"), std::string::npos) << message;
}

TEST_P(QueryLogTest, HandlesShareOneLog) {
  auto& db = *database;
  covet::Database copy = db;
  copy.query_log().start();
  db.objects<Owner>().count();
  EXPECT_EQ(copy.query_log().count(), 1u);
}

TEST_P(QueryLogTest, ServerWarningsAreInTheEntryOfTheirStatement) {
  if (is_sqlite()) GTEST_SKIP() << "SQLite sends no notices";
  auto& db = *database;
  db.query_log().start();
  db.execute("DO $$ BEGIN RAISE WARNING 'covet % warns', 'conn'; RAISE NOTICE 'and notes'; END $$");
  db.execute("SELECT 1");
  ASSERT_EQ(db.query_log().count(), 2u);
  const std::vector<covet::ServerNotice>& notices = db.query_log().entries()[0].notices;
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].severity, "WARNING");
  EXPECT_EQ(notices[0].code, "01000");
  EXPECT_EQ(notices[0].message, "covet conn warns");
  EXPECT_EQ(notices[1].severity, "NOTICE");
  EXPECT_TRUE(db.query_log().entries()[1].notices.empty()) << "a notice belongs to the statement that raised it";
}

TEST_P(QueryLogTest, CommitOutsideATransactionWarningIsLogged) {
  if (is_sqlite()) GTEST_SKIP() << "SQLite refuses COMMIT outside a transaction with an error";
  auto& db = *database;
  covet::QueryCounter counter(db);
  db.execute("COMMIT");
  ASSERT_EQ(counter.count(), 1u);
  ASSERT_EQ(counter.entries()[0].notices.size(), 1u);
  EXPECT_EQ(counter.entries()[0].notices[0].code, "25P01") << counter.entries()[0].notices[0].message;
}

TEST_P(QueryLogTest, SqlLogPrintsServerWarnings) {
  if (is_sqlite()) GTEST_SKIP() << "SQLite sends no notices";
  ::setenv("COVET_LOG_SQL", "1", 1);
  covet::Database db = covet::connect(url);
  ::unsetenv("COVET_LOG_SQL");
  ::testing::internal::CaptureStderr();
  db.execute("DO $$ BEGIN RAISE WARNING 'printed for the developer'; END $$");
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(printed.find("WARNING 01000: printed for the developer"), std::string::npos) << printed;
}

}  // namespace

COVET_INSTANTIATE_BACKENDS(QueryLogTest);

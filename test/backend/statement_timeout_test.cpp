// ConnectOptions::statement_timeout (issue 10, item 4): a statement running
// longer is cancelled with an OperationalError that names the timeout and the
// option, and the connection stays usable.
#include "models/conn.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

class StatementTimeoutTest : public covet::test::DatabaseTest {
 protected:
  covet::Database timed(std::chrono::milliseconds timeout) {
    covet::Database db = covet::connect(url, {.statement_timeout = timeout});
    if (is_sqlite()) db.create_all();  // a new private in-memory database
    return db;
  }
  // Runs for many seconds without a timeout, on either backend.
  std::string slow_query() const {
    return is_sqlite() ? "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
                         "SELECT count(*) FROM c"
                       : "SELECT pg_sleep(2)";
  }
};

TEST_P(StatementTimeoutTest, StatementLongerThanTheTimeoutIsCancelledNamingTheOption) {
  covet::Database db = timed(100ms);
  const auto start = std::chrono::steady_clock::now();
  try {
    db.query(slow_query());
    FAIL() << "the statement runs for seconds; the timeout is 100 ms";
  } catch (const covet::OperationalError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("statement timeout (100 ms, ConnectOptions::statement_timeout)"), std::string::npos) << what;
    EXPECT_EQ(e.code(), is_sqlite() ? "SQLITE_INTERRUPT" : "57014");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
}

TEST_P(StatementTimeoutTest, ConnectionStaysUsableAfterATimeout) {
  covet::Database db = timed(100ms);
  EXPECT_THROW(db.query(slow_query()), covet::OperationalError);
  EXPECT_EQ(db.query("SELECT 1 + 1").at(0).at(0), covet::Value(std::int64_t{2}));
  db.create(conn::ConnNote{.text = "after"});
  EXPECT_EQ(db.objects<conn::ConnNote>().count(), 1);
}

TEST_P(StatementTimeoutTest, StatementsWithinTheTimeoutRunAsUsual) {
  covet::Database db = timed(5000ms);
  for (int i = 0; i < 20; ++i) db.create(conn::ConnNote{.text = "n" + std::to_string(i)});
  std::size_t rows = 0;
  for (const auto& n : db.objects<conn::ConnNote>().fetch()) rows += n.text.empty() ? 0 : 1;
  EXPECT_EQ(rows, 20u);
}

TEST_P(StatementTimeoutTest, TimeoutIsPerStatementNotPerTransaction) {
  covet::Database db = timed(100ms);
  EXPECT_NO_THROW(db.atomic([&] {
    db.create(conn::ConnNote{.text = "slow caller"});
    std::this_thread::sleep_for(150ms);  // the application's time, not a statement's
    db.create(conn::ConnNote{.text = "still fine"});
  }));
  EXPECT_EQ(db.objects<conn::ConnNote>().count(), 2);
}

TEST_P(StatementTimeoutTest, TimeoutStillAppliesAfterAReconnect) {
  if (is_sqlite()) GTEST_SKIP() << "an embedded SQLite database has no session to reconnect";
  covet::Database db = timed(100ms);
  const covet::Value pid = db.query("SELECT pg_backend_pid()").at(0).at(0);
  auto killer = covet::detail::open_connection(covet::test::postgres_base_url());
  killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)", std::vector<covet::Value>{pid});
  EXPECT_THROW(db.query("SELECT 1"), covet::OperationalError);
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { db.query(slow_query()); });
  EXPECT_NE(what.find("statement_timeout"), std::string::npos) << "the new session must have the timeout too: " << what;
}

COVET_INSTANTIATE_BACKENDS(StatementTimeoutTest);

}  // namespace

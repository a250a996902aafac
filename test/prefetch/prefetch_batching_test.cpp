// The key lists of prefetch queries: split under SQLite's parameter limit,
// one array parameter on PostgreSQL, and a statement text that does not
// change with every number of keys (so the prepared statement is reused).
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace library;

namespace {

class PrefetchBatchingTest : public query_test::LibraryTest {
 protected:
  // The SQL of the last statement `fn` runs.
  template <class F>
  std::string last_sql(F&& fn) {
    covet::QueryLog& log = database->query_log();
    log.start();
    fn();
    log.stop();
    return log.entries().empty() ? std::string() : log.entries().back().sql;
  }
};

TEST_P(PrefetchBatchingTest, StatementTextIsTheSameForThreeAndFourOwners) {
  auto three = authors().filter("name__in", {"Alice", "Bob", "carol"}).order_by("name").fetch();
  auto four = authors().order_by("name").fetch();
  std::string sql3 = last_sql([&] { database->prefetch(three, "books"); });
  std::string sql4 = last_sql([&] { database->prefetch(four, "books"); });
  EXPECT_EQ(sql3, sql4);
  if (is_sqlite()) {
    EXPECT_NE(sql4.find(" IN ("), std::string::npos) << sql4;
  } else {
    EXPECT_NE(sql4.find("= ANY($1::bigint[])"), std::string::npos) << sql4;
  }
}

TEST_P(PrefetchBatchingTest, MoreKeysThanOneStatementHoldsAreSplit) {
  // 40,000 authors, written by one INSERT ... SELECT.
  database->execute(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40000) "
      "INSERT INTO lib_author (name, age) SELECT 'gen', x FROM n");
  auto many = authors().filter("name", "gen").fetch();
  ASSERT_EQ(many.size(), 40000u);
  many.push_back(alice);
  // SQLite: at most 16384 keys per statement (a power of two under its
  // parameter limit): 3 statements. PostgreSQL: one array.
  const std::size_t expected = is_sqlite() ? 3 : 1;
  COVET_EXPECT_NUM_QUERIES(*database, expected, [&] { database->prefetch(many, "books"); });
  EXPECT_EQ(many.back().books.count(), 2);
  EXPECT_EQ(many.front().books.count(), 0);
}

COVET_INSTANTIATE_BACKENDS(PrefetchBatchingTest);

}  // namespace

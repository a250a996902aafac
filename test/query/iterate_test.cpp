// QuerySet::iterate (covet/row_stream.hpp): the rows of fetch()'s SELECT,
// one at a time; the Database runs nothing else until they end; leaving the
// loop early ends the statement and leaves the Database usable, inside a
// transaction too.
#include "query/library_fixture.hpp"

#include <covet/partial.hpp>
#include <covet/testing.hpp>

#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Book;

class IterateTest : public LibraryTest {
 protected:
  covet::QuerySet<Author> authors() { return database->objects<Author>(); }

  template <class Q>
  static std::vector<std::string> streamed_titles(const Q& qs) {
    std::vector<std::string> out;
    for (const Book& b : qs.iterate()) out.push_back(b.title);
    return out;
  }
};

TEST_P(IterateTest, YieldsTheRowsFetchYieldsInTheSameOrder) {
  auto qs = books().filter("published_year__gte", 2015).order_by("-published_year");
  EXPECT_EQ(streamed_titles(qs), ordered_titles(qs));
  EXPECT_EQ(streamed_titles(qs), (Titles{"Advanced Python", "Python Guide", "Élan vital", "100% Pure_Fun"}));
}

TEST_P(IterateTest, RunsOneStatementForTheWholeLoop) {
  covet::QueryCounter counter(*database);
  std::size_t rows = 0;
  for (const Book& b : books().order_by("title").iterate()) rows += b.title.empty() ? 0 : 1;
  EXPECT_EQ(rows, 5u);
  ASSERT_EQ(counter.count(), 1u);
  EXPECT_NE(counter.entries()[0].sql.find("ORDER BY"), std::string::npos);
}

TEST_P(IterateTest, SlicedQueryStreamsItsSlice) {
  auto qs = books().order_by("published_year").slice(1, 4);
  EXPECT_EQ(streamed_titles(qs), (Titles{"100% Pure_Fun", "Élan vital", "Python Guide"}));
}

TEST_P(IterateTest, EmptyResultRunsNoIteration) {
  int rows = 0;
  for (const Book& b : books().filter("title", "Missing").iterate()) rows += static_cast<int>(b.id.value());
  EXPECT_EQ(rows, 0);
  EXPECT_EQ(books().count(), 5);  // the Database is free again
}

TEST_P(IterateTest, AnotherStatementInsideTheLoopIsRefused) {
  bool refused = false;
  for (const Book& b : books().order_by("title").iterate()) {
    (void)b;
    try {
      (void)authors().count();
    } catch (const covet::UsageError& e) {
      refused = std::string(e.what()).find("iterate()") != std::string::npos;
    }
    break;
  }
  EXPECT_TRUE(refused);
  EXPECT_EQ(authors().count(), 4);
}

TEST_P(IterateTest, LeavingTheLoopEarlyFreesTheDatabase) {
  std::string first;
  for (const Book& b : books().order_by("title").iterate()) {
    first = b.title;
    break;
  }
  EXPECT_EQ(first, "100% Pure_Fun");
  EXPECT_EQ(books().filter("title", first).count(), 1);
}

TEST_P(IterateTest, LeavingTheLoopEarlyInsideATransactionKeepsItsWrites) {
  {
    auto tx = database->atomic();
    database->create(Author{.name = "Dora", .age = 33});
    for (const Author& a : authors().order_by("age").iterate()) {
      (void)a;
      break;
    }
    database->create(Author{.name = "Eve", .age = 34});
    tx.commit();
  }
  EXPECT_EQ(authors().filter("name__in", std::vector<std::string>{"Dora", "Eve"}).count(), 2);
}

TEST_P(IterateTest, SelectRelatedObjectsArriveWithTheRow) {
  covet::QueryCounter counter(*database);
  std::vector<std::string> pairs;
  for (const Book& b : books().select_related("author").order_by("title").iterate())
    pairs.push_back(b.title + "/" + b.author.get().name);
  EXPECT_EQ(counter.count(), 1u);
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(pairs.front(), "100% Pure_Fun/Zoë Ångström");
}

TEST_P(IterateTest, PrefetchRelatedIsRefused) {
  EXPECT_THROW((void)authors().prefetch_related("books").iterate(), covet::UsageError);
  EXPECT_EQ(authors().count(), 4);
}

TEST_P(IterateTest, OnlyGivesPartialRows) {
  std::vector<std::string> names;
  for (const covet::Partial<Author>& a : authors().only("name").order_by("age").iterate()) names.push_back(a->name);
  EXPECT_EQ(names, (std::vector<std::string>{"carol", "Zoë Ångström", "Alice", "Bob"}));
}

TEST_P(IterateTest, ClosingTheDatabaseWhileStreamingIsRefused) {
  auto stream = books().iterate();
  auto it = stream.begin();
  ASSERT_FALSE(it == stream.end());
  EXPECT_THROW(database->close(), covet::UsageError);
  while (!(it == stream.end())) ++it;
  database->close();
}

TEST_P(IterateTest, FailingStatementIsATypedErrorAndFreesTheDatabase) {
  database->execute(is_sqlite() ? "DROP TABLE lib_profile" : "DROP TABLE lib_profile CASCADE");
  auto profiles = database->objects<library::Profile>();
  EXPECT_THROW(
      {
        for (const library::Profile& p : profiles.iterate()) (void)p;
      },
      covet::ProgrammingError);
  EXPECT_EQ(books().count(), 5);
}

TEST_P(IterateTest, TheLogRecordsTheStreamedStatementOnce) {
  database->query_log().start();
  for (const Book& b : books().filter("published_year__lt", 2019).iterate()) (void)b;
  database->query_log().stop();
  ASSERT_EQ(database->query_log().count(), 1u);
  EXPECT_EQ(database->query_log().entries()[0].params, (std::vector<covet::Value>{covet::Value(std::int64_t{2019})}));
  EXPECT_FALSE(database->query_log().entries()[0].failed);
}

COVET_INSTANTIATE_BACKENDS(IterateTest);

}  // namespace
}  // namespace query_test

// covet::Loading::Strict: a lazy load of a relation throws, naming the
// relation and the query it would have run; eager loads and explicit
// queries still work.
#include "query/library_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace library;

namespace {

class StrictLoadingTest : public query_test::LibraryTest {};


TEST_P(StrictLoadingTest, LazyRefLoadThrowsNamingRelationAndQuery) {
  Book b = books().get("title", "Python Guide");
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  std::string what = covet::test::error_message<covet::UsageError>([&] { (void)b.author.get(); });
  EXPECT_NE(what.find("Book.author"), std::string::npos) << what;
  EXPECT_NE(what.find("SELECT"), std::string::npos) << what;
  EXPECT_NE(what.find("lib_author"), std::string::npos) << what;
  EXPECT_NE(what.find("select_related(\"author\")"), std::string::npos) << what;
}

TEST_P(StrictLoadingTest, LazyManagerReadThrowsNamingTheReverseRelation) {
  Author a = authors().get("name", "Alice");
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  std::string what = covet::test::error_message<covet::UsageError>([&] { (void)a.books.fetch(); });
  EXPECT_NE(what.find("Author.books"), std::string::npos) << what;
  EXPECT_NE(what.find("prefetch_related(\"books\")"), std::string::npos) << what;
  EXPECT_THROW((void)a.books.all(), covet::UsageError);
}

TEST_P(StrictLoadingTest, LazyReverseOneToOneThrows) {
  Author a = authors().get("name", "Alice");
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  EXPECT_THROW((void)a.profile.find(), covet::UsageError);
}

TEST_P(StrictLoadingTest, PrefetchedRelationsReadFine) {
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  auto loaded = authors().order_by("name").prefetch_related("books", "profile").fetch();
  EXPECT_EQ(loaded[0].books.count(), 2);
  EXPECT_EQ(loaded[0].profile.get().website, "alice.dev");
  auto with_authors = books().prefetch_related("author").fetch();
  for (const Book& b : with_authors) EXPECT_FALSE(b.author.get().name.empty());
}

TEST_P(StrictLoadingTest, ExplicitQueriesAreNotLazyLoads) {
  Author a = authors().get("name", "Alice");
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  EXPECT_EQ(a.books.count(), 2);
  EXPECT_EQ(a.books.filter("published_year", 2020).count(), 1);
  EXPECT_EQ(database->related(a, &Book::author).count(), 2);
}

TEST_P(StrictLoadingTest, ScopeRestoresThePreviousMode) {
  Book b = books().get("title", "Python Guide");
  {
    covet::LoadingScope strict(*database, covet::Loading::Strict);
    EXPECT_EQ(database->loading(), covet::Loading::Strict);
  }
  EXPECT_EQ(database->loading(), covet::Loading::Lazy);
  EXPECT_EQ(b.author.get().name, "Alice");
}

TEST_P(StrictLoadingTest, ConnectOptionMakesTheDatabaseStrict) {
  covet::Database strict_db = covet::connect(url, {.loading = covet::Loading::Strict});
  strict_db.create_all();
  Author a = strict_db.create(Author{.name = "Ann"});
  Book b = strict_db.create(Book{.title = "T", .author = a});
  Book reloaded = strict_db.objects<Book>().get("title", "T");
  EXPECT_EQ(strict_db.loading(), covet::Loading::Strict);
  EXPECT_THROW((void)reloaded.author.get(), covet::UsageError);
}

COVET_INSTANTIATE_BACKENDS(StrictLoadingTest);

}  // namespace

// The cache of compiled query shapes (covet/statement_cache.hpp): a query
// whose shape was compiled before binds its own values into the cached text;
// values that change the text (NULL, isnull's boolean, a list's length) make
// another shape; the cache is bounded, emptied by create_all/drop_all, drops
// a statement that failed, and never keeps a value.
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Book;

class StatementCacheTest : public LibraryTest {
 protected:
  covet::QuerySet<Author> authors() { return database->objects<Author>(); }

  // The statements fn() runs on `db`.
  template <class F>
  static std::vector<covet::QueryLogEntry> statements(covet::Database& db, F fn) {
    covet::QueryCounter counter(db);
    fn();
    return counter.entries();
  }
};

TEST_P(StatementCacheTest, RepeatedGetCompilesItsShapeOnce) {
  const covet::StatementCacheStats before = database->statement_cache();
  EXPECT_EQ(authors().get("id", alice.id).name, "Alice");
  EXPECT_EQ(authors().get("id", bob.id).name, "Bob");
  EXPECT_EQ(authors().get("id", zoe.id).name, "Zoë Ångström");
  const covet::StatementCacheStats after = database->statement_cache();
  EXPECT_EQ(after.compiled - before.compiled, 1u);
  EXPECT_EQ(after.reused - before.reused, 2u);
}

TEST_P(StatementCacheTest, EachQueryBindsItsOwnValues) {
  EXPECT_EQ(names(authors().filter("age__gt", 35)), (std::vector<std::string>{"Alice", "Bob"}));
  const auto log = statements(*database, [&] {
    EXPECT_EQ(names(authors().filter("age__gt", 50)), (std::vector<std::string>{"Bob"}));
  });
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].params, (std::vector<covet::Value>{covet::Value(std::int64_t{50})}));
}

TEST_P(StatementCacheTest, CachedTextEqualsAFreshCompilation) {
  covet::Database uncached = covet::connect(url, {.statement_cache_size = 0});
  uncached.create_all();  // SQLite: another in-memory database
  auto run = [](covet::Database& db) {
    auto qs = db.objects<Book>();
    return statements(db, [&] {
      (void)qs.filter("author__name", "Bob").order_by("-title").fetch();
      (void)qs.filter("published_year__range", std::pair{2012, 2020}).exclude("editor__isnull", true).count();
      (void)qs.filter(covet::Q("price__lt", 20.0) | covet::Q("in_print", false)).slice(1, 3).fetch();
      (void)qs.select_related("author").filter("author__profile__handle__isnull", false).exists();
    });
  };
  run(*database);  // compiles and caches each shape
  const auto cached = run(*database);
  const auto fresh = run(uncached);
  ASSERT_EQ(cached.size(), fresh.size());
  for (std::size_t i = 0; i < cached.size(); ++i) {
    EXPECT_EQ(cached[i].sql, fresh[i].sql);
    EXPECT_EQ(cached[i].params, fresh[i].params);
  }
  EXPECT_EQ(uncached.statement_cache().compiled, 0u);
  EXPECT_EQ(uncached.statement_cache().size, 0u);
}

TEST_P(StatementCacheTest, NullAndAValueAreDifferentShapes) {
  EXPECT_EQ(names(authors().filter("bio", "Ünïcode poet")), (std::vector<std::string>{"Zoë Ångström"}));
  EXPECT_EQ(names(authors().filter("bio", std::optional<std::string>{})), (std::vector<std::string>{"Bob", "carol"}));
  EXPECT_EQ(names(authors().filter("bio", "Writes about Python")), (std::vector<std::string>{"Alice"}));
}

TEST_P(StatementCacheTest, IsnullTrueAndFalseAreDifferentShapes) {
  EXPECT_EQ(titles(books().filter("editor__isnull", true)), (Titles{"100% Pure_Fun", "Advanced Python"}));
  EXPECT_EQ(titles(books().filter("editor__isnull", false)), (Titles{"C++ Primer", "Python Guide", "Élan vital"}));
  EXPECT_EQ(names(authors().filter("books__isnull", true)), (std::vector<std::string>{"carol"}));
  EXPECT_EQ(names(authors().filter("books__isnull", false)).size(), 3u);
}

TEST_P(StatementCacheTest, InListsOfAnotherLengthOrWithNullAreDifferentShapes) {
  EXPECT_EQ(titles(books().filter("published_year__in", std::vector<int>{2012, 2015})), (Titles{"100% Pure_Fun", "C++ Primer"}));
  EXPECT_EQ(titles(books().filter("published_year__in", std::vector<int>{2018})), (Titles{"Élan vital"}));
  EXPECT_EQ(titles(books().filter("pages__in", std::vector<std::optional<int>>{std::nullopt, 120})), (Titles{"100% Pure_Fun"}));
  EXPECT_EQ(titles(books().filter("pages__in", std::vector<std::optional<int>>{300, std::nullopt})), (Titles{"Python Guide"}));
  EXPECT_TRUE(books().filter("published_year__in", std::vector<int>{}).fetch().empty());
}

TEST_P(StatementCacheTest, SlicesBindTheirBounds) {
  auto ordered = books().order_by("published_year");
  EXPECT_EQ(ordered_titles(ordered.slice(0, 2)), (Titles{"C++ Primer", "100% Pure_Fun"}));
  EXPECT_EQ(ordered_titles(ordered.slice(1, 4)), (Titles{"100% Pure_Fun", "Élan vital", "Python Guide"}));
  EXPECT_EQ(ordered_titles(ordered.slice(3, 5)), (Titles{"Python Guide", "Advanced Python"}));
  EXPECT_EQ(ordered_titles(ordered.offset(4)), (Titles{"Advanced Python"}));
}

TEST_P(StatementCacheTest, PatternLookupsAreCompiledEachTime) {
  const covet::StatementCacheStats before = database->statement_cache();
  EXPECT_EQ(titles(books().filter("title__contains", "Python")), (Titles{"Advanced Python", "Python Guide"}));
  EXPECT_EQ(titles(books().filter("title__contains", "Pure_")), (Titles{"100% Pure_Fun"}));
  const covet::StatementCacheStats after = database->statement_cache();
  EXPECT_EQ(after.uncached - before.uncached, 2u);
  EXPECT_EQ(after.compiled, before.compiled);
}

TEST_P(StatementCacheTest, LeastRecentlyUsedShapeLeavesAtCapacity) {
  covet::Database db = covet::connect(url, {.statement_cache_size = 2});
  db.create_all();  // SQLite: another in-memory database
  auto qs = db.objects<Author>();
  (void)qs.filter("age", 40).fetch();   // shape A
  (void)qs.filter("name", "Bob").count();  // shape B
  (void)qs.filter("age", 55).fetch();   // A again: reused, now the most recent
  (void)qs.filter("age__lt", 30).fetch();  // shape C: B leaves
  EXPECT_EQ(db.statement_cache().size, 2u);
  EXPECT_EQ(db.statement_cache().capacity, 2u);
  EXPECT_EQ(db.statement_cache().compiled, 3u);
  EXPECT_EQ(db.statement_cache().reused, 1u);
  (void)qs.filter("age", 25).fetch();  // A is still there
  EXPECT_EQ(db.statement_cache().reused, 2u);
  (void)qs.filter("name", "carol").count();  // B is compiled again
  EXPECT_EQ(db.statement_cache().compiled, 4u);
}

TEST_P(StatementCacheTest, CreateAllAndDropAllEmptyTheCache) {
  (void)authors().get("id", alice.id);
  ASSERT_GT(database->statement_cache().size, 0u);
  database->drop_all();
  EXPECT_EQ(database->statement_cache().size, 0u);
  database->create_all();
  EXPECT_EQ(database->statement_cache().size, 0u);
  EXPECT_TRUE(authors().filter("id", alice.id).fetch().empty());
  database->create(Author{.name = "Dora", .age = 33});
  EXPECT_EQ(authors().get("name", "Dora").age, 33);
}

TEST_P(StatementCacheTest, FailingStatementIsDropped) {
  auto profiles = database->objects<library::Profile>();
  EXPECT_EQ(profiles.filter("website", "alice.dev").count(), 1);
  const std::size_t held = database->statement_cache().size;
  database->execute(is_sqlite() ? "DROP TABLE lib_profile" : "DROP TABLE lib_profile CASCADE");
  EXPECT_THROW((void)profiles.filter("website", "alice.dev").count(), covet::ProgrammingError);
  EXPECT_EQ(database->statement_cache().size, held - 1);
  database->create_all();
  EXPECT_EQ(profiles.filter("website", "alice.dev").count(), 0);
}

TEST_P(StatementCacheTest, CacheHoldsNoValues) {
  // A value only a cached statement could remember: the next query of the
  // shape binds its own, and the log shows nothing else.
  (void)authors().filter("name", "secret-value-1").fetch();
  const auto log = statements(*database, [&] { (void)authors().filter("name", "Bob").fetch(); });
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].sql.find("secret"), std::string::npos);
  EXPECT_EQ(log[0].params, (std::vector<covet::Value>{covet::Value(std::string("Bob"))}));
}

TEST_P(StatementCacheTest, QueryLogSaysWhetherTheStatementWasPrepared) {
  const auto log = statements(*database, [&] {
    (void)authors().filter("age__gte", 41).order_by("name").fetch();
    (void)authors().filter("age__gte", 26).order_by("name").fetch();
  });
  ASSERT_EQ(log.size(), 2u);
  EXPECT_FALSE(log[0].reused);
  EXPECT_TRUE(log[1].reused);
}

COVET_INSTANTIATE_BACKENDS(StatementCacheTest);

}  // namespace
}  // namespace query_test

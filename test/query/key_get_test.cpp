// get() by primary key on an unrefined query set (QueryCore::get_by_key,
// runtime/query/key_get_cache.hpp) binds the key into the statement the
// first such get compiled: the same SQL, values, rows, errors and query log
// as the general path, the statement cache's counts and invalidation, and
// a refined query set keeps its conditions.
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Book;

class KeyGetTest : public LibraryTest {
 protected:
  covet::QuerySet<Author> authors() { return database->objects<Author>(); }

  template <class F>
  std::vector<covet::QueryLogEntry> statements(F fn) {
    covet::QueryCounter counter(*database);
    fn();
    return counter.entries();
  }
};

TEST_P(KeyGetTest, RunsTheGeneralPathsStatementWithTheKeyBound) {
  const std::int64_t id = alice.id.value();
  const auto general = statements([&] { EXPECT_EQ(authors().get(covet::Q("id", id)).name, "Alice"); });
  const auto by_key = statements([&] { EXPECT_EQ(authors().get("id", id).name, "Alice"); });
  const auto again = statements([&] { EXPECT_EQ(authors().get("id", bob.id.value()).name, "Bob"); });
  ASSERT_EQ(general.size(), 1u);
  ASSERT_EQ(by_key.size(), 1u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(by_key[0].sql, general[0].sql);
  EXPECT_EQ(by_key[0].params, general[0].params);
  EXPECT_EQ(again[0].sql, general[0].sql);
  EXPECT_EQ(again[0].params[0], covet::Value(bob.id.value()));
  EXPECT_TRUE(again[0].reused);
}

TEST_P(KeyGetTest, LoadsTheWholeObjectAsTheGeneralPathDoes) {
  const Author general = authors().get(covet::Q("id", zoe.id));
  const Author by_key = authors().get("pk", zoe.id);
  for (const covet::MemberInfo* m : covet::model_info<Author>().columns)
    EXPECT_EQ(m->get(&by_key), m->get(&general)) << m->name;
  // Bound like any loaded object: its reverse manager queries.
  EXPECT_EQ(by_key.books.count(), general.books.count());
}

TEST_P(KeyGetTest, PkAndTheKeysNameAndEveryIntegerTypeFindTheRow) {
  const std::int64_t id = bob.id.value();
  EXPECT_EQ(authors().get("pk", id).name, "Bob");
  EXPECT_EQ(authors().get("id", static_cast<int>(id)).name, "Bob");
  EXPECT_EQ(authors().get("id", static_cast<unsigned>(id)).name, "Bob");
  EXPECT_EQ(authors().get("id", static_cast<short>(id)).name, "Bob");
  EXPECT_EQ(authors().get("id", bob.id).name, "Bob");
}

TEST_P(KeyGetTest, AMissingKeyThrowsTheGeneralPathsDoesNotExist) {
  std::string general, by_key;
  try {
    authors().get(covet::Q("id", std::int64_t{987654}));
  } catch (const covet::DoesNotExist& e) {
    general = e.what();
  }
  for (int i = 0; i < 2; ++i) {  // compiling, then from the kept statement
    const auto log = statements([&] {
      try {
        authors().get("id", std::int64_t{987654});
        ADD_FAILURE() << "no author has that key";
      } catch (const covet::DoesNotExist& e) {
        by_key = e.what();
        EXPECT_EQ(e.model(), "Author");
      }
    });
    EXPECT_EQ(log.size(), 1u) << "one statement, not a second one for the message";
    EXPECT_EQ(by_key, general);
  }
  EXPECT_NE(general.find("987654"), std::string::npos) << general;
}

TEST_P(KeyGetTest, ARefinedQuerySetKeepsItsConditions) {
  // Bob is 55: a query set of authors under 40 has no Bob.
  EXPECT_THROW(authors().filter("age__lt", 40).get("id", bob.id.value()), covet::DoesNotExist);
  // A sliced one refuses a condition, as Django's does.
  EXPECT_THROW(authors().slice(5, 10).get("id", bob.id.value()), covet::UsageError);
  EXPECT_EQ(authors().filter("age__gt", 40).get("id", bob.id.value()).name, "Bob");
}

TEST_P(KeyGetTest, CountsAsAReuseOfTheCachedShape) {
  (void)authors().get("id", alice.id.value());
  const covet::StatementCacheStats before = database->statement_cache();
  (void)authors().get("id", bob.id.value());
  (void)authors().get("id", zoe.id.value());
  const covet::StatementCacheStats after = database->statement_cache();
  EXPECT_EQ(after.compiled, before.compiled);
  EXPECT_EQ(after.reused - before.reused, 2u);
}

TEST_P(KeyGetTest, CompilesAgainAfterDropAllAndCreateAll) {
  (void)authors().get("id", alice.id.value());
  database->drop_all();
  database->create_all();
  const Author a = database->create(Author{.name = "New", .age = 30});
  const covet::StatementCacheStats before = database->statement_cache();
  EXPECT_EQ(authors().get("id", a.id.value()).name, "New");
  EXPECT_EQ(database->statement_cache().compiled - before.compiled, 1u);
}

TEST_P(KeyGetTest, WorksWithTheStatementCacheOff) {
  covet::Database uncached = covet::connect(url, {.statement_cache_size = 0});
  if (is_sqlite()) {
    uncached.create_all();  // another in-memory database
    uncached.create(Author{.name = "Solo", .age = 1});
  }
  const std::int64_t id = uncached.objects<Author>().get("name", is_sqlite() ? "Solo" : "Alice").id.value();
  const covet::StatementCacheStats before = uncached.statement_cache();
  (void)uncached.objects<Author>().get("id", id);
  (void)uncached.objects<Author>().get("id", id);
  const covet::StatementCacheStats after = uncached.statement_cache();
  EXPECT_EQ(after.uncached - before.uncached, 2u);
  EXPECT_EQ(after.size, 0u);
}

TEST_P(KeyGetTest, AutoPrefetchStillLoadsTheObjectsRelationsOnFirstUse) {
  database->set_loading(covet::Loading::AutoPrefetch);
  const Author a = authors().get("id", alice.id.value());
  EXPECT_EQ(a.books.all().fetch().size(), 2u);  // Python Guide, Advanced Python
  database->set_loading(covet::Loading::Lazy);
}

COVET_INSTANTIATE_BACKENDS(KeyGetTest);

}  // namespace
}  // namespace query_test

// Resolved lookups are kept per thread (runtime/query/lookup_cache.hpp): a
// lookup resolves the same way every time, for the model it is used on, and
// one that failed fails again with the same error.
#include "query/library_fixture.hpp"

#include <string>
#include <thread>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Publisher;

class LookupCacheTest : public LibraryTest {};

TEST_P(LookupCacheTest, SameLookupResolvesForEachModel) {
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(database->objects<Author>().filter("name", "Bob").count(), 1);
    EXPECT_EQ(database->objects<Publisher>().filter("name", "Orbit").count(), 1);
    EXPECT_EQ(database->objects<Publisher>().filter("name", "Bob").count(), 0);
  }
}

TEST_P(LookupCacheTest, FailedLookupFailsAgainWithItsMessage) {
  for (int i = 0; i < 2; ++i) {
    try {
      (void)database->objects<Author>().filter("nmae", "Bob");
      ADD_FAILURE() << "an unknown field was accepted";
    } catch (const covet::FieldError& e) {
      EXPECT_NE(std::string(e.what()).find("nmae"), std::string::npos);
    }
  }
}

TEST_P(LookupCacheTest, EachThreadResolvesOnItsOwn) {
  // Another thread, its own Database: the same lookups, resolved there too.
  std::string found;
  std::thread other([&] {
    covet::Database db = covet::connect(url);
    db.create_all();  // SQLite: another in-memory database
    db.create(Author{.name = "Tess", .age = 61});
    found = db.objects<Author>().get("age__gt", 60).name;
  });
  other.join();
  EXPECT_EQ(found, "Tess");
  EXPECT_EQ(database->objects<Author>().filter("age__gt", 54).filter("name", "Bob").count(), 1);
}

COVET_INSTANTIATE_BACKENDS(LookupCacheTest);

}  // namespace
}  // namespace query_test

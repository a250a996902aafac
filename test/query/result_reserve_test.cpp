// fetch() reserves its result vector when the backend knows the result's
// size before the rows are read (PostgreSQL holds the whole result;
// Row::result_rows), so the objects are not moved while it grows; SQLite
// steps its statement and cannot say, and the vector grows as it must.
#include "query/library_fixture.hpp"

#include <vector>

namespace query_test {
namespace {

using library::Author;

class ResultReserveTest : public LibraryTest {};

TEST_P(ResultReserveTest, AKnownResultSizeIsReservedOnce) {
  database->create(Author{.name = "Fifth", .age = 50});
  const std::vector<Author> all = database->objects<Author>().fetch();
  ASSERT_EQ(all.size(), 5u);
  if (is_sqlite()) {
    EXPECT_GE(all.capacity(), all.size());
  } else {
    EXPECT_EQ(all.capacity(), 5u) << "reserved from the result's size, not grown 1, 2, 4, 8";
  }
}

TEST_P(ResultReserveTest, ASliceStillReservesNoMoreThanItsLength) {
  const std::vector<Author> two = database->objects<Author>().order_by("name").slice(0, 2).fetch();
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two.capacity(), 2u);
}

COVET_INSTANTIATE_BACKENDS(ResultReserveTest);

}  // namespace
}  // namespace query_test

// Bulk writes over several statements that fail at any statement write
// nothing: bulk_create and bulk_update with batch_size 2 over five objects
// (three statements inside one transaction).
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fault;

namespace {

class BulkFaultTest : public covet::test::FaultTest {
 protected:
  void seed() {
    house = database->create(Publisher{.name = "House"});
    books.clear();
    for (int i = 1; i <= 5; ++i)
      books.push_back(database->create(Book{.title = "Old " + std::to_string(i), .pages = i, .publisher = house}));
  }

  std::vector<Book> fresh_books() const {
    std::vector<Book> out;
    for (int i = 1; i <= 5; ++i) out.push_back(Book{.title = "New " + std::to_string(i), .pages = 10 * i, .publisher = house});
    return out;
  }

  Publisher house;
  std::vector<Book> books;
};

TEST_P(BulkFaultTest, BulkCreateOverSeveralBatchesWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->bulk_create(fresh_books(), 2); },
  });
}

TEST_P(BulkFaultTest, BulkCreateOfKeyedAndUnkeyedObjectsWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            std::vector<Book> mixed = fresh_books();
            mixed[1].id = covet::Id(1'000'001);
            mixed[3].id = covet::Id(1'000'002);
            database->bulk_create(std::move(mixed), 2);
          },
  });
}

TEST_P(BulkFaultTest, BulkUpdateOverSeveralBatchesWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            std::vector<Book> changed = books;
            for (Book& b : changed) {
              b.title += " (revised)";
              b.pages += 1;
            }
            database->bulk_update(changed, {"title", "pages"}, 2);
          },
  });
}

COVET_INSTANTIATE_BACKENDS(BulkFaultTest);

}  // namespace

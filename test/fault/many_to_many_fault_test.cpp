// Many-to-many writes that fail at any statement change no pair: set()
// (a read, deletes and inserts) and add(), each over several batches (a
// parameter limit of 3: two keys per DELETE, one pair per INSERT), so their
// inner savepoints are exercised too.
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fault;

namespace {

class ManyToManyFaultTest : public covet::test::FaultTest {
 protected:
  // The book is tagged t1..t5; a second book, tagged t1, must keep its pair.
  void seed() {
    const Publisher p = database->create(Publisher{.name = "House"});
    tags.clear();
    for (int i = 1; i <= 8; ++i) tags.push_back(database->create(Tag{.name = "t" + std::to_string(i)}));
    book = database->create(Book{.title = "Tagged", .publisher = p});
    book.tags.add(std::vector<Tag>(tags.begin(), tags.begin() + 5));
    Book other = database->create(Book{.title = "Other", .publisher = p});
    other.tags.add(tags[0]);
  }

  Book book;
  std::vector<Tag> tags;
};

TEST_P(ManyToManyFaultTest, SetWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { book.tags.set(std::vector<Tag>(tags.begin() + 4, tags.end())); },  // -t1..t4, +t6..t8
      .max_params = 3,
  });
}

TEST_P(ManyToManyFaultTest, AddOverSeveralStatementsWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { book.tags.add(tags[5], tags[6], tags[7]); },
      .max_params = 3,
  });
}

TEST_P(ManyToManyFaultTest, CreateThroughTheRelationWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { book.tags.create(Tag{.name = "fresh"}); },
  });
}

COVET_INSTANTIATE_BACKENDS(ManyToManyFaultTest);

}  // namespace

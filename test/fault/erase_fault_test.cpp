// Deletes that fail at any statement delete nothing: Database::erase and
// QuerySet::erase of publishers whose delete reaches a self-referential
// CASCADE (imprints), a collected CASCADE (books), a fast-delete CASCADE
// (chapters), SET_NULL (magazines) and many-to-many join rows (book tags),
// in batches of two keys (a parameter limit of 3).
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fault;

namespace {

class EraseFaultTest : public covet::test::FaultTest {
 protected:
  // House has two imprints; each of the three has books with tags and
  // chapters, and magazines; Other and its book must survive every delete.
  void seed() {
    house = database->create(Publisher{.name = "House"});
    const Publisher imprint_a = database->create(Publisher{.name = "Imprint A", .parent = house});
    const Publisher imprint_b = database->create(Publisher{.name = "Imprint B", .parent = house});
    const Publisher other = database->create(Publisher{.name = "Other"});
    std::vector<Tag> tags;
    for (const char* name : {"novel", "poetry", "essay"}) tags.push_back(database->create(Tag{.name = name}));
    int n = 0;
    for (const Publisher& p : {house, imprint_a, imprint_b, house, imprint_a, other}) {
      Book b = database->create(Book{.title = "Book " + std::to_string(++n), .pages = 100 * n, .publisher = p});
      b.tags.add(tags[static_cast<std::size_t>(n) % 3], tags[static_cast<std::size_t>(n + 1) % 3]);
      database->create(Chapter{.number = 1, .book = b});
      database->create(Chapter{.number = 2, .book = b});
    }
    for (const Publisher& p : {house, imprint_a, imprint_b, other})
      database->create(Magazine{.title = "Monthly of " + p.name, .publisher = p});
  }

  Publisher house;
};

TEST_P(EraseFaultTest, EraseOfAnObjectWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Publisher p = house;
            database->erase(p);
          },
      .max_params = 3,
  });
}

TEST_P(EraseFaultTest, EraseOfAnObjectKeepsItsKeyWhenAStatementFails) {
  seed();
  faults->arm({.statement = 4});
  Publisher p = house;
  EXPECT_THROW(database->erase(p), covet::OperationalError);
  faults->disarm();
  EXPECT_EQ(p.id, house.id);
}

TEST_P(EraseFaultTest, EraseOfAQuerySetWritesNothingWhenAnyStatementFails) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run = [&] { database->objects<Publisher>().filter("name__startswith", "Imprint").erase(); },
      .max_params = 3,
  });
}

COVET_INSTANTIATE_BACKENDS(EraseFaultTest);

}  // namespace

// A move that fails at any of its statements (the check, the UPDATE) leaves
// the tree as it was: move_to() and a save of an assigned parent, with every
// fault plan of support/fault_fixture.hpp.
#include "models/tree_al.hpp"
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

using namespace tree_al;

namespace {

class AlMoveFaultTest : public covet::test::FaultTest {
 protected:
  // Root > A > B > C, and Other: fresh rows each time.
  void seed() {
    database->execute("DELETE FROM \"tree_al_products\"");
    database->execute("DELETE FROM \"tree_al_categories\"");
    root = database->create(Category{.name = "Root"});
    a = database->create(Category{.name = "A", .parent = root});
    b = database->create(Category{.name = "B", .parent = a});
    c = database->create(Category{.name = "C", .parent = b});
    other = database->create(Category{.name = "Other"});
  }
  Category reload(const Category& n) { return database->objects<Category>().get("pk", n.id); }

  Category root, a, b, c, other;
};

TEST_P(AlMoveFaultTest, AFailedMoveToLeavesTheTreeAsItWas) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Category node = reload(a);
            node.move_to(other);
          },
  });
}

TEST_P(AlMoveFaultTest, AFailedSaveOfANewParentLeavesTheTreeAsItWas) {
  expect_all_or_nothing({
      .seed = [&] { seed(); },
      .run =
          [&] {
            Category node = reload(b);
            node.parent = covet::Ref<Category>(other);
            database->save(node);
          },
  });
}

TEST_P(AlMoveFaultTest, AFailedMoveKeepsTheObjectsParent) {
  seed();
  Category node = reload(a);
  faults->arm({.statement = 2});
  EXPECT_THROW(node.move_to(other), covet::OperationalError);
  faults->disarm();
  ASSERT_TRUE(node.parent);
  EXPECT_EQ(node.parent->id(), root.id.value());
  EXPECT_EQ(reload(c).get_root().name, "Root");
}

COVET_INSTANTIATE_BACKENDS(AlMoveFaultTest);

}  // namespace

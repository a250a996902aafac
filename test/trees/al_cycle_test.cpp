// Parent links that loop, written by hand: every recursive read ends and
// raises TreeCycle naming the repeated node; count() and exists() too.
#include "trees/al_fixture.hpp"

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlCycleTest : public AlTreeTest {
 protected:
  // Electronics -> ... -> Limited, then Electronics' parent set to Ultra:
  // Electronics, Computers, Laptops, Gaming, Ultra loop.
  void close_loop() {
    build_forest();
    link_by_hand(electronics, ultra);
  }

  // The key TreeCycle names when fn() raises it; 0 when it does not.
  template <class F>
  static std::int64_t cycle_node(F fn) {
    try {
      fn();
    } catch (const covet::TreeCycle& e) {
      return e.node().as_integer();
    }
    return 0;
  }
};

TEST_P(AlCycleTest, DescendantsOfANodeOnALoopRaiseTreeCycleNamingIt) {
  close_loop();
  EXPECT_EQ(cycle_node([&] { (void)electronics.get_descendants().fetch(); }), electronics.id.value());
}

TEST_P(AlCycleTest, AncestorsAboveALoopRaiseTreeCycle) {
  close_loop();
  // Limited hangs below the loop: the walk up enters it at Ultra.
  EXPECT_EQ(cycle_node([&] { (void)limited.get_ancestors().fetch(); }), ultra.id.value());
}

TEST_P(AlCycleTest, TheErrorSaysWhatToDo) {
  close_loop();
  try {
    (void)electronics.get_descendants().fetch();
    FAIL() << "no TreeCycle";
  } catch (const covet::TreeCycle& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("Category"), std::string::npos) << what;
    EXPECT_NE(what.find("cycle"), std::string::npos) << what;
    EXPECT_NE(what.find("update"), std::string::npos) << what;
    EXPECT_EQ(e.model(), "Category");
  }
}

TEST_P(AlCycleTest, CountAndExistsRaiseToo) {
  close_loop();
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().count(); }), 0);
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().exists(); }), 0);
  // Even when the filter leaves no row, the loop is still reported.
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().filter("name", "none").exists(); }), 0);
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().filter("name", "none").count(); }), 0);
}

TEST_P(AlCycleTest, DepthAndRootRaiseInsteadOfLooping) {
  close_loop();
  const Category node = reload(laptops);
  EXPECT_THROW((void)node.get_depth(), covet::TreeCycle);
  EXPECT_THROW((void)node.get_root(), covet::TreeCycle);
  EXPECT_THROW((void)node.get_subtree(), covet::TreeCycle);
}

TEST_P(AlCycleTest, ANodeThatIsItsOwnParentIsACycle) {
  build_forest();
  link_by_hand(garden, garden);
  const Category node = reload(garden);
  EXPECT_EQ(cycle_node([&] { (void)node.get_ancestors().fetch(); }), garden.id.value());
  EXPECT_EQ(cycle_node([&] { (void)node.get_descendants().fetch(); }), garden.id.value());
}

TEST_P(AlCycleTest, AFilteredOrSlicedReadStillRaises) {
  close_loop();
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().filter("name", "none").fetch(); }), 0);
  EXPECT_NE(cycle_node([&] { (void)electronics.get_descendants().order_by("name").limit(1).fetch(); }), 0);
}

TEST_P(AlCycleTest, ErasingALoopingWalkRaisesAndDeletesNothing) {
  close_loop();
  const auto before = database->objects<Category>().count();
  EXPECT_THROW((void)electronics.get_descendants().erase(), covet::TreeCycle);
  EXPECT_EQ(database->objects<Category>().count(), before);
}

TEST_P(AlCycleTest, TreesAwayFromTheLoopStillRead) {
  close_loop();
  EXPECT_EQ(names(books.get_descendants()), (Names{"Novels"}));
  EXPECT_EQ(novels.get_depth(), 1);
}

TEST_P(AlCycleTest, AMoveIntoALoopIsRefusedWithTreeCycle) {
  close_loop();
  Category node = reload(garden);
  EXPECT_THROW(node.move_to(reload(gaming)), covet::TreeCycle);
  EXPECT_TRUE(reload(garden).is_root());
}

COVET_INSTANTIATE_BACKENDS(AlCycleTest);

}  // namespace

// get_subtree(): a whole subtree in one query, assembled so that walking it
// runs no statement (strict loading would throw on any lazy read).
#include "trees/al_fixture.hpp"

#include <functional>

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlSubtreeTest : public AlTreeTest {
 protected:
  // "name(child, child(...))" through get_children().
  static std::string shape(const Category& node) {
    std::string out = node.name;
    const auto children = node.get_children();
    if (!children.exists()) return out;
    out += "(";
    bool first = true;
    for (const Category& child : children) {
      out += (first ? "" : ", ") + shape(child);
      first = false;
    }
    return out + ")";
  }
};

TEST_P(AlSubtreeTest, TheSubtreeLoadsInOneQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { (void)electronics.get_subtree(); });
}

TEST_P(AlSubtreeTest, WalkingTheLoadedSubtreeRunsNoStatementEvenInStrictMode) {
  build_forest();
  const Category tree = electronics.get_subtree();
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  std::string walked;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { walked = shape(tree); });
  EXPECT_EQ(walked, "Electronics(Computers(Laptops(Gaming(Ultra(Limited))), Desktops), Phones)");
}

TEST_P(AlSubtreeTest, TheDeclaredChildrenMemberIsFilledToo) {
  build_forest();
  const Category tree = computers.get_subtree();
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(tree.children.all()), (Names{"Laptops", "Desktops"}));
    const Category laptops_node = tree.children.all().fetch().front();
    EXPECT_EQ(names(laptops_node.children.all()), (Names{"Gaming"}));
    EXPECT_TRUE(tree.children.all().fetch().back().is_leaf());
  });
}

TEST_P(AlSubtreeTest, StrictLoadingRefusesChildrenThatWereNotLoaded) {
  build_forest();
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  EXPECT_THROW(computers.get_children(), covet::UsageError);
}

TEST_P(AlSubtreeTest, ALeafsSubtreeIsTheLeafAlone) {
  build_forest();
  const Category leaf = limited.get_subtree();
  EXPECT_EQ(leaf.name, "Limited");
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_TRUE(leaf.is_leaf());
    EXPECT_TRUE(leaf.get_children().fetch().empty());
  });
}

TEST_P(AlSubtreeTest, AWideAndDeepSubtreeIsAssembledInPreOrder) {
  Category top = add("top");
  std::vector<Category> chain{top};
  for (int i = 1; i <= 30; ++i) chain.push_back(add("deep " + std::to_string(i), chain.back()));
  for (int i = 0; i < 40; ++i) add("wide " + std::to_string(i), top);
  const Category tree = top.get_subtree();
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(tree.get_children().count(), 41);
    int depth = 0;
    Category at = tree;
    while (!at.is_leaf()) {
      at = at.get_children().fetch().front();
      ++depth;
    }
    EXPECT_EQ(depth, 30);
    EXPECT_EQ(at.name, "deep 30");
  });
}

TEST_P(AlSubtreeTest, TheSubtreeOfADeletedNodeDoesNotExist) {
  build_forest();
  Category gone = garden;
  database->erase(gone);
  EXPECT_THROW(garden.get_subtree(), covet::DoesNotExist);
}

COVET_INSTANTIATE_BACKENDS(AlSubtreeTest);

}  // namespace

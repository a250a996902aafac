// The one-level reads of covet::TreeNode: parent, children, siblings, depth,
// root, is_root, is_leaf and the model's root nodes, with their statement
// counts.
#include "trees/al_fixture.hpp"

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlNodeReadsTest : public AlTreeTest {};

TEST_P(AlNodeReadsTest, GetParentIsOneQuery) {
  build_forest();
  Category node = reload(laptops);
  std::optional<Category> parent;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { parent = node.get_parent(); });
  ASSERT_TRUE(parent);
  EXPECT_EQ(parent->name, "Computers");
}

TEST_P(AlNodeReadsTest, GetParentOfARootRunsNoQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_FALSE(electronics.get_parent()); });
}

TEST_P(AlNodeReadsTest, GetParentAfterSelectRelatedRunsNoQuery) {
  build_forest();
  Category node = database->objects<Category>().select_related("parent").get("pk", ultra.id);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(node.get_parent()->name, "Gaming"); });
}

TEST_P(AlNodeReadsTest, GetChildrenAreTheDirectChildrenInKeyOrder) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { got = names(computers.get_children()); });
  EXPECT_EQ(got, (Names{"Laptops", "Desktops"}));
  EXPECT_TRUE(limited.get_children().fetch().empty());
}

TEST_P(AlNodeReadsTest, SiblingsExcludeTheNodeUnlessAsked) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(names(laptops.get_siblings()), (Names{"Desktops"})); });
  EXPECT_EQ(names(laptops.get_siblings(true)), (Names{"Laptops", "Desktops"}));
  EXPECT_TRUE(limited.get_siblings().fetch().empty());
}

TEST_P(AlNodeReadsTest, TheSiblingsOfARootAreTheOtherRoots) {
  build_forest();
  EXPECT_EQ(names(books.get_siblings()), (Names{"Electronics", "Garden"}));
  EXPECT_EQ(names(books.get_siblings(true)), (Names{"Electronics", "Books", "Garden"}));
}

TEST_P(AlNodeReadsTest, DepthCountsTheAncestorsInOneQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(limited.get_depth(), 5); });
  EXPECT_EQ(electronics.get_depth(), 0);
  EXPECT_EQ(laptops.get_depth(), 2);
  EXPECT_EQ(novels.get_depth(), 1);
}

TEST_P(AlNodeReadsTest, GetRootIsOneQuery) {
  build_forest();
  std::optional<Category> root;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { root = limited.get_root(); });
  ASSERT_TRUE(root);
  EXPECT_EQ(root->name, "Electronics");
  EXPECT_EQ(novels.get_root().name, "Books");
}

TEST_P(AlNodeReadsTest, TheRootOfARootIsItselfWithoutAQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(garden.get_root().id, garden.id); });
}

TEST_P(AlNodeReadsTest, IsRootRunsNoQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_TRUE(electronics.is_root());
    EXPECT_FALSE(laptops.is_root());
  });
}

TEST_P(AlNodeReadsTest, IsLeafIsOneQuery) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(limited.is_leaf()); });
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_FALSE(laptops.is_leaf()); });
}

TEST_P(AlNodeReadsTest, RootNodesAreEveryTreesRootInKeyOrder) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { got = names(Category::get_root_nodes(*database)); });
  EXPECT_EQ(got, (Names{"Electronics", "Books", "Garden"}));
}

TEST_P(AlNodeReadsTest, ASingleNodeIsRootAndLeafAtDepthZero) {
  Category alone = add("Alone");
  EXPECT_TRUE(alone.is_root());
  EXPECT_TRUE(alone.is_leaf());
  EXPECT_EQ(alone.get_depth(), 0);
  EXPECT_EQ(alone.get_root().id, alone.id);
  EXPECT_TRUE(alone.get_children().fetch().empty());
  EXPECT_TRUE(alone.get_siblings().fetch().empty());
  EXPECT_EQ(names(Category::get_root_nodes(*database)), (Names{"Alone"}));
}

TEST_P(AlNodeReadsTest, ATreeWithTheDefaultReverseNameWorksToo) {
  Folder root = database->create(Folder{.name = "/"});
  Folder etc = database->create(Folder{.name = "etc", .parent = root});
  Folder conf = database->create(Folder{.name = "conf.d", .parent = etc});
  EXPECT_EQ(conf.get_depth(), 2);
  EXPECT_EQ(names(root.get_descendants()), (Names{"etc", "conf.d"}));
  EXPECT_EQ(names(etc.get_children()), (Names{"conf.d"}));
  EXPECT_EQ(conf.get_root().name, "/");
}

COVET_INSTANTIATE_BACKENDS(AlNodeReadsTest);

}  // namespace

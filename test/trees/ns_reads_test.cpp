// NestedSetNode reads: each of ancestors, descendants, children, parent,
// siblings, root and the root nodes is one query, whatever the tree's size;
// depth, leafness, descendant counts and descent need none.
#include "trees/ns_fixture.hpp"

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsReadsTest : public NsTest {};

TEST_P(NsReadsTest, AncestorsAreNearestFirstByDefault) {
  shop();
  Category carbon = node("Carbon");
  std::vector<std::string> got;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { got = names(carbon.get_ancestors()); });
  EXPECT_EQ(got, (std::vector<std::string>{"Ultralight", "Portable", "Gaming", "Laptops", "Computers", "Electronics"}));
}

TEST_P(NsReadsTest, AncestorsRootFirstOnRequest) {
  shop();
  EXPECT_EQ(names(node("Gaming").get_ancestors(covet::TreeOrder::RootFirst)),
            (std::vector<std::string>{"Electronics", "Computers", "Laptops"}));
}

TEST_P(NsReadsTest, RootHasNoAncestors) {
  shop();
  EXPECT_TRUE(names(node("Books").get_ancestors()).empty());
}

TEST_P(NsReadsTest, DescendantsArePreOrderWithoutSelf) {
  shop();
  Category electronics = node("Electronics");
  std::vector<std::string> got;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { got = names(electronics.get_descendants()); });
  EXPECT_EQ(got, (std::vector<std::string>{"Computers", "Laptops", "Gaming", "Portable", "Ultralight", "Carbon",
                                           "Desktops", "Phones"}));
}

TEST_P(NsReadsTest, DescendantsStayInTheirTree) {
  shop();
  EXPECT_EQ(names(node("Books").get_descendants()), (std::vector<std::string>{"Novels"}));
}

TEST_P(NsReadsTest, DescendantsComposeWithFilterAndCount) {
  shop();
  Category computers = node("Computers");
  std::int64_t n = 0;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { n = computers.get_descendants().filter("level__gte", 4).count(); });
  EXPECT_EQ(n, 3);  // Portable, Ultralight, Carbon
}

TEST_P(NsReadsTest, ChildrenInTreeOrder) {
  shop();
  Category electronics = node("Electronics");
  std::vector<std::string> got;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { got = names(electronics.get_children()); });
  EXPECT_EQ(got, (std::vector<std::string>{"Computers", "Phones"}));
}

TEST_P(NsReadsTest, ParentIsOneQueryAndNoneForARoot) {
  shop();
  Category laptops = node("Laptops");
  std::optional<Category> parent;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { parent = laptops.get_parent(); });
  ASSERT_TRUE(parent.has_value());
  EXPECT_EQ(parent->name, "Computers");
  Category books = node("Books");
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] { parent = books.get_parent(); });
  EXPECT_FALSE(parent.has_value());
}

TEST_P(NsReadsTest, SiblingsExcludeSelfUnlessAsked) {
  shop();
  Category desktops = node("Desktops");
  std::vector<std::string> got;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { got = names(desktops.get_siblings()); });
  EXPECT_EQ(got, (std::vector<std::string>{"Laptops"}));
  EXPECT_EQ(names(desktops.get_siblings(true)), (std::vector<std::string>{"Laptops", "Desktops"}));
}

TEST_P(NsReadsTest, SiblingsOfARootAreTheOtherRoots) {
  shop();
  EXPECT_EQ(names(node("Books").get_siblings()), (std::vector<std::string>{"Electronics"}));
}

TEST_P(NsReadsTest, RootIsOneQuery) {
  shop();
  Category carbon = node("Carbon");
  std::optional<Category> top;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { top = carbon.get_root(); });
  EXPECT_EQ(top->name, "Electronics");
  EXPECT_EQ(node("Novels").get_root().name, "Books");
}

TEST_P(NsReadsTest, RootNodesInTreeOrder) {
  shop();
  std::vector<std::string> got;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { got = names(Category::get_root_nodes(db())); });
  EXPECT_EQ(got, (std::vector<std::string>{"Electronics", "Books"}));
}

TEST_P(NsReadsTest, EmptyTableHasNoRoots) {
  EXPECT_TRUE(names(Category::get_root_nodes(db())).empty());
  EXPECT_TRUE(Category::check(db()).ok());
}

TEST_P(NsReadsTest, SingleNodeIsRootAndLeaf) {
  Category only = root("Only");
  EXPECT_TRUE(only.is_root());
  EXPECT_TRUE(only.is_leaf());
  EXPECT_EQ(only.get_depth(), 0);
  EXPECT_EQ(only.descendant_count(), 0);
  EXPECT_TRUE(names(only.get_descendants()).empty());
  EXPECT_TRUE(names(only.get_siblings()).empty());
  EXPECT_EQ(only.get_root().name, "Only");
}

TEST_P(NsReadsTest, DepthLeafCountAndDescentRunNoQuery) {
  shop();
  Category electronics = node("Electronics");
  Category carbon = node("Carbon");
  Category books = node("Books");
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(carbon.get_depth(), 6);
    EXPECT_EQ(electronics.get_depth(), 0);
    EXPECT_TRUE(carbon.is_leaf());
    EXPECT_FALSE(electronics.is_leaf());
    EXPECT_TRUE(electronics.is_root());
    EXPECT_FALSE(carbon.is_root());
    EXPECT_EQ(electronics.descendant_count(), 8);
    EXPECT_TRUE(carbon.is_descendant_of(electronics));
    EXPECT_FALSE(electronics.is_descendant_of(carbon));
    EXPECT_FALSE(carbon.is_descendant_of(carbon));
    EXPECT_FALSE(carbon.is_descendant_of(books));
  });
}

TEST_P(NsReadsTest, ReadsAreOneQueryOnALargeForest) {
  large();
  Category mid = node("r1.3");
  Category leaf = node("r1.3.2.6");
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(mid.get_descendants().fetch().size(), 56u); });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(names(leaf.get_ancestors()), (std::vector<std::string>{"r1.3.2", "r1.3", "r1"})); });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(mid.get_children().count(), 7); });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(mid.get_siblings().count(), 6); });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(leaf.get_root().name, "r1"); });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(Category::get_root_nodes(db()).count(), 3); });
  EXPECT_EQ(mid.descendant_count(), 56);
}

TEST_P(NsReadsTest, WideTreeChildrenAndDeepTreeAncestors) {
  wide(40);
  EXPECT_EQ(node("Top").get_children().count(), 40);
  EXPECT_EQ(node("w39").get_siblings().count(), 39);
  deep(30);
  EXPECT_EQ(node("d29").get_ancestors().count(), 29);
  EXPECT_EQ(node("d29").get_depth(), 29);
  EXPECT_EQ(names(node("d0").get_descendants()).size(), 29u);
}

TEST_P(NsReadsTest, UnboundNodeSaysHowToBindIt) {
  Category loose{.name = "loose"};
  EXPECT_THROW((void)loose.get_children(), covet::UsageError);
}

COVET_INSTANTIATE_BACKENDS(NsReadsTest);

}  // namespace

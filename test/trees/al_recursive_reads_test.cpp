// get_ancestors() and get_descendants(): one WITH RECURSIVE statement each,
// anchored at the node, in the tree's order, on both backends.
#include "trees/al_fixture.hpp"

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlRecursiveReadsTest : public AlTreeTest {};

TEST_P(AlRecursiveReadsTest, AncestorsAreNearestFirstByDefault) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { got = names(limited.get_ancestors()); });
  EXPECT_EQ(got, (Names{"Ultra", "Gaming", "Laptops", "Computers", "Electronics"}));
}

TEST_P(AlRecursiveReadsTest, AncestorsRootFirstOnRequest) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1,
                           [&] { got = names(limited.get_ancestors(covet::TreeOrder::RootFirst)); });
  EXPECT_EQ(got, (Names{"Electronics", "Computers", "Laptops", "Gaming", "Ultra"}));
}

TEST_P(AlRecursiveReadsTest, TheGuidesLaptopsHaveComputersThenElectronicsAsAncestors) {
  build_forest();
  EXPECT_EQ(names(laptops.get_ancestors()), (Names{"Computers", "Electronics"}));
}

TEST_P(AlRecursiveReadsTest, ARootHasNoAncestors) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(garden.get_ancestors().fetch().empty()); });
}

TEST_P(AlRecursiveReadsTest, DescendantsArePreOrderWithoutTheNode) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { got = names(electronics.get_descendants()); });
  EXPECT_EQ(got, (Names{"Computers", "Laptops", "Gaming", "Ultra", "Limited", "Desktops", "Phones"}));
}

TEST_P(AlRecursiveReadsTest, DescendantsStayInsideTheNodesTreeOfTheForest) {
  build_forest();
  EXPECT_EQ(names(books.get_descendants()), (Names{"Novels"}));
  EXPECT_EQ(names(computers.get_descendants()), (Names{"Laptops", "Gaming", "Ultra", "Limited", "Desktops"}));
}

TEST_P(AlRecursiveReadsTest, TheWalkIsAnchoredAtTheNodeNotAtEveryRoot) {
  build_forest();
  const std::string sql = laptops.get_descendants().to_sql();
  EXPECT_NE(sql.find("WITH RECURSIVE"), std::string::npos) << sql;
  // The anchor is the node's key (bound), not "parent IS NULL".
  EXPECT_EQ(sql.find("IS NULL"), std::string::npos) << sql;
}

TEST_P(AlRecursiveReadsTest, ALeafAndASingleNodeHaveNoDescendants) {
  Category alone = add("Alone");
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(alone.get_descendants().fetch().empty()); });
  EXPECT_TRUE(alone.get_ancestors().fetch().empty());
}

TEST_P(AlRecursiveReadsTest, ADeepChainIsWalkedInOneStatement) {
  std::vector<Category> chain{add("level 0")};
  for (int i = 1; i < 60; ++i) chain.push_back(add("level " + std::to_string(i), chain.back()));
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(chain.back().get_ancestors().count(), 59); });
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    const auto below = chain.front().get_descendants().fetch();
    ASSERT_EQ(below.size(), 59u);
    EXPECT_EQ(below.back().name, "level 59");
  });
}

TEST_P(AlRecursiveReadsTest, AWideTreeIsWalkedInOneStatementInKeyOrder) {
  Category top = add("top");
  Names expected;
  for (int i = 0; i < 150; ++i) {
    Category child = add("child " + std::to_string(i), top);
    expected.push_back(child.name);
    if (i % 50 == 0) {
      expected.push_back(add("grandchild " + std::to_string(i), child).name);
    }
  }
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { got = names(top.get_descendants()); });
  EXPECT_EQ(got, expected);
}

TEST_P(AlRecursiveReadsTest, DescendantsComposeWithFilter) {
  build_forest();
  EXPECT_EQ(names(electronics.get_descendants().filter("name__startswith", "L")), (Names{"Laptops", "Limited"}));
  EXPECT_EQ(names(limited.get_ancestors().exclude("name", "Gaming")),
            (Names{"Ultra", "Laptops", "Computers", "Electronics"}));
}

TEST_P(AlRecursiveReadsTest, AnOrderByReplacesTheTreeOrder) {
  build_forest();
  EXPECT_EQ(names(computers.get_descendants().order_by("name")),
            (Names{"Desktops", "Gaming", "Laptops", "Limited", "Ultra"}));
}

TEST_P(AlRecursiveReadsTest, CountAndExistsAreOneStatementEach) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(electronics.get_descendants().count(), 7); });
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(electronics.get_descendants().exists()); });
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_FALSE(phones.get_descendants().exists()); });
  EXPECT_EQ(electronics.get_descendants().filter("name", "Phones").count(), 1);
  EXPECT_FALSE(electronics.get_descendants().filter("name", "Novels").exists());
}

TEST_P(AlRecursiveReadsTest, SlicesKeepTheTreeOrder) {
  build_forest();
  EXPECT_EQ(names(electronics.get_descendants().slice(1, 3)), (Names{"Laptops", "Gaming"}));
  EXPECT_EQ(electronics.get_descendants().slice(1, 3).count(), 2);
  ASSERT_TRUE(limited.get_ancestors().first());
  EXPECT_EQ(limited.get_ancestors().first()->name, "Ultra");
}

TEST_P(AlRecursiveReadsTest, LastIsTheWalksLastNode) {
  build_forest();
  // As Django's last() reverses the ordering: the walk's own order here.
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(limited.get_ancestors().last()->name, "Electronics"); });
  EXPECT_EQ(limited.get_ancestors(covet::TreeOrder::RootFirst).last()->name, "Ultra");
  EXPECT_EQ(computers.get_descendants().last()->name, "Desktops");
  EXPECT_EQ(computers.get_descendants().order_by("name").last()->name, "Ultra");
  EXPECT_FALSE(phones.get_descendants().last().has_value());
}

TEST_P(AlRecursiveReadsTest, OnlyLoadsTheNamedFields) {
  build_forest();
  Names got;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    for (const auto& p : computers.get_descendants().only("name")) got.push_back(p->name);
  });
  EXPECT_EQ(got, (Names{"Laptops", "Gaming", "Ultra", "Limited", "Desktops"}));
  const std::string sql = computers.get_descendants().only("name").to_sql();
  EXPECT_EQ(sql.find("\"parent_id\" FROM"), std::string::npos) << sql;
}

TEST_P(AlRecursiveReadsTest, SelectRelatedLoadsEachParentInTheSameStatement) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    covet::LoadingScope strict(*database, covet::Loading::Strict);
    Names parents;
    for (const Category& c : laptops.get_descendants().select_related("parent")) parents.push_back(c.parent->get().name);
    EXPECT_EQ(parents, (Names{"Laptops", "Gaming", "Ultra"}));
  });
}

TEST_P(AlRecursiveReadsTest, PrefetchRelatedLoadsTheProductsOfEveryDescendantInOneMoreQuery) {
  build_forest();
  database->create(Product{.name = "X1", .category = gaming});
  database->create(Product{.name = "P9", .category = phones});
  database->create(Product{.name = "N1", .category = novels});
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    covet::LoadingScope strict(*database, covet::Loading::Strict);
    Names products;
    for (const Category& c : electronics.get_descendants().prefetch_related("products"))
      for (const Product& p : c.products.all()) products.push_back(p.name);
    EXPECT_EQ(products, (Names{"X1", "P9"}));
  });
}

TEST_P(AlRecursiveReadsTest, AnEmptyTreeHasNoRootNodes) {
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(Category::get_root_nodes(*database).fetch().empty()); });
}

TEST_P(AlRecursiveReadsTest, UnboundNodesRefuseToWalk) {
  const Category loose{.name = "loose"};
  EXPECT_THROW(loose.get_descendants(), covet::UsageError);
  EXPECT_THROW(loose.get_ancestors(), covet::UsageError);
}

COVET_INSTANTIATE_BACKENDS(AlRecursiveReadsTest);

}  // namespace

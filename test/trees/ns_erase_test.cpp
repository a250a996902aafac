// db.erase of a nested-set node: the whole subtree goes (and what other
// models' relations cascade to), the gap closes, in a constant number of
// statements.
#include "trees/ns_fixture.hpp"

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsEraseTest : public NsTest {};

TEST_P(NsEraseTest, EraseRemovesTheWholeSubtree) {
  shop();
  Category laptops = node("Laptops");
  covet::DeleteResult result = db().erase(laptops);
  EXPECT_EQ(result.count("Category"), 5);
  EXPECT_EQ(names(node("Electronics").get_descendants()), (std::vector<std::string>{"Computers", "Desktops", "Phones"}));
  EXPECT_EQ(db().objects<Category>().count(), 6);
  expect_valid();
}

TEST_P(NsEraseTest, EraseClosesTheGap) {
  shop();
  Category gaming = node("Gaming");
  db().erase(gaming);
  EXPECT_EQ(node("Electronics").rgt, 2 * 5);
  EXPECT_EQ(node("Phones").rgt, 9);
  expect_valid();
}

TEST_P(NsEraseTest, EraseCascadesToOtherModels) {
  shop();
  db().create(Item{.name = "mouse", .category = node("Carbon")});
  db().create(Item{.name = "book", .category = node("Novels")});
  Category computers = node("Computers");
  covet::DeleteResult result = db().erase(computers);
  EXPECT_EQ(result.count("Item"), 1);
  EXPECT_EQ(db().objects<Item>().count(), 1);
}

TEST_P(NsEraseTest, EraseARootRemovesItsTreeOnly) {
  shop();
  Category electronics = node("Electronics");
  db().erase(electronics);
  EXPECT_EQ(names(db().objects<Category>().order_by("lft")), (std::vector<std::string>{"Books", "Novels"}));
  expect_valid();
}

TEST_P(NsEraseTest, EraseOfASetNullTreeStillTakesTheSubtree) {
  Place earth = Place::add_root(db(), Place{.name = "Earth"});
  Place europe = earth.add_child(Place{.name = "Europe"});
  europe.add_child(Place{.name = "France"});
  earth.add_child(Place{.name = "Asia"});
  db().erase(europe);
  std::vector<std::string> left;
  for (const Place& p : db().objects<Place>().order_by("lft").all()) left.push_back(p.name);
  EXPECT_EQ(left, (std::vector<std::string>{"Earth", "Asia"}));
  EXPECT_TRUE(Place::check(db()).ok()) << Place::check(db()).to_string();
}

TEST_P(NsEraseTest, QuerySetEraseTakesEachSubtree) {
  shop();
  db().objects<Category>().filter("name__in", {"Gaming", "Phones", "Carbon"}).erase();
  EXPECT_EQ(names(db().objects<Category>().order_by("tree_id", "lft")),
            (std::vector<std::string>{"Electronics", "Computers", "Laptops", "Desktops", "Books", "Novels"}));
  expect_valid();
}

TEST_P(NsEraseTest, EraseStatementsDoNotGrowWithTheSubtree) {
  shop();
  Category gaming = node("Gaming");  // 4 nodes
  const std::size_t on_small = statements([&] { db().erase(gaming); });
  db().objects<Category>().erase();
  large();
  Category big = node("r1.3");  // 57 nodes
  const std::size_t on_large = statements([&] { db().erase(big); });
  EXPECT_EQ(on_large, on_small);
  expect_valid();
}

COVET_INSTANTIATE_BACKENDS(NsEraseTest);

}  // namespace

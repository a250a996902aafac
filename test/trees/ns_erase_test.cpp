// db.erase of a nested-set node: the whole subtree goes (and what other
// models' relations cascade to), the gap closes, in a constant number of
// statements.
#include "models/tree_ns_alone.hpp"
#include "trees/ns_fixture.hpp"

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsEraseTest : public NsTest {
 protected:
  // a (a1 (a11, a12), a2), b (b1): Sections, which nothing else refers to.
  void sections() {
    Section a = Section::add_root(db(), Section{.name = "a"});
    Section a1 = a.add_child(Section{.name = "a1"});
    a1.add_child(Section{.name = "a11"});
    a1.add_child(Section{.name = "a12"});
    a.add_child(Section{.name = "a2"});
    Section b = Section::add_root(db(), Section{.name = "b"});
    b.add_child(Section{.name = "b1"});
  }
  Section section(const std::string& name) { return db().objects<Section>().get("name", name); }
  std::vector<std::string> section_layout() {
    std::vector<std::string> out;
    for (const Section& s : db().objects<Section>().order_by("tree_id", "lft").all())
      out.push_back(s.name + " " + std::to_string(s.lft) + " " + std::to_string(s.rgt) + " " +
                    std::to_string(s.level));
    return out;
  }
};

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

TEST_P(NsEraseTest, EraseOfATreeNothingElseRefersToIsADeleteAndAnUpdate) {
  sections();
  Section a1 = section("a1");
  // SQLite: DELETE of the range RETURNING its rows, UPDATE closing the gap.
  // PostgreSQL: the lock, then WITH (node row, DELETE, UPDATE) in one.
  covet::DeleteResult result;
  EXPECT_EQ(verbs([&] { result = db().erase(a1); }),
            on({"BEGIN", "DELETE", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(result.count("Section"), 3);
  EXPECT_EQ(result.total, 3);
  EXPECT_EQ(section_layout(), (std::vector<std::string>{"a 1 4 0", "a2 2 3 1", "b 1 4 0", "b1 2 3 1"}));
  EXPECT_TRUE(Section::check(db()).ok()) << Section::check(db()).to_string();
}

TEST_P(NsEraseTest, EraseOfARootNothingElseRefersToLeavesNoGapToClose) {
  sections();
  Section a = section("a");
  covet::DeleteResult result;
  EXPECT_EQ(verbs([&] { result = db().erase(a); }),
            on({"BEGIN", "DELETE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(result.count("Section"), 5);
  EXPECT_EQ(section_layout(), (std::vector<std::string>{"b 1 4 0", "b1 2 3 1"}));
}

TEST_P(NsEraseTest, EraseOfADeletedNodeNothingElseRefersToDeletesNothing) {
  sections();
  Section a1 = section("a1");
  Section a11 = section("a11");
  db().erase(a1);
  EXPECT_EQ(db().erase(a11).total, 0);
  EXPECT_EQ(db().objects<Section>().count(), 4);
}

TEST_P(NsEraseTest, QuerySetEraseNothingElseRefersToTakesEachSubtreeOnce) {
  sections();
  covet::DeleteResult result = db().objects<Section>().filter("name__in", {"a1", "a11", "b1"}).erase();
  EXPECT_EQ(result.count("Section"), 4);
  EXPECT_EQ(section_layout(), (std::vector<std::string>{"a 1 4 0", "a2 2 3 1", "b 1 2 0"}));
  EXPECT_TRUE(Section::check(db()).ok()) << Section::check(db()).to_string();
}

TEST_P(NsEraseTest, EraseOfASetNullTreeIsADeleteAndAnUpdate) {
  Place earth = Place::add_root(db(), Place{.name = "Earth"});
  Place europe = earth.add_child(Place{.name = "Europe"});
  europe.add_child(Place{.name = "France"});
  EXPECT_EQ(verbs([&] { db().erase(europe); }),
            on({"BEGIN", "DELETE", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(db().objects<Place>().count(), 1);
  EXPECT_TRUE(Place::check(db()).ok()) << Place::check(db()).to_string();
}

TEST_P(NsEraseTest, EraseWhereOtherModelsReferReadsTheSubtreeOnce) {
  shop();
  db().create(Item{.name = "mouse", .category = node("Carbon")});
  Category laptops = node("Laptops");
  // One range query (the subtree's keys and the node's bounds; the
  // collector does not look up the children it has), the collector's
  // DELETEs (Item by reference, then Category), the UPDATE closing the gap.
  covet::DeleteResult result;
  EXPECT_EQ(verbs([&] { result = db().erase(laptops); }),
            on({"BEGIN", "SELECT", "DELETE", "DELETE", "UPDATE", "COMMIT"},
               {"BEGIN", "SELECT", "SELECT", "DELETE", "DELETE", "UPDATE", "COMMIT"}));
  EXPECT_EQ(result.count("Category"), 5);
  EXPECT_EQ(result.count("Item"), 1);
  expect_valid();
}

TEST_P(NsEraseTest, AProtectParentStillRefusesANodeWithChildren) {
  Folder root = Folder::add_root(db(), Folder{.name = "root"});
  Folder sub = root.add_child(Folder{.name = "sub"});
  Folder leaf = sub.add_child(Folder{.name = "leaf"});
  EXPECT_THROW(db().erase(sub), covet::ProtectedError);
  EXPECT_EQ(db().objects<Folder>().count(), 3);
  EXPECT_EQ(db().erase(leaf).count("Folder"), 1);
  EXPECT_TRUE(Folder::check(db()).ok()) << Folder::check(db()).to_string();
}

COVET_INSTANTIATE_BACKENDS(NsEraseTest);

}  // namespace

// Moving a node: move_to(parent), move_to(nullptr) and assigning `parent`
// then db.save(node). A move under the node itself or one of its
// descendants raises InvalidMove and writes nothing.
#include "trees/al_fixture.hpp"

#include <stdexcept>

using namespace tree_al;
using namespace tree_al::test;

namespace {

class AlMovesTest : public AlTreeTest {
 protected:
  // Every node's name and parent key, in key order: what a refused move
  // must leave as it was.
  std::vector<std::pair<std::string, std::int64_t>> links() {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const Category& c : database->objects<Category>().order_by("pk"))
      out.emplace_back(c.name, c.parent ? c.parent->id() : 0);
    return out;
  }
};

TEST_P(AlMovesTest, MoveToTakesTheSubtreeAlongWithOneCheckAndOneUpdateInATransaction) {
  build_forest();
  Category node = reload(laptops);
  // BEGIN, the check, the UPDATE, COMMIT.
  COVET_EXPECT_NUM_QUERIES(*database, 4, [&] { node.move_to(phones); });
  EXPECT_EQ(names(phones.get_descendants()), (Names{"Laptops", "Gaming", "Ultra", "Limited"}));
  EXPECT_EQ(names(computers.get_descendants()), (Names{"Desktops"}));
  EXPECT_EQ(limited.get_depth(), 5);
}

TEST_P(AlMovesTest, MoveToUpdatesTheNodesParentInMemory) {
  build_forest();
  Category node = reload(laptops);
  node.move_to(books);
  ASSERT_TRUE(node.parent);
  EXPECT_EQ(node.parent->id(), books.id.value());
  EXPECT_EQ(node.get_parent()->name, "Books");
  EXPECT_EQ(reload(laptops).parent->id(), books.id.value());
}

TEST_P(AlMovesTest, MoveToAnotherTreeOfTheForest) {
  build_forest();
  Category node = reload(computers);
  node.move_to(novels);
  EXPECT_EQ(reload(limited).get_root().name, "Books");
  EXPECT_EQ(names(electronics.get_descendants()), (Names{"Phones"}));
}

TEST_P(AlMovesTest, MoveToNullMakesARootInOneStatement) {
  build_forest();
  Category node = reload(gaming);
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { node.move_to(nullptr); });
  EXPECT_TRUE(node.is_root());
  EXPECT_EQ(names(Category::get_root_nodes(*database)), (Names{"Electronics", "Gaming", "Books", "Garden"}));
  EXPECT_EQ(reload(limited).get_depth(), 2);
}

TEST_P(AlMovesTest, MoveUnderItselfIsInvalidAndRunsNoStatement) {
  build_forest();
  Category node = reload(laptops);
  const auto before = links();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_THROW(node.move_to(laptops), covet::InvalidMove); });
  EXPECT_EQ(links(), before);
}

TEST_P(AlMovesTest, MoveUnderADescendantIsInvalidAfterOneCheckAndWritesNothing) {
  build_forest();
  Category node = reload(computers);
  const auto before = links();
  // BEGIN, the check, ROLLBACK.
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    try {
      node.move_to(limited);
      ADD_FAILURE() << "no InvalidMove";
    } catch (const covet::InvalidMove& e) {
      EXPECT_EQ(e.node().as_integer(), computers.id.value());
      EXPECT_EQ(e.target().as_integer(), limited.id.value());
      EXPECT_NE(std::string(e.what()).find("descendant"), std::string::npos) << e.what();
    }
  });
  EXPECT_EQ(links(), before);
  EXPECT_EQ(node.parent->id(), electronics.id.value()) << "the object keeps its parent too";
}

TEST_P(AlMovesTest, SavingAnAssignedParentMovesTheNode) {
  build_forest();
  Category node = reload(desktops);
  node.parent = covet::Ref<Category>(garden);
  node.name = "Desk";
  // The stored parent read, then as move_to: BEGIN, the check, UPDATE, COMMIT.
  COVET_EXPECT_NUM_QUERIES(*database, 5, [&] { database->save(node); });
  EXPECT_EQ(names(garden.get_children()), (Names{"Desk"}));
}

TEST_P(AlMovesTest, SavingANodeThatKeepsItsParentRunsNoCheck) {
  build_forest();
  Category node = reload(desktops);
  node.name = "Desk";
  // The stored parent read (unchanged: no link moves), then the UPDATE.
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { database->save(node); });
  EXPECT_EQ(names(computers.get_children()), (Names{"Laptops", "Desk"}));
}

TEST_P(AlMovesTest, SavingAParentUnderADescendantIsInvalidAndWritesNothing) {
  build_forest();
  Category node = reload(electronics);
  const auto before = links();
  node.parent = covet::Ref<Category>(gaming);
  node.name = "renamed";
  EXPECT_THROW(database->save(node), covet::InvalidMove);
  EXPECT_EQ(links(), before);
}

TEST_P(AlMovesTest, SavingANodeAsItsOwnParentIsInvalid) {
  build_forest();
  Category node = reload(garden);
  node.parent = covet::Ref<Category>(garden);
  EXPECT_THROW(database->save(node), covet::InvalidMove);
  EXPECT_TRUE(reload(garden).is_root());
}

TEST_P(AlMovesTest, MovesInsideAnOuterTransactionUseASavepointAndRollBackWithIt) {
  build_forest();
  Category node = reload(laptops);
  try {
    auto tx = database->atomic();
    node.move_to(phones);
    EXPECT_EQ(reload(limited).get_root().name, "Electronics");
    throw std::runtime_error("abandon");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(names(computers.get_children()), (Names{"Laptops", "Desktops"}));
}

TEST_P(AlMovesTest, SavingARootRunsNoCheck) {
  build_forest();
  Category node = reload(garden);
  node.name = "Yard";
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { database->save(node); });
}

TEST_P(AlMovesTest, CreatingAChildRunsNoCheck) {
  build_forest();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { add("Tablets", electronics); });
}

TEST_P(AlMovesTest, MovingAnUnsavedNodeOrUnderAnUnsavedParentIsAUsageError) {
  build_forest();
  Category node = reload(garden);
  const Category unsaved{.name = "unsaved"};
  EXPECT_THROW(node.move_to(unsaved), covet::UsageError);
  EXPECT_TRUE(reload(garden).is_root());
}

TEST_P(AlMovesTest, MovingADeletedNodeDoesNotExist) {
  build_forest();
  Category node = reload(garden);
  Category gone = garden;
  database->erase(gone);
  EXPECT_THROW(node.move_to(books), covet::DoesNotExist);
}

COVET_INSTANTIATE_BACKENDS(AlMovesTest);

}  // namespace

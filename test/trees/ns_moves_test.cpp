// NestedSetNode::move_to and db.save of a changed parent: a subtree moves
// with one UPDATE in one transaction, within a tree or across trees, and
// the moved object is updated; a move under the node itself or one of its
// descendants is InvalidMove and writes nothing.
#include "trees/ns_fixture.hpp"

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsMovesTest : public NsTest {};

TEST_P(NsMovesTest, MoveSubtreeToTheRightWithinATree) {
  shop();
  Category laptops = node("Laptops");
  laptops.move_to(node("Phones"));
  EXPECT_EQ(names(node("Phones").get_descendants()),
            (std::vector<std::string>{"Laptops", "Gaming", "Portable", "Ultralight", "Carbon"}));
  EXPECT_EQ(names(node("Computers").get_children()), (std::vector<std::string>{"Desktops"}));
  EXPECT_EQ(node("Carbon").level, 6);
  expect_valid();
}

TEST_P(NsMovesTest, MoveSubtreeToTheLeftWithinATree) {
  shop();
  Category phones = node("Phones");
  phones.move_to(node("Laptops"), covet::TreePosition::Left);
  EXPECT_EQ(names(node("Computers").get_children()), (std::vector<std::string>{"Phones", "Laptops", "Desktops"}));
  EXPECT_EQ(node("Phones").level, 2);
  expect_valid();
}

TEST_P(NsMovesTest, MovedObjectHoldsItsNewPosition) {
  shop();
  Category gaming = node("Gaming");
  gaming.move_to(node("Books"), covet::TreePosition::FirstChild);
  Category stored = node("Gaming");
  EXPECT_EQ(gaming.lft, stored.lft);
  EXPECT_EQ(gaming.rgt, stored.rgt);
  EXPECT_EQ(gaming.level, stored.level);
  EXPECT_EQ(gaming.tree_id, stored.tree_id);
  EXPECT_EQ(gaming.parent->key(), stored.parent->key());
}

TEST_P(NsMovesTest, MoveAcrossTrees) {
  shop();
  Category gaming = node("Gaming");
  gaming.move_to(node("Novels"));
  EXPECT_EQ(names(node("Books").get_descendants()),
            (std::vector<std::string>{"Novels", "Gaming", "Portable", "Ultralight", "Carbon"}));
  EXPECT_EQ(node("Carbon").level, 5);
  EXPECT_EQ(node("Carbon").tree_id, node("Books").tree_id);
  EXPECT_EQ(node("Electronics").descendant_count(), 4);
  expect_valid();
}

TEST_P(NsMovesTest, MoveToNullMakesANewTree) {
  shop();
  Category gaming = node("Gaming");
  gaming.move_to(nullptr);
  EXPECT_TRUE(gaming.is_root());
  EXPECT_EQ(gaming.lft, 1);
  EXPECT_EQ(gaming.level, 0);
  EXPECT_EQ(names(Category::get_root_nodes(db())), (std::vector<std::string>{"Electronics", "Books", "Gaming"}));
  EXPECT_EQ(node("Carbon").level, 3);
  expect_valid();
}

TEST_P(NsMovesTest, MoveARootUnderAnotherTree) {
  shop();
  Category books = node("Books");
  books.move_to(node("Electronics"), covet::TreePosition::FirstChild);
  EXPECT_EQ(names(node("Electronics").get_children()), (std::vector<std::string>{"Books", "Computers", "Phones"}));
  EXPECT_EQ(names(Category::get_root_nodes(db())), (std::vector<std::string>{"Electronics"}));
  expect_valid();
}

TEST_P(NsMovesTest, EverySiblingPositionKeepsTheTreeValid) {
  for (auto pos : {covet::TreePosition::Left, covet::TreePosition::Right, covet::TreePosition::FirstSibling,
                   covet::TreePosition::LastSibling, covet::TreePosition::FirstChild, covet::TreePosition::LastChild}) {
    db().objects<Category>().erase();
    shop();
    Category desktops = node("Desktops");
    desktops.move_to(node("Portable"), pos);
    expect_valid("position " + std::to_string(static_cast<int>(pos)));
  }
}

TEST_P(NsMovesTest, MoveUnderItsOwnDescendantIsInvalidAndWritesNothing) {
  shop();
  const auto before = layout();
  Category computers = node("Computers");
  try {
    computers.move_to(node("Ultralight"));
    ADD_FAILURE() << "expected InvalidMove";
  } catch (const covet::InvalidMove& e) {
    EXPECT_EQ(e.node(), covet::Value(computers.id.value()));
    EXPECT_EQ(e.target(), covet::Value(node("Ultralight").id.value()));
    EXPECT_NE(std::string(e.what()).find("descendant"), std::string::npos) << e.what();
  }
  EXPECT_EQ(layout(), before);
}

TEST_P(NsMovesTest, MoveRelativeToItselfIsInvalid) {
  shop();
  const auto before = layout();
  Category laptops = node("Laptops");
  EXPECT_THROW(laptops.move_to(laptops), covet::InvalidMove);
  EXPECT_THROW(laptops.move_to(laptops, covet::TreePosition::Right), covet::InvalidMove);
  EXPECT_EQ(layout(), before);
}

TEST_P(NsMovesTest, MoveBesideARootIsInvalidExceptLastSibling) {
  shop();
  const auto before = layout();
  Category laptops = node("Laptops");
  EXPECT_THROW(laptops.move_to(node("Books"), covet::TreePosition::Left), covet::InvalidMove);
  EXPECT_EQ(layout(), before);
  laptops.move_to(node("Books"), covet::TreePosition::LastSibling);
  EXPECT_TRUE(node("Laptops").is_root());
  expect_valid();
}

TEST_P(NsMovesTest, MoveUsesTheStoredBoundsNotTheObjects) {
  shop();
  Category gaming = node("Gaming");
  Category phones = node("Phones");
  child(node("Electronics"), "Tablets");  // neither object knows
  node("Desktops").move_to(node("Electronics"), covet::TreePosition::FirstChild);
  gaming.move_to(phones);
  EXPECT_EQ(names(node("Phones").get_children()), (std::vector<std::string>{"Gaming"}));
  expect_valid();
}

TEST_P(NsMovesTest, MoveStatementsDoNotGrowWithTheTree) {
  shop();
  Category gaming = node("Gaming");
  Category phones = node("Phones");
  const std::size_t on_small = statements([&] { gaming.move_to(phones); });
  db().objects<Category>().erase();
  large();
  Category big = node("r1.3");  // 57 nodes
  Category target = node("r2.5.1");
  const std::size_t on_large = statements([&] { big.move_to(target); });
  // BEGIN, UPDATE, COMMIT (PostgreSQL: BEGIN, lock and read, UPDATE, COMMIT)
  EXPECT_EQ(on_small, is_sqlite() ? 3u : 4u);
  EXPECT_EQ(on_large, is_sqlite() ? 3u : 4u);
  expect_valid();
}

TEST_P(NsMovesTest, MoveWithinALargeTreeIsOneUpdate) {
  large();
  Category big = node("r0.2");
  Category target = node("r0.6.6.6");
  COVET_EXPECT_NUM_QUERIES(db(), is_sqlite() ? 3 : 4, [&] { big.move_to(target); });
  EXPECT_EQ(node("r0.2.1.1").level, 6);
  expect_valid();
}

TEST_P(NsMovesTest, MoveOfObjectsAsStoredIsOneUpdate) {
  shop();
  Category laptops = node("Laptops");
  Category phones = node("Phones");
  Category novels = node("Novels");
  // SQLite: the UPDATE is guarded by the rows the objects hold, so it reads
  // nothing first. PostgreSQL reads with the locks in one statement (the
  // lock comes first either way); its UPDATE is guarded against rows
  // changed while it waited for them.
  const std::vector<std::string> one = on({"BEGIN", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "UPDATE", "COMMIT"});
  EXPECT_EQ(verbs([&] { laptops.move_to(phones); }), one);
  // laptops holds its new position; novels, in the other tree, is unchanged.
  EXPECT_EQ(verbs([&] { laptops.move_to(novels, covet::TreePosition::Right); }), one);
  EXPECT_EQ(names(node("Books").get_children()), (std::vector<std::string>{"Novels", "Laptops"}));
  expect_valid();
}

TEST_P(NsMovesTest, MoveWithAStaleTargetReadsTheRowsAndMovesRight) {
  shop();
  Category laptops = node("Laptops");
  Category phones = node("Phones");
  node("Electronics").add_child(Category{.name = "Tablets"}, covet::TreePosition::FirstChild);  // phones is stale
  // SQLite: the guarded UPDATE changes nothing, then the read and the move.
  EXPECT_EQ(verbs([&] { laptops.move_to(phones); }),
            on({"BEGIN", "UPDATE", "SELECT", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "UPDATE", "COMMIT"}));
  EXPECT_EQ(names(node("Phones").get_descendants()),
            (std::vector<std::string>{"Laptops", "Gaming", "Portable", "Ultralight", "Carbon"}));
  Category stored = node("Laptops");
  EXPECT_EQ(laptops.lft, stored.lft);
  EXPECT_EQ(laptops.rgt, stored.rgt);
  expect_valid();
}

TEST_P(NsMovesTest, StaleObjectsClaimingAnInvalidMoveDecideFromTheRows) {
  shop();
  Category desktops = node("Desktops");
  Category carbon = node("Carbon");
  // As the objects were loaded, Carbon is outside Desktops' subtree; make
  // the stored rows say Carbon is inside it, then move Desktops under Carbon.
  node("Laptops").move_to(node("Desktops"));
  const auto before = layout();
  EXPECT_THROW(desktops.move_to(carbon), covet::InvalidMove);
  EXPECT_EQ(layout(), before);
}

TEST_P(NsMovesTest, AValidMoveWhoseObjectsClaimItInvalidStillMoves) {
  shop();
  node("Phones").move_to(node("Laptops"));
  // As these objects are loaded, Phones is inside Laptops' subtree...
  Category laptops = node("Laptops");
  Category phones = node("Phones");
  node("Phones").move_to(node("Electronics"));  // ...and now it is not.
  laptops.move_to(phones);
  EXPECT_EQ(names(node("Phones").get_children()), (std::vector<std::string>{"Laptops"}));
  expect_valid();
}

TEST_P(NsMovesTest, MoveToAnUnsavedTargetIsAUsageError) {
  shop();
  Category laptops = node("Laptops");
  const auto before = layout();
  EXPECT_THROW(laptops.move_to(Category{.name = "unsaved"}), covet::UsageError);
  EXPECT_EQ(layout(), before);
}

TEST_P(NsMovesTest, SavingAChangedParentIsOneMoreStatementThanMoveTo) {
  shop();
  Category laptops = node("Laptops");
  laptops.parent = node("Books");
  // SELECT parent, BEGIN, read, UPDATE (the move), UPDATE (the row), COMMIT
  EXPECT_EQ(verbs([&] { db().save(laptops); }),
            (std::vector<std::string>{"SELECT", "BEGIN", "SELECT", "UPDATE", "UPDATE", "COMMIT"}));
  expect_valid();
}

TEST_P(NsMovesTest, SavingAChangedParentMovesTheSubtree) {
  shop();
  Category laptops = node("Laptops");
  laptops.parent = node("Books");
  laptops.name = "Notebooks";
  db().save(laptops);
  EXPECT_EQ(names(node("Books").get_children()), (std::vector<std::string>{"Novels", "Notebooks"}));
  EXPECT_EQ(laptops.tree_id, node("Books").tree_id);
  EXPECT_EQ(node("Carbon").level, 5);
  expect_valid();
}

TEST_P(NsMovesTest, SavingANullParentMakesARoot) {
  shop();
  Category laptops = node("Laptops");
  laptops.parent.reset();
  db().save(laptops);
  EXPECT_TRUE(node("Laptops").is_root());
  EXPECT_EQ(node("Laptops").lft, 1);
  expect_valid();
}

TEST_P(NsMovesTest, SavingAParentUnderItsDescendantIsInvalid) {
  shop();
  const auto before = layout();
  Category laptops = node("Laptops");
  laptops.parent = node("Carbon");
  laptops.name = "changed";
  EXPECT_THROW(db().save(laptops), covet::InvalidMove);
  EXPECT_EQ(layout(), before);
}

TEST_P(NsMovesTest, SavingWithTheSameParentWritesNoBound) {
  shop();
  Category laptops = node("Laptops");
  // Laptops' stored bounds move right; the object's do not.
  node("Computers").add_child(Category{.name = "Tablets"}, covet::TreePosition::FirstChild);
  laptops.name = "Notebooks";
  // SELECT parent, UPDATE (no transaction: no bound is written)
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] { db().save(laptops); });
  EXPECT_EQ(node("Notebooks").lft, node("Computers").lft + 3);
  expect_valid();
}

COVET_INSTANTIATE_BACKENDS(NsMovesTest);

}  // namespace

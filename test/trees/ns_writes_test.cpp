// NestedSetNode inserts: add_root, add_child, add_sibling and db.create of a
// node, each in one transaction with a constant number of statements, the
// bounds kept valid; positions that make no sense are InvalidMove.
#include "trees/ns_fixture.hpp"

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsWritesTest : public NsTest {};

TEST_P(NsWritesTest, AddRootMakesANewTreeEachTime) {
  Category a = root("A");
  Category b = root("B");
  EXPECT_EQ(a.lft, 1);
  EXPECT_EQ(a.rgt, 2);
  EXPECT_EQ(a.level, 0);
  EXPECT_NE(a.tree_id.get(), b.tree_id.get());
  EXPECT_TRUE(a.is_root());
  expect_valid();
}

TEST_P(NsWritesTest, AddRootIsOneInsertOnSqliteLockAndInsertOnPostgres) {
  root("A");
  // BEGIN, [lock], INSERT ... SELECT (tree_id = MAX + 1), COMMIT
  COVET_EXPECT_NUM_QUERIES(db(), 3 + lock(), [&] { root("B"); });
  EXPECT_EQ(verbs([&] { root("C"); }), on({"BEGIN", "INSERT", "COMMIT"}, {"BEGIN", "SELECT", "INSERT", "COMMIT"}));
  expect_valid();
}

TEST_P(NsWritesTest, AddChildIsInsertAndUpdateOnSqliteLockAndOneStatementOnPostgres) {
  Category top = root("Top");
  child(top, "a");
  // SQLite: INSERT ... SELECT from the parent's row, UPDATE opening the gap.
  // PostgreSQL: the lock, then WITH (parent row, UPDATE) INSERT ... SELECT.
  EXPECT_EQ(verbs([&] { child(top, "b"); }),
            on({"BEGIN", "INSERT", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(verbs([&] { top.add_child(Category{.name = "first"}, covet::TreePosition::FirstChild); }),
            on({"BEGIN", "INSERT", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"first", "a", "b"}));
  expect_valid();
}

TEST_P(NsWritesTest, AddSiblingIsAsCheapAsAddChild) {
  Category top = root("Top");
  Category mid = child(top, "mid");
  for (auto pos : {covet::TreePosition::Left, covet::TreePosition::Right, covet::TreePosition::FirstSibling,
                   covet::TreePosition::LastSibling}) {
    EXPECT_EQ(verbs([&] { mid.add_sibling(Category{.name = "s" + std::to_string(static_cast<int>(pos))}, pos); }),
              on({"BEGIN", "INSERT", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  }
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"s4", "s2", "mid", "s3", "s5"}));
  expect_valid();
}

TEST_P(NsWritesTest, CreateWithAParentIsAsCheapAsAddChild) {
  Category top = root("Top");
  EXPECT_EQ(verbs([&] { db().create(Category{.name = "made", .parent = top}); }),
            on({"BEGIN", "INSERT", "UPDATE", "COMMIT"}, {"BEGIN", "SELECT", "WITH", "COMMIT"}));
  EXPECT_EQ(node("made").level, 1);
  expect_valid();
}

TEST_P(NsWritesTest, AddChildFillsTheObjectFromTheInsertedRow) {
  Category top = root("Top");
  child(top, "a");
  Category b = top.add_child(Category{.name = "b"});  // `top` is stale: its rgt is 4 now
  Category stored = node("b");
  EXPECT_EQ(b.id.value(), stored.id.value());
  EXPECT_EQ(b.lft, stored.lft);
  EXPECT_EQ(b.rgt, stored.rgt);
  EXPECT_EQ(b.level, 1);
  EXPECT_EQ(b.tree_id, top.tree_id);
  EXPECT_EQ(b.parent->key(), covet::Value(top.id.value()));
}

TEST_P(NsWritesTest, AddChildAppendsByDefault) {
  Category top = root("Top");
  child(top, "first");
  Category second = child(top, "second");
  EXPECT_EQ(second.level, 1);
  EXPECT_EQ(second.parent->key(), covet::Value(top.id.value()));
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"first", "second"}));
  expect_valid();
}

TEST_P(NsWritesTest, AddChildAtFirstChild) {
  Category top = root("Top");
  child(top, "old");
  top.add_child(Category{.name = "new"}, covet::TreePosition::FirstChild);
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"new", "old"}));
  expect_valid();
}

TEST_P(NsWritesTest, AddChildIgnoresTheParentsStaleBounds) {
  Category top = root("Top");
  child(top, "a");  // `top` is stale now: its rgt moved
  child(top, "b");
  EXPECT_EQ(layout(), (std::vector<std::string>{"Top 1 6 0 " + std::to_string(top.tree_id),
                                                "a 2 3 1 " + std::to_string(top.tree_id),
                                                "b 4 5 1 " + std::to_string(top.tree_id)}));
}

TEST_P(NsWritesTest, RefreshReloadsAStaleNode) {
  Category top = root("Top");
  child(top, "a");
  EXPECT_EQ(top.rgt, 2);
  db().refresh(top);
  EXPECT_EQ(top.rgt, 4);
  EXPECT_EQ(top.descendant_count(), 1);
}

TEST_P(NsWritesTest, AddChildStatementsDoNotGrowWithTheTree) {
  Category small = root("small");
  const std::size_t on_small = statements([&] { child(small, "x"); });
  large();
  Category big = node("r1.3");
  const std::size_t on_large = statements([&] { child(big, "x2"); });
  EXPECT_EQ(on_small, 4u);  // BEGIN, INSERT + UPDATE (SQLite) or lock + WITH ... INSERT (PostgreSQL), COMMIT
  EXPECT_EQ(on_large, on_small);
  expect_valid();
}

TEST_P(NsWritesTest, AddSiblingRightAndLeft) {
  Category top = root("Top");
  Category mid = child(top, "mid");
  mid.add_sibling(Category{.name = "right"});
  mid.add_sibling(Category{.name = "left"}, covet::TreePosition::Left);
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"left", "mid", "right"}));
  expect_valid();
}

TEST_P(NsWritesTest, AddSiblingFirstAndLast) {
  Category top = root("Top");
  child(top, "a");
  Category b = child(top, "b");
  child(top, "c");
  b.add_sibling(Category{.name = "first"}, covet::TreePosition::FirstSibling);
  b.add_sibling(Category{.name = "last"}, covet::TreePosition::LastSibling);
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"first", "a", "b", "c", "last"}));
  expect_valid();
}

TEST_P(NsWritesTest, LastSiblingOfARootIsANewTree) {
  Category a = root("A");
  Category b = a.add_sibling(Category{.name = "B"}, covet::TreePosition::LastSibling);
  EXPECT_TRUE(b.is_root());
  EXPECT_GT(b.tree_id.get(), a.tree_id.get());
  EXPECT_EQ(names(Category::get_root_nodes(db())), (std::vector<std::string>{"A", "B"}));
}

TEST_P(NsWritesTest, OtherSiblingPositionsOfARootAreInvalid) {
  Category a = root("A");
  const auto before = layout();
  for (auto pos : {covet::TreePosition::Left, covet::TreePosition::Right, covet::TreePosition::FirstSibling}) {
    try {
      a.add_sibling(Category{.name = "B"}, pos);
      ADD_FAILURE() << "expected InvalidMove";
    } catch (const covet::InvalidMove& e) {
      EXPECT_NE(std::string(e.what()).find("LastSibling"), std::string::npos) << e.what();
      EXPECT_EQ(e.target(), covet::Value(a.id.value()));
    }
  }
  EXPECT_EQ(layout(), before);
}

TEST_P(NsWritesTest, AddChildRefusesASiblingPosition) {
  Category a = root("A");
  EXPECT_THROW(a.add_child(Category{.name = "x"}, covet::TreePosition::Left), covet::InvalidMove);
  EXPECT_THROW(a.add_sibling(Category{.name = "x"}, covet::TreePosition::FirstChild), covet::InvalidMove);
  EXPECT_EQ(db().objects<Category>().count(), 1);
}

TEST_P(NsWritesTest, CreateWithoutParentMakesARoot) {
  Category made = db().create(Category{.name = "Made"});
  EXPECT_TRUE(made.is_root());
  EXPECT_EQ(made.lft, 1);
  EXPECT_EQ(made.rgt, 2);
  expect_valid();
}

TEST_P(NsWritesTest, CreateWithAParentAppendsAChild) {
  Category top = root("Top");
  child(top, "a");
  Category made = db().create(Category{.name = "made", .parent = top});
  EXPECT_EQ(made.level, 1);
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"a", "made"}));
  expect_valid();
}

TEST_P(NsWritesTest, BulkCreatePlacesEveryNode) {
  Category top = root("Top");
  db().bulk_create(std::vector<Category>{{.name = "a", .parent = top}, {.name = "b", .parent = top}, {.name = "c"}});
  EXPECT_EQ(names(node("Top").get_children()), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(node("c").is_root());
  expect_valid();
}

TEST_P(NsWritesTest, AddChildToADeletedParentIsDoesNotExist) {
  Category top = root("Top");
  Category gone = top;
  db().erase(gone);
  EXPECT_THROW(child(top, "orphan"), covet::DoesNotExist);
  EXPECT_EQ(db().objects<Category>().count(), 0);
}

COVET_INSTANTIATE_BACKENDS(NsWritesTest);

}  // namespace

// NestedSetNode::check() reports each violated invariant per node, and
// rebuild() recomputes every bound from the parent links in one transaction.
#include "trees/ns_fixture.hpp"

#include <algorithm>

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

class NsCheckTest : public NsTest {
 protected:
  // Writes a column by hand, as code outside Covet could.
  void poke(const std::string& name, const std::string& column, std::int64_t value) {
    db().execute(std::string("UPDATE tree_ns_category SET ") + column + " = " + (is_sqlite() ? "?" : "$1") +
                     " WHERE name = " + (is_sqlite() ? "?" : "$2"),
                 {covet::Value(value), covet::Value(name)});
  }
  bool reports(const covet::NestedSetReport& report, const std::string& name, const std::string& invariant) {
    const covet::Value key(node(name).id.value());
    return std::any_of(report.violations.begin(), report.violations.end(),
                       [&](const auto& v) { return v.node == key && v.invariant == invariant; });
  }
};

TEST_P(NsCheckTest, AValidForestHasNoViolation) {
  shop();
  const covet::NestedSetReport report = Category::check(db());
  EXPECT_TRUE(report.ok()) << report.to_string();
  EXPECT_EQ(report.nodes, 11u);
  EXPECT_EQ(report.to_string(), "ok (11 nodes)");
}

TEST_P(NsCheckTest, CheckIsOneQuery) {
  large();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_TRUE(Category::check(db()).ok()); });
}

TEST_P(NsCheckTest, ReportsBoundsOutOfOrder) {
  shop();
  poke("Desktops", "rgt", node("Desktops").lft - 1);
  EXPECT_TRUE(reports(Category::check(db()), "Desktops", "lft < rgt"));
}

TEST_P(NsCheckTest, ReportsADuplicateBound) {
  shop();
  poke("Phones", "lft", node("Desktops").lft);
  const auto report = Category::check(db());
  EXPECT_TRUE(reports(report, "Phones", "unique bounds")) << report.to_string();
}

TEST_P(NsCheckTest, ReportsBoundsBeyondTheTree) {
  shop();
  poke("Electronics", "rgt", 40);
  const auto report = Category::check(db());
  EXPECT_TRUE(reports(report, "Electronics", "contiguous bounds")) << report.to_string();
}

TEST_P(NsCheckTest, ReportsAChildOutsideItsParent) {
  shop();
  poke("Novels", "tree_id", node("Electronics").tree_id);
  const auto report = Category::check(db());
  EXPECT_TRUE(reports(report, "Novels", "inside parent")) << report.to_string();
}

TEST_P(NsCheckTest, ReportsAWrongLevel) {
  shop();
  poke("Carbon", "level", 2);
  const auto report = Category::check(db());
  EXPECT_TRUE(reports(report, "Carbon", "level")) << report.to_string();
  EXPECT_EQ(report.violations.size(), 1u) << report.to_string();
}

TEST_P(NsCheckTest, ReportsAParentLinkTheBoundsContradict) {
  shop();
  poke("Desktops", "parent_id", node("Electronics").id.value());
  const auto report = Category::check(db());
  EXPECT_TRUE(reports(report, "Desktops", "parent link")) << report.to_string();
  EXPECT_TRUE(reports(report, "Desktops", "level")) << report.to_string();
}

TEST_P(NsCheckTest, RebuildRecomputesBoundsFromParentLinks) {
  shop();
  const auto good = layout();
  for (const char* name : {"Electronics", "Laptops", "Carbon", "Novels"}) {
    poke(name, "rgt", 100);  // lft kept: it orders the children
    poke(name, "level", 9);
  }
  ASSERT_FALSE(Category::check(db()).ok());
  Category::rebuild(db());
  expect_valid();
  EXPECT_EQ(layout(), good);
}

TEST_P(NsCheckTest, RebuildNumbersRowsLoadedByHand) {
  Category top = db().create(Category{.name = "top"});
  db().execute(is_sqlite() ? "INSERT INTO tree_ns_category (name, parent_id, lft, rgt, tree_id, level) "
                             "VALUES ('a', ?, 0, 0, 0, 0), ('b', ?, 0, 0, 0, 0), ('solo', NULL, 0, 0, 0, 0)"
                           : "INSERT INTO tree_ns_category (name, parent_id, lft, rgt, tree_id, level) "
                             "VALUES ('a', $1, 0, 0, 0, 0), ('b', $2, 0, 0, 0, 0), ('solo', NULL, 0, 0, 0, 0)",
               {covet::Value(top.id.value()), covet::Value(top.id.value())});
  db().execute(is_sqlite() ? "INSERT INTO tree_ns_category (name, parent_id, lft, rgt, tree_id, level) "
                             "SELECT 'a1', id, 0, 0, 0, 0 FROM tree_ns_category WHERE name = 'a'"
                           : "INSERT INTO tree_ns_category (name, parent_id, lft, rgt, tree_id, level) "
                             "SELECT 'a1', id, 0, 0, 0, 0 FROM tree_ns_category WHERE name = 'a'");
  EXPECT_FALSE(Category::check(db()).ok());
  Category::rebuild(db());
  expect_valid();
  EXPECT_EQ(names(node("top").get_descendants()), (std::vector<std::string>{"a", "a1", "b"}));
  EXPECT_EQ(node("a1").level, 2);
  EXPECT_TRUE(node("solo").is_root());
}

TEST_P(NsCheckTest, RebuildRunsInOneTransaction) {
  large();
  const std::size_t n = statements([&] { Category::rebuild(db()); });
  // BEGIN, [lock every tree], read, two UPDATEs of 1000 and 200 rows, COMMIT
  EXPECT_EQ(n, 5 + lock());
  expect_valid();
}

TEST_P(NsCheckTest, RebuildOfACycleIsTreeCycleAndWritesNothing) {
  shop();
  poke("Computers", "parent_id", node("Gaming").id.value());
  const auto before = layout();
  try {
    Category::rebuild(db());
    ADD_FAILURE() << "expected TreeCycle";
  } catch (const covet::TreeCycle& e) {
    EXPECT_FALSE(e.node().is_null());
  }
  EXPECT_EQ(layout(), before);
}

COVET_INSTANTIATE_BACKENDS(NsCheckTest);

}  // namespace

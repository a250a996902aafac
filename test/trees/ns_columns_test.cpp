// The columns NestedSetNode brings (lft, rgt, tree_id, level): the plugin
// makes them columns of the model, only Covet writes them (assigning one
// does not compile; update() and bulk_update() refuse them, save() ignores
// the object's values), and create_all indexes (tree_id, lft) and
// (tree_id, rgt).
#include "support/schema_probe.hpp"
#include "trees/ns_fixture.hpp"

#include <type_traits>

using namespace tree_ns;
using tree_ns::test::NsTest;

namespace {

// `node.lft = 3` is a compile error; reading, copying and assigning whole
// models still work.
static_assert(!std::is_assignable_v<covet::ReadOnly<int>&, int>);
static_assert(std::is_copy_assignable_v<Category>);
static_assert(std::is_convertible_v<const covet::ReadOnly<int>&, int>);
static_assert(!std::is_constructible_v<covet::ReadOnly<int>, int>);

TEST(NsColumns, MixinMembersAreColumnsOfTheModel) {
  const covet::ModelInfo& info = covet::model_info<Category>();
  EXPECT_EQ(info.tree, covet::TreeKind::NestedSet);
  for (const char* name : {"lft", "rgt", "tree_id", "level"}) {
    const covet::MemberInfo* m = info.member(name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->column, name);
    EXPECT_EQ(m->type, covet::ColumnType::Integer) << name;
    EXPECT_FALSE(m->nullable) << name;
  }
  EXPECT_EQ(info.member("tree_binding_"), nullptr);
}

class NsColumnsTest : public NsTest {};

TEST_P(NsColumnsTest, CreateAllIndexesTreeIdWithEachBound) {
  EXPECT_TRUE(covet::test::index_exists(db(), is_sqlite(), "tree_ns_category_tree_id_lft_idx"));
  EXPECT_TRUE(covet::test::index_exists(db(), is_sqlite(), "tree_ns_category_tree_id_rgt_idx"));
}

TEST_P(NsColumnsTest, UpdateRefusesTheBoundsNamingTheCalls) {
  shop();
  for (const char* field : {"lft", "rgt", "tree_id", "level"}) {
    try {
      db().objects<Category>().update({{field, 5}});
      ADD_FAILURE() << "expected FieldError for " << field;
    } catch (const covet::FieldError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(std::string("Category.") + field), std::string::npos) << message;
      EXPECT_NE(message.find("move_to"), std::string::npos) << message;
    }
  }
  expect_valid();
}

TEST_P(NsColumnsTest, UpdateRefusesTheParentPointingAtMoveTo) {
  shop();
  try {
    db().objects<Category>().filter("name", "Laptops").update({{"parent", covet::Value()}});
    ADD_FAILURE() << "expected FieldError";
  } catch (const covet::FieldError& e) {
    EXPECT_NE(std::string(e.what()).find("move_to()"), std::string::npos) << e.what();
  }
  expect_valid();
}

TEST_P(NsColumnsTest, BulkUpdateRefusesTheBounds) {
  shop();
  std::vector<Category> all = db().objects<Category>().fetch();
  EXPECT_THROW(db().bulk_update(all, {"level"}), covet::FieldError);
  EXPECT_THROW(db().bulk_update(all, {"name", "lft"}), covet::FieldError);
  EXPECT_EQ(db().bulk_update(all, {"name"}), 11);
  expect_valid();
}

TEST_P(NsColumnsTest, SaveNeverWritesTheObjectsBounds) {
  shop();
  Category laptops = node("Laptops");
  Category carbon = node("Carbon");
  laptops.lft = carbon.lft;  // a ReadOnly copied from another node compiles...
  laptops.level = carbon.level;
  db().save(laptops);        // ...but save() writes no bound
  db().update(laptops);
  expect_valid();
  EXPECT_EQ(node("Laptops").level, 2);
}

TEST_P(NsColumnsTest, WholeModelsCopyAndAssign) {
  shop();
  Category a = node("Gaming");
  Category b = node("Books");
  b = a;
  EXPECT_EQ(b.lft, a.lft);
  EXPECT_EQ(b.name, "Gaming");
  EXPECT_EQ(int(b.level), 3);
  EXPECT_EQ(b.level.get(), 3);
  EXPECT_EQ(b.get_children().count(), 1);  // the copy is bound too
}

COVET_INSTANTIATE_BACKENDS(NsColumnsTest);

}  // namespace

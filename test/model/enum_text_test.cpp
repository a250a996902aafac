// Enums declared `enum class [[covet::enum_text]] E` are stored as the name
// of their enumerator (TEXT), from names the plugin emits; filters and
// updates bind the name; an unknown name in the column is a DataError naming
// the enum and its names. Other enums stay integers.
#include "models/fields.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using fields::Customer;
using fields::Order;
using fields::OrderStatus;
using fields::Priority;

class EnumTextTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    covet::test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    alice = database->create(Customer{.name = "Alice"});
    paid = database->create(Order{.customer = alice, .status = OrderStatus::paid});
    cancelled = database->create(
        Order{.customer = alice, .status = OrderStatus::cancelled, .previous_status = OrderStatus::paid});
  }

  Order reload(const Order& o) { return database->objects<Order>().get("id", o.id); }

  Customer alice;
  Order paid, cancelled;
};

TEST_P(EnumTextTest, TheColumnHoldsTheEnumeratorsName) {
  auto rows = database->query("SELECT status, previous_status, priority FROM fld_order ORDER BY status");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], covet::Value("cancelled"));
  EXPECT_EQ(rows[0][1], covet::Value("paid"));
  EXPECT_EQ(rows[1][0], covet::Value("paid"));
  EXPECT_TRUE(rows[1][1].is_null());
  // Without the attribute an enum is its integer.
  EXPECT_EQ(rows[0][2], covet::Value(std::int64_t{1}));
}

TEST_P(EnumTextTest, ValuesRoundTrip) {
  EXPECT_EQ(reload(paid).status, OrderStatus::paid);
  EXPECT_EQ(reload(cancelled).status, OrderStatus::cancelled);
  EXPECT_EQ(reload(cancelled).previous_status, OrderStatus::paid);
  EXPECT_FALSE(reload(paid).previous_status.has_value());
  EXPECT_EQ(reload(paid).priority, Priority::low);
}

TEST_P(EnumTextTest, FiltersBindTheName) {
  auto& db = *database;
  EXPECT_EQ(db.objects<Order>().filter("status", OrderStatus::paid).count(), 1);
  EXPECT_EQ(db.objects<Order>().filter("status__in", {OrderStatus::paid, OrderStatus::cancelled}).count(), 2);
  EXPECT_EQ(db.objects<Order>().exclude("status", OrderStatus::shipped).count(), 2);
  EXPECT_EQ(db.objects<Order>().filter("previous_status", OrderStatus::paid).count(), 1);
  EXPECT_EQ(db.objects<Order>().filter("status", "cancelled").count(), 1);
}

TEST_P(EnumTextTest, OrderByIsTheOrderOfTheNames) {
  auto orders = database->objects<Order>().order_by("status").fetch();
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_EQ(orders[0].status, OrderStatus::cancelled);  // "cancelled" < "paid", though 10 > 1
}

TEST_P(EnumTextTest, UpdateAndSaveWriteTheName) {
  auto& db = *database;
  db.objects<Order>().filter("id", paid.id).update({{"status", OrderStatus::shipped}});
  EXPECT_EQ(reload(paid).status, OrderStatus::shipped);
  cancelled.status = OrderStatus::pending;
  db.save(cancelled);
  EXPECT_EQ(db.objects<Order>().filter("status", OrderStatus::pending).count(), 1);
}

TEST_P(EnumTextTest, AnUnknownNameInTheColumnIsADataErrorNamingTheEnum) {
  database->execute("UPDATE fld_order SET status = 'archived'");
  std::string what = covet::test::error_message<covet::Error>([&] { reload(paid); });
  EXPECT_NE(what.find("'archived'"), std::string::npos) << what;
  EXPECT_NE(what.find("fields::OrderStatus"), std::string::npos) << what;
  EXPECT_NE(what.find("pending, paid, shipped, cancelled"), std::string::npos) << what;
  EXPECT_THROW(covet::FieldTraits<OrderStatus>::from_value(covet::Value("archived")), covet::DataError);
}

TEST_P(EnumTextTest, AValueWithoutAnEnumeratorIsRefusedBeforeTheStatement) {
  auto& db = *database;
  const auto stray = static_cast<OrderStatus>(42);
  std::string what = covet::test::error_message<covet::DataError>(
      [&] { db.create(Order{.customer = alice, .status = stray}); });
  EXPECT_NE(what.find("42"), std::string::npos) << what;
  EXPECT_NE(what.find("pending, paid, shipped, cancelled"), std::string::npos) << what;
  EXPECT_EQ(db.objects<Order>().count(), 2);
}

TEST_P(EnumTextTest, TheNamesComeFromTheGeneratedMetadata) {
  EXPECT_EQ(covet::to_value(OrderStatus::shipped), covet::Value("shipped"));
  EXPECT_EQ(covet::to_value(Priority::high), covet::Value(std::int64_t{2}));
  const covet::MemberInfo* status = covet::model_info<Order>().member("status");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->type, covet::ColumnType::Text);
  EXPECT_EQ(covet::model_info<Order>().member("priority")->type, covet::ColumnType::SmallInt);
}

COVET_INSTANTIATE_BACKENDS(EnumTextTest);

}  // namespace

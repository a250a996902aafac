// Models keyed by covet::Uuid ([[covet::primary_key]] covet::Uuid id): keys
// generated on create (Django's default=uuid.uuid4), then everything an
// integer key does: get, filter, order, foreign keys and one-to-ones to it
// (UUID columns), select_related, prefetch_related both ways, reverse
// managers, many-to-many join tables with UUID columns, cascades.
#include "models/fields.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using fields::Customer;
using fields::Label;
using fields::Order;
using fields::OrderLine;
using fields::Shipment;
using covet::Uuid;
using Price = covet::Decimal<10, 2>;

class UuidKeyTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    covet::test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    auto& db = *database;
    alice = db.create(Customer{.name = "Alice"});
    bob = db.create(Customer{.name = "Bob"});
    first = db.create(Order{.customer = alice, .total = Price("10")});
    second = db.create(Order{.customer = alice, .referrer = bob, .total = Price("20")});
    third = db.create(Order{.customer = bob, .total = Price("30")});
  }

  Customer alice, bob;
  Order first, second, third;
};

TEST_P(UuidKeyTest, CreateGeneratesARandomKeyInTheObjectPassed) {
  auto& db = *database;
  Customer c = db.create(Customer{.name = "Carol"});
  EXPECT_FALSE(c.id.is_nil());
  EXPECT_EQ(c.id.version(), 4);
  EXPECT_NE(c.id, alice.id);
  EXPECT_EQ(db.objects<Customer>().get("id", c.id).name, "Carol");
}

TEST_P(UuidKeyTest, AKeySetBeforeCreateIsKept) {
  auto& db = *database;
  const Uuid chosen("00000000-0000-4000-8000-000000000042");
  Customer c = db.create(Customer{.id = chosen, .name = "Chosen"});
  EXPECT_EQ(c.id, chosen);
  EXPECT_EQ(db.objects<Customer>().get("id", chosen).name, "Chosen");
}

TEST_P(UuidKeyTest, BulkCreateGeneratesEveryKey) {
  auto& db = *database;
  std::vector<Customer> made =
      db.bulk_create(std::vector<Customer>{{.name = "x"}, {.name = "y"}, {.name = "z"}});
  for (const Customer& c : made) {
    EXPECT_FALSE(c.id.is_nil());
    EXPECT_EQ(db.objects<Customer>().get("id", c.id).name, c.name);
  }
  EXPECT_NE(made[0].id, made[1].id);
}

TEST_P(UuidKeyTest, SaveOfAnUnsavedObjectInsertsItWithANewKey) {
  auto& db = *database;
  Customer c{.name = "Dora"};
  db.save(c);
  EXPECT_FALSE(c.id.is_nil());
  EXPECT_EQ(db.objects<Customer>().get("id", c.id).name, "Dora");
}

TEST_P(UuidKeyTest, SaveOfAnObjectWhoseRowIsGoneInsertsItWithItsKey) {
  auto& db = *database;
  Customer c = db.create(Customer{.name = "Gone"});
  const Uuid key = c.id;
  db.execute("DELETE FROM fld_customer WHERE name = 'Gone'");
  c.name = "Back";
  db.save(c);
  EXPECT_EQ(c.id, key);
  EXPECT_EQ(db.objects<Customer>().get("id", key).name, "Back");
}

TEST_P(UuidKeyTest, EraseMakesTheKeyNilAgain) {
  auto& db = *database;
  Customer c = db.create(Customer{.name = "Temp"});
  db.erase(c);
  EXPECT_TRUE(c.id.is_nil());
  EXPECT_EQ(db.objects<Customer>().filter("name", "Temp").count(), 0);
}

TEST_P(UuidKeyTest, FilterInAndOrderByKeyAgreeOnBothBackends) {
  auto& db = *database;
  std::vector<Uuid> keys{first.id, second.id, third.id};
  std::sort(keys.begin(), keys.end());
  std::vector<Uuid> ordered;
  for (const Order& o : db.objects<Order>().order_by("id").fetch()) ordered.push_back(o.id);
  EXPECT_EQ(ordered, keys);
  EXPECT_EQ(db.objects<Order>().filter("id__in", std::vector<Uuid>{first.id, third.id}).count(), 2);
  EXPECT_EQ(db.objects<Order>().filter("id__gt", keys[0]).count(), 2);
  EXPECT_EQ(db.objects<Order>().filter("id", Uuid::random()).count(), 0);
}

TEST_P(UuidKeyTest, ForeignKeyHoldsTheTargetsUuid) {
  auto& db = *database;
  Order o = db.objects<Order>().get("id", first.id);
  EXPECT_EQ(o.customer.key(), covet::Value(alice.id));
  EXPECT_EQ(o.customer.get().name, "Alice");
  EXPECT_EQ(db.objects<Order>().filter("customer", alice).count(), 2);
  EXPECT_EQ(db.objects<Order>().filter("customer__name", "Bob").count(), 1);
  EXPECT_EQ(db.objects<Order>().filter("referrer__isnull", true).count(), 2);
}

TEST_P(UuidKeyTest, SelectRelatedLoadsTheUuidKeyedTarget) {
  auto& db = *database;
  auto orders = db.objects<Order>().select_related("customer").order_by("total").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(orders[0].customer.get().name, "Alice");
    EXPECT_EQ(orders[2].customer.get().name, "Bob");
  });
}

TEST_P(UuidKeyTest, PrefetchRelatedForwardAndReverseMatchUuidKeys) {
  auto& db = *database;
  auto orders = db.objects<Order>().prefetch_related("customer", "referrer").order_by("total").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(orders[1].customer.get().name, "Alice");
    EXPECT_EQ(orders[1].referrer->get().name, "Bob");
  });
  auto customers = db.objects<Customer>().prefetch_related("orders").order_by("name").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(customers[0].orders.count(), 2);  // Alice
    EXPECT_EQ(customers[1].orders.count(), 1);  // Bob
  });
}

TEST_P(UuidKeyTest, ReverseManagersFindAndCreateByUuid) {
  auto& db = *database;
  Customer a = db.objects<Customer>().get("id", alice.id);
  EXPECT_EQ(a.orders.count(), 2);
  EXPECT_EQ(db.related(alice, &Order::customer).count(), 2);
  EXPECT_EQ(db.related(bob, &Order::referrer).count(), 1);
  Order made = a.orders.create(Order{.total = Price("5")});
  EXPECT_EQ(made.customer.key(), covet::Value(alice.id));
  EXPECT_EQ(a.orders.count(), 3);
}

TEST_P(UuidKeyTest, AnIntegerKeyedModelReferencesAUuidKeyedOne) {
  auto& db = *database;
  OrderLine line = db.create(OrderLine{.order = first, .price = Price("1.50"), .quantity = 2});
  EXPECT_GT(line.id.value(), 0);
  auto orders = db.objects<Order>().filter("id", first.id).prefetch_related("lines").fetch();
  ASSERT_EQ(orders.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(orders[0].lines.count(), 1); });
  EXPECT_EQ(db.objects<OrderLine>().filter("order__customer__name", "Alice").count(), 1);
}

TEST_P(UuidKeyTest, OneToOneToAUuidKeyedModelWorksBothWays) {
  auto& db = *database;
  Shipment s = db.create(Shipment{.order = second});
  Order o = db.objects<Order>().get("id", second.id);
  EXPECT_EQ(o.shipment.get().id, s.id);
  auto loaded = db.objects<Order>().select_related("shipment").order_by("total").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_FALSE(loaded[0].shipment.find().has_value());
    EXPECT_EQ(loaded[1].shipment.get().id, s.id);
  });
}

TEST_P(UuidKeyTest, ManyToManyBetweenUuidKeyedModels) {
  auto& db = *database;
  Label gift = db.create(Label{.name = "gift"});
  Label rush = db.create(Label{.name = "rush"});
  Order o = db.objects<Order>().get("id", first.id);
  o.labels.add(gift, rush);
  o.labels.add(gift);  // already there: nothing added
  EXPECT_EQ(o.labels.count(), 2);
  EXPECT_EQ(db.related(gift, &Order::labels).count(), 1);
  EXPECT_EQ(db.objects<Order>().filter("labels__name", "rush").count(), 1);
  o.labels.remove(rush);
  EXPECT_EQ(o.labels.count(), 1);
  o.labels.set(std::vector<Label>{rush});
  auto names = o.labels.all().fetch();
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].name, "rush");
  auto prefetched = db.objects<Order>().order_by("total").prefetch_related("labels").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(prefetched[0].labels.count(), 1);
    EXPECT_EQ(prefetched[1].labels.count(), 0);
  });
}

TEST_P(UuidKeyTest, EraseCascadesThroughUuidKeys) {
  auto& db = *database;
  Label gift = db.create(Label{.name = "gift"});
  Order o = db.objects<Order>().get("id", second.id);
  o.labels.add(gift);
  db.create(OrderLine{.order = second, .price = Price("1")});
  db.create(Shipment{.order = second});
  covet::DeleteResult r = db.erase(alice);
  EXPECT_EQ(r.count("Customer"), 1);
  EXPECT_EQ(r.count("Order"), 2);
  EXPECT_EQ(r.count("OrderLine"), 1);
  EXPECT_EQ(r.count("Shipment"), 1);
  EXPECT_EQ(db.objects<Order>().count(), 1);
  EXPECT_EQ(db.related(gift, &Order::labels).count(), 0);  // the join row went with its order
  EXPECT_EQ(db.objects<Label>().count(), 1);
}

TEST_P(UuidKeyTest, SetNullThroughAUuidKey) {
  auto& db = *database;
  db.erase(bob);  // Bob's own order cascades; Alice's second order loses its referrer
  Order o = db.objects<Order>().get("id", second.id);
  EXPECT_FALSE(o.referrer.has_value());
}

TEST_P(UuidKeyTest, TheColumnsAreNativeUuidOnPostgresqlAndTextOnSqlite) {
  auto& db = *database;
  auto rows = db.query("SELECT customer_id FROM fld_order WHERE total = 30");
  ASSERT_EQ(rows.size(), 1u);
  // Both backends hand it back as a Uuid (SQLite by the declared type UUID).
  EXPECT_EQ(rows[0][0], covet::Value(bob.id));
  if (is_sqlite()) {
    auto raw = db.query("SELECT typeof(customer_id), customer_id || '' FROM fld_order WHERE total = 30");
    EXPECT_EQ(raw[0][0], covet::Value("text"));
    EXPECT_EQ(raw[0][1], covet::Value(bob.id.to_string()));
  } else {
    auto type = db.query(
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'fld_order' AND column_name = "
        "'customer_id' AND table_schema = current_schema()");
    ASSERT_EQ(type.size(), 1u);
    EXPECT_EQ(type[0][0], covet::Value("uuid"));
  }
}

TEST_P(UuidKeyTest, PrefetchSendsUuidKeysAsOneArrayOnPostgresql) {
  auto& db = *database;
  db.query_log().start();
  auto customers = db.objects<Customer>().prefetch_related("orders").fetch();
  db.query_log().stop();
  ASSERT_EQ(db.query_log().entries().size(), 2u);
  const std::string& sql = db.query_log().entries()[1].sql;
  if (is_sqlite()) {
    EXPECT_NE(sql.find(" IN ("), std::string::npos) << sql;
  } else {
    EXPECT_NE(sql.find("= ANY($1::uuid[])"), std::string::npos) << sql;
    EXPECT_EQ(db.query_log().entries()[1].params.size(), 1u);
  }
}

TEST_P(UuidKeyTest, JoinTableKeysAreUuidColumns) {
  auto& db = *database;
  if (is_sqlite()) {
    auto columns = db.query("SELECT name, type FROM pragma_table_info('fld_order_labels') ORDER BY cid");
    ASSERT_EQ(columns.size(), 3u);  // id, order_id, label_id
    EXPECT_EQ(columns[1][1], covet::Value("UUID"));
    EXPECT_EQ(columns[2][1], covet::Value("UUID"));
  } else {
    auto columns = db.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'fld_order_labels' "
        "AND table_schema = current_schema() ORDER BY ordinal_position");
    ASSERT_EQ(columns.size(), 3u);
    EXPECT_EQ(columns[1][1], covet::Value("uuid"));
    EXPECT_EQ(columns[2][1], covet::Value("uuid"));
  }
}

TEST_P(UuidKeyTest, ARefToAnUnsavedUuidKeyedObjectIsAUsageError) {
  EXPECT_THROW((covet::Ref<Customer>(Customer{.name = "unsaved"})), covet::UsageError);
}

COVET_INSTANTIATE_BACKENDS(UuidKeyTest);

}  // namespace

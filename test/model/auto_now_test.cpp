// [[covet::auto_now_add]] and [[covet::auto_now]] timestamps, after Django's
// DateTimeField(auto_now_add=True / auto_now=True): Covet sets them, in the
// object passed, to the current UTC time, on create and bulk_create (both)
// and on save (auto_now); QuerySet.update() and bulk_update() write what
// they are given, as Django's do.
#include "models/fields.hpp"
#include "support/database_fixture.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace {

using fields::Customer;
using fields::Order;
using fields::Shipment;
using Micros = std::chrono::sys_time<std::chrono::microseconds>;
using namespace std::chrono_literals;

Micros now() { return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()); }

class AutoNowTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    covet::test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    alice = database->create(Customer{.name = "Alice"});
  }

  Order reload(const Order& o) { return database->objects<Order>().get("id", o.id); }
  // Waits until the clock has moved on, so a later stamp differs.
  static void tick() { std::this_thread::sleep_for(2ms); }

  Customer alice;
};

TEST_P(AutoNowTest, CreateSetsBothToTheSameCurrentTime) {
  const Micros before = now();
  Order o = database->create(Order{.customer = alice});
  const Micros after = now();
  EXPECT_GE(o.created_at, before);
  EXPECT_LE(o.created_at, after);
  EXPECT_EQ(o.updated_at, o.created_at);
  Order r = reload(o);
  EXPECT_EQ(r.created_at, o.created_at);
  EXPECT_EQ(r.updated_at, o.updated_at);
}

TEST_P(AutoNowTest, CreateOverwritesAValueTheCallerSet) {
  const Micros long_ago = std::chrono::sys_days(std::chrono::year(2001) / 1 / 1) + 0us;
  Order o = database->create(Order{.customer = alice, .created_at = long_ago, .updated_at = long_ago});
  EXPECT_GT(o.created_at, long_ago);
  EXPECT_GT(o.updated_at, long_ago);
}

TEST_P(AutoNowTest, SaveRefreshesAutoNowAndKeepsAutoNowAdd) {
  Order o = database->create(Order{.customer = alice});
  const Micros created = o.created_at;
  tick();
  o.total = covet::Decimal<10, 2>("1");
  database->save(o);
  EXPECT_GT(o.updated_at, created);
  EXPECT_EQ(o.created_at, created);
  Order r = reload(o);
  EXPECT_EQ(r.updated_at, o.updated_at);
  EXPECT_EQ(r.created_at, created);
}

TEST_P(AutoNowTest, SaveOfAnUnsavedObjectStampsBoth) {
  Order o{.customer = alice};
  database->save(o);
  EXPECT_NE(o.created_at, Micros{});
  EXPECT_EQ(o.updated_at, o.created_at);
}

TEST_P(AutoNowTest, UpdateOfAConstObjectStampsTheRowOnly) {
  Order o = database->create(Order{.customer = alice});
  tick();
  const Order& frozen = o;
  database->update(frozen);
  EXPECT_EQ(o.updated_at, o.created_at);  // the caller's const object is left alone
  EXPECT_GT(reload(o).updated_at, o.created_at);
}

TEST_P(AutoNowTest, QuerySetUpdateLeavesAutoNowAlone) {
  Order o = database->create(Order{.customer = alice});
  tick();
  database->objects<Order>().filter("id", o.id).update({{"total", covet::Decimal<10, 2>("2")}});
  EXPECT_EQ(reload(o).updated_at, o.updated_at);
}

TEST_P(AutoNowTest, BulkCreateStampsEveryObject) {
  const Micros before = now();
  std::vector<Order> made =
      database->bulk_create(std::vector<Order>{{.customer = alice}, {.customer = alice}});
  for (const Order& o : made) {
    EXPECT_GE(o.created_at, before);
    EXPECT_EQ(o.updated_at, o.created_at);
    EXPECT_EQ(reload(o).created_at, o.created_at);
  }
}

TEST_P(AutoNowTest, BulkUpdateWritesTheObjectsValuesAsDjangoDoes) {
  std::vector<Order> made = database->bulk_create(std::vector<Order>{{.customer = alice}});
  const Micros stamped = made[0].updated_at;
  tick();
  made[0].total = covet::Decimal<10, 2>("3");
  database->bulk_update(made, {"total", "updated_at"});
  EXPECT_EQ(made[0].updated_at, stamped);
  EXPECT_EQ(reload(made[0]).updated_at, stamped);
}

TEST_P(AutoNowTest, AutoNowAddOnAnotherModelIsSetOnCreate) {
  EXPECT_NE(alice.date_joined, Micros{});
  EXPECT_EQ(database->objects<Customer>().get("id", alice.id).date_joined, alice.date_joined);
}

TEST_P(AutoNowTest, TheStampHasThePrecisionOfTheMembersType) {
  Order o = database->create(Order{.customer = alice});
  Shipment s = database->create(Shipment{.order = o});
  EXPECT_EQ(s.touched, std::chrono::floor<std::chrono::seconds>(s.touched));
  EXPECT_EQ(database->objects<Shipment>().get("id", s.id).touched, s.touched);
}

TEST_P(AutoNowTest, SavingAPartialStampsAutoNowWhenItWasLoaded) {
  Order o = database->create(Order{.customer = alice});
  tick();
  auto partial = database->objects<Order>().filter("id", o.id).only("total", "updated_at").fetch();
  ASSERT_EQ(partial.size(), 1u);
  partial[0].set(&Order::total, covet::Decimal<10, 2>("4"));
  database->save(partial[0]);
  EXPECT_GT(reload(o).updated_at, o.updated_at);

  auto without = database->objects<Order>().filter("id", o.id).only("total").fetch();
  const Micros before = reload(o).updated_at;
  tick();
  without[0].set(&Order::total, covet::Decimal<10, 2>("5"));
  database->save(without[0]);
  EXPECT_EQ(reload(o).updated_at, before);  // not among the fields it writes (Django's update_fields)
}

COVET_INSTANTIATE_BACKENDS(AutoNowTest);

}  // namespace

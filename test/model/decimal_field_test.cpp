// covet::Decimal columns on both backends: stored exactly, compared and
// ordered as numbers whatever the scale of the value they meet, written by
// create, update, bulk_create and bulk_update, NULL when optional, and
// refused with DataError before the statement when out of range.
#include "models/fields.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using fields::Product;
using Price = covet::Decimal<10, 2>;

class DecimalFieldTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    covet::test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    // Text order and number order differ for these: "10.00" < "9.99" < "100.50".
    for (const char* p : {"9.99", "10.00", "100.50", "-1.25", "0.05"})
      database->create(Product{.name = std::string("p") + p, .price = Price(p)});
  }

  std::vector<std::string> names(covet::QuerySet<Product> qs) {
    std::vector<std::string> out;
    for (const Product& p : qs.fetch()) out.push_back(p.name);
    return out;
  }

  Product reload(const Product& p) { return database->objects<Product>().get("id", p.id); }
};

TEST_P(DecimalFieldTest, ValuesRoundTripExactly) {
  auto& db = *database;
  Product p = db.create(Product{.name = "exact", .price = Price("0.10"),
                                .weight = covet::Decimal<18, 6>("123456789012.123456")});
  Product r = reload(p);
  EXPECT_EQ(r.price, Price("0.10"));
  EXPECT_EQ(r.price.to_string(), "0.10");
  EXPECT_EQ(r.weight.to_string(), "123456789012.123456");
}

TEST_P(DecimalFieldTest, LargestAndSmallestValuesOfTheColumnRoundTrip) {
  auto& db = *database;
  Product hi = db.create(Product{.name = "hi", .price = Price("99999999.99")});
  Product lo = db.create(Product{.name = "lo", .price = Price("-99999999.99")});
  EXPECT_EQ(reload(hi).price, Price("99999999.99"));
  EXPECT_EQ(reload(lo).price, Price("-99999999.99"));
}

TEST_P(DecimalFieldTest, OptionalDecimalIsNullUntilSet) {
  auto& db = *database;
  Product p = db.create(Product{.name = "nodiscount", .price = Price("1")});
  EXPECT_FALSE(reload(p).discount.has_value());
  EXPECT_EQ(db.objects<Product>().filter("discount__isnull", true).count(), 6);
  p.discount = Price("0.50");
  db.save(p);
  EXPECT_EQ(reload(p).discount, Price("0.50"));
  EXPECT_EQ(db.objects<Product>().filter("discount", Price("0.5")).count(), 1);
}

TEST_P(DecimalFieldTest, GreaterThanComparesNumbers) {
  EXPECT_EQ(names(database->objects<Product>().filter("price__gt", Price("9.99")).order_by("name")),
            (std::vector<std::string>{"p10.00", "p100.50"}));
}

TEST_P(DecimalFieldTest, OrderByIsNumericOrder) {
  EXPECT_EQ(names(database->objects<Product>().order_by("price")),
            (std::vector<std::string>{"p-1.25", "p0.05", "p9.99", "p10.00", "p100.50"}));
  EXPECT_EQ(names(database->objects<Product>().order_by("-price")).front(), "p100.50");
}

TEST_P(DecimalFieldTest, RangeIsInclusiveAndNumeric) {
  EXPECT_EQ(names(database->objects<Product>()
                      .filter("price__range", std::pair{Price("0.05"), Price("10")})
                      .order_by("price")),
            (std::vector<std::string>{"p0.05", "p9.99", "p10.00"}));
}

TEST_P(DecimalFieldTest, InMatchesEqualNumbers) {
  EXPECT_EQ(names(database->objects<Product>()
                      .filter("price__in", std::vector<Price>{Price("10"), Price("-1.25"), Price("3")})
                      .order_by("price")),
            (std::vector<std::string>{"p-1.25", "p10.00"}));
}

TEST_P(DecimalFieldTest, AFilterValueOfAnotherScaleComparesExactly) {
  using Fine = covet::Decimal<12, 3>;
  auto& db = *database;
  EXPECT_EQ(db.objects<Product>().filter("price", Fine("9.990")).count(), 1);
  EXPECT_EQ(names(db.objects<Product>().filter("price__gt", Fine("9.995")).order_by("price")),
            (std::vector<std::string>{"p10.00", "p100.50"}));
  EXPECT_EQ(names(db.objects<Product>().filter("price__lt", Fine("9.991")).order_by("price")),
            (std::vector<std::string>{"p-1.25", "p0.05", "p9.99"}));
}

TEST_P(DecimalFieldTest, AnIntegerFilterValueIsAWholeNumber) {
  EXPECT_EQ(names(database->objects<Product>().filter("price", 10)), (std::vector<std::string>{"p10.00"}));
  EXPECT_EQ(database->objects<Product>().filter("price__gte", 10).count(), 2);
}

TEST_P(DecimalFieldTest, QuerySetUpdateWritesDecimals) {
  auto& db = *database;
  EXPECT_EQ(db.objects<Product>().filter("price__lt", Price("1")).update({{"price", Price("1.00")}}), 2);
  EXPECT_EQ(db.objects<Product>().filter("price", Price("1")).count(), 2);
}

TEST_P(DecimalFieldTest, QuerySetUpdateRescalesExactlyOrRefuses) {
  auto& db = *database;
  using Fine = covet::Decimal<12, 3>;
  db.objects<Product>().filter("name", "p0.05").update({{"price", Fine("2.500")}});
  EXPECT_EQ(db.objects<Product>().get("name", "p0.05").price, Price("2.50"));
  EXPECT_THROW(db.objects<Product>().filter("name", "p0.05").update({{"price", Fine("2.505")}}), covet::DataError);
  EXPECT_EQ(db.objects<Product>().get("name", "p0.05").price, Price("2.50"));
}

TEST_P(DecimalFieldTest, BulkCreateAndBulkUpdateWriteDecimals) {
  auto& db = *database;
  std::vector<Product> made = db.bulk_create(std::vector<Product>{
      {.name = "b1", .price = Price("1.10"), .discount = Price("0.01")}, {.name = "b2", .price = Price("2.20")}});
  EXPECT_EQ(reload(made[0]).discount, Price("0.01"));
  made[0].price = Price("11.11");
  made[1].price = Price("22.22");
  made[1].discount = Price("0.02");
  EXPECT_EQ(db.bulk_update(made, {"price", "discount"}), 2);
  EXPECT_EQ(reload(made[0]).price, Price("11.11"));
  EXPECT_EQ(reload(made[1]).price, Price("22.22"));
  EXPECT_EQ(reload(made[1]).discount, Price("0.02"));
}

TEST_P(DecimalFieldTest, AValueBeyondTheColumnIsADataErrorBeforeTheStatement) {
  auto& db = *database;
  covet::QueryCounter counter(db);
  std::string what = covet::test::error_message<covet::DataError>(
      [&] { db.create(Product{.name = "huge", .price = Price::from_units(10'000'000'000)}); });
  EXPECT_NE(what.find("NUMERIC(10, 2)"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(db.objects<Product>().count(), 5);
}

TEST_P(DecimalFieldTest, TheColumnHoldsTheNumberAsEachBackendDocuments) {
  auto rows = database->query("SELECT price FROM fld_product WHERE name = 'p9.99'");
  ASSERT_EQ(rows.size(), 1u);
  if (is_sqlite()) {
    // SQLite: the canonical text, compared through the covet_decimal collation.
    EXPECT_EQ(rows[0][0], covet::Value("9.99"));
  } else {
    // PostgreSQL: NUMERIC(10, 2), read back exactly (not as a double).
    EXPECT_EQ(rows[0][0], covet::Value(covet::DecimalValue{999, 2}));
  }
}

TEST_P(DecimalFieldTest, ARowWrittenAsAnIntegerByRawSqlIsThatNumber) {
  // A row written as 5 by raw SQL is the price 5.00 to filters.
  auto& db = *database;
  db.execute("INSERT INTO fld_product (name, price, weight) VALUES ('raw', 5, 0)");
  EXPECT_EQ(db.objects<Product>().filter("price", Price("5.00")).count(), 1);
  EXPECT_EQ(db.objects<Product>().get("name", "raw").price, Price("5"));
}

COVET_INSTANTIATE_BACKENDS(DecimalFieldTest);

}  // namespace

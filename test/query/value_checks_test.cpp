// Filter and update values are checked against the column they meet when the
// condition is added, with the same result on both backends:
//  * a value of the wrong type is a UsageError naming the field, its type and
//    the value's type (not "no rows" on SQLite and a server error on
//    PostgreSQL);
//  * a model object (or a Ref holding one) meeting a to_field relation is
//    its to_field value, not its primary key;
//  * a pattern value with a NUL byte is a UsageError (SQLite's LIKE and GLOB
//    stop at NUL; PostgreSQL text cannot hold one).
#include "models/query.hpp"
#include "query/library_fixture.hpp"
#include "support/error_message.hpp"

#include <string>
#include <utility>
#include <vector>

namespace query_test {
namespace {

using covet::Q;
using covet::UsageError;
using covet::test::error_message;

class ValueChecksTest : public LibraryTest {
 protected:
  void SetUp() override {
    LibraryTest::SetUp();
    if (IsSkipped()) return;
    north = database->create(qry::Warehouse{.code = "N1", .name = "North"});
    south = database->create(qry::Warehouse{.code = "S1", .name = "South"});
    bolts = database->create(qry::Stock{.warehouse = north, .sku = "bolt", .quantity = 2});
    nuts = database->create(qry::Stock{.warehouse = south, .sku = "nut", .quantity = 5});
  }

  covet::QuerySet<qry::Stock> stocks() { return database->objects<qry::Stock>(); }
  static std::vector<std::string> skus(const covet::QuerySet<qry::Stock>& qs) {
    std::vector<std::string> out;
    for (const qry::Stock& s : qs.fetch()) out.push_back(s.sku);
    std::sort(out.begin(), out.end());
    return out;
  }

  qry::Warehouse north, south;
  qry::Stock bolts, nuts;
};

TEST_P(ValueChecksTest, TextForAnIntegerColumnNamesTheFieldAndBothTypes) {
  std::string what = error_message<UsageError>([&] { stocks().filter("quantity", "two"); });
  EXPECT_NE(what.find("Stock.quantity"), std::string::npos) << what;
  EXPECT_NE(what.find("integer"), std::string::npos) << what;
  EXPECT_NE(what.find("text"), std::string::npos) << what;
  EXPECT_NE(what.find("'two'"), std::string::npos) << what;
}

TEST_P(ValueChecksTest, AnIntegerForATextColumnIsAUsageError) {
  std::string what = error_message<UsageError>([&] { authors().filter("name", 42); });
  EXPECT_NE(what.find("Author.name"), std::string::npos) << what;
  EXPECT_NE(what.find("text"), std::string::npos) << what;
  EXPECT_NE(what.find("integer"), std::string::npos) << what;
}

TEST_P(ValueChecksTest, EveryConditionEntryChecksItsValues) {
  EXPECT_THROW(books().exclude("published_year__gt", "2000"), UsageError);
  EXPECT_THROW(books().get("in_print", 1), UsageError);
  EXPECT_THROW(books().filter(Q("title", "x") | ~Q("price__lt", "cheap")), UsageError);
  EXPECT_THROW(books().filter("published_on", sys_days(2020y / 3 / 1) + 1h), UsageError)
      << "a timestamp is not a date";
}

TEST_P(ValueChecksTest, ListsAndRangesCheckEveryElement) {
  EXPECT_THROW(books().filter("published_year__in", std::vector<covet::Value>{covet::Value(std::int64_t{2020}), covet::Value("x")}),
               UsageError);
  EXPECT_THROW(books().filter("title__in", {1, 2}), UsageError);
  EXPECT_THROW(books().filter("published_year__range", std::pair{2010, "2020"}), UsageError);
}

TEST_P(ValueChecksTest, ValuesAcrossRelationsAreCheckedAgainstTheRelatedColumn) {
  std::string what = error_message<UsageError>([&] { books().filter("author__age__gte", "old"); });
  EXPECT_NE(what.find("Author.age"), std::string::npos) << what;
  EXPECT_THROW(authors().filter("books__title", 7), UsageError);
  EXPECT_THROW(books().filter("author", "Alice"), UsageError) << "a foreign key to Author takes its integer key";
}

TEST_P(ValueChecksTest, UpdateValuesFollowTheSameRule) {
  std::string what = error_message<UsageError>([&] { books().update({{"published_year", "2020"}}); });
  EXPECT_NE(what.find("Book.published_year"), std::string::npos) << what;
  EXPECT_NE(what.find("integer"), std::string::npos) << what;
  EXPECT_NE(what.find("text"), std::string::npos) << what;
}

TEST_P(ValueChecksTest, ValuesThatFitStillMatch) {
  EXPECT_EQ(titles(books().filter("price", 15)), (Titles{"Élan vital"})) << "an integer for a real column";
  EXPECT_EQ(titles(books().filter("format", library::Format::Ebook)), (Titles{"C++ Primer"}));
  EXPECT_EQ(titles(books().filter("published_year__contains", "01")), (Titles{"100% Pure_Fun", "C++ Primer", "Élan vital"}))
      << "pattern lookups compare a number column by its text, as Django does";
  EXPECT_EQ(titles(books().filter("title__contains", 100)), (Titles{"100% Pure_Fun"}));
  EXPECT_EQ(titles(books().filter("editor", nullptr)), (Titles{"100% Pure_Fun", "Advanced Python"}));
}

TEST_P(ValueChecksTest, AnObjectMeetingAToFieldRelationIsItsToFieldValue) {
  EXPECT_EQ(skus(stocks().filter("warehouse", north)), (std::vector<std::string>{"bolt"}));
  EXPECT_EQ(skus(stocks().exclude("warehouse", north)), (std::vector<std::string>{"nut"}));
  EXPECT_EQ(skus(stocks().filter("warehouse__in", std::vector<qry::Warehouse>{north, south})),
            (std::vector<std::string>{"bolt", "nut"}));
  EXPECT_EQ(skus(stocks().filter("warehouse", "S1")), (std::vector<std::string>{"nut"}));
}

TEST_P(ValueChecksTest, ARefHoldingAnObjectMeetingAToFieldRelationIsItsToFieldValue) {
  EXPECT_EQ(skus(stocks().filter("warehouse", covet::Ref<qry::Warehouse>(south))), (std::vector<std::string>{"nut"}));
  EXPECT_EQ(skus(stocks().filter("warehouse", bolts.warehouse)), (std::vector<std::string>{"bolt"}));
}

TEST_P(ValueChecksTest, UpdateWithAnObjectOfAToFieldRelationStoresItsToFieldValue) {
  EXPECT_EQ(stocks().filter("sku", "bolt").update({{"warehouse", south}}), 1);
  EXPECT_EQ(stocks().get("sku", "bolt").warehouse.key(), covet::Value("S1"));
  EXPECT_EQ(stocks().filter("sku", "nut").update({{"warehouse", covet::Ref<qry::Warehouse>(north)}}), 1);
  EXPECT_EQ(stocks().get("sku", "nut").warehouse.key(), covet::Value("N1"));
}

TEST_P(ValueChecksTest, AnObjectOfAnotherModelIsAUsageError) {
  std::string what = error_message<UsageError>([&] { stocks().filter("warehouse", alice); });
  EXPECT_NE(what.find("Author"), std::string::npos) << what;
  EXPECT_NE(what.find("Warehouse"), std::string::npos) << what;
  EXPECT_THROW(books().filter("author", penguin), UsageError);
  EXPECT_THROW(books().update({{"author", penguin}}), UsageError);
}

TEST_P(ValueChecksTest, APatternValueWithANulByteIsAUsageErrorOnBothBackends) {
  const std::string nul("Pyth\0zzz", 8);
  for (const char* lookup : {"title__contains", "title__icontains", "title__startswith", "title__istartswith",
                             "title__endswith", "title__iendswith"}) {
    std::string what = error_message<UsageError>([&] { books().filter(lookup, nul); });
    EXPECT_NE(what.find("NUL"), std::string::npos) << lookup << ": " << what;
    EXPECT_NE(what.find("Book.title"), std::string::npos) << lookup << ": " << what;
  }
  EXPECT_THROW(books().exclude(Q("title__contains", nul) | Q("pk", 1)), UsageError);
}

COVET_INSTANTIATE_BACKENDS(ValueChecksTest);

}  // namespace
}  // namespace query_test

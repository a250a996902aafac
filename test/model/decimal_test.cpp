// covet::Decimal as a value: exact text in and out, comparisons, arithmetic,
// and the refusals (malformed text, more decimals than it holds, digits
// beyond its column). And the SQLite collation that orders decimal text.
#include "backend/decimal_collation.hpp"

#include <covet/decimal.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>

#include <gtest/gtest.h>

#include <sstream>

namespace {

using Price = covet::Decimal<10, 2>;
using covet::detail::compare_decimal_text;

TEST(DecimalValue, TextIsReadExactly) {
  EXPECT_EQ(Price("12.30").units(), 1230);
  EXPECT_EQ(Price("12.3").units(), 1230);
  EXPECT_EQ(Price("12").units(), 1200);
  EXPECT_EQ(Price("-0.5").units(), -50);
  EXPECT_EQ(Price("+.25").units(), 25);
  EXPECT_EQ(Price("0.10").units() + Price("0.20").units(), Price("0.30").units());
}

TEST(DecimalValue, TrailingZerosBeyondThePlacesAreAccepted) {
  EXPECT_EQ(Price("9.9900").units(), 999);
}

TEST(DecimalValue, TextIsWrittenWithEveryPlace) {
  EXPECT_EQ(Price("12.3").to_string(), "12.30");
  EXPECT_EQ(Price::from_units(-5).to_string(), "-0.05");
  EXPECT_EQ(Price().to_string(), "0.00");
  EXPECT_EQ((covet::Decimal<5, 0>::from_units(42).to_string()), "42");
  EXPECT_EQ((covet::Decimal<18, 18>::from_units(1).to_string()), "0.000000000000000001");
  std::ostringstream os;
  os << Price("7.5");
  EXPECT_EQ(os.str(), "7.50");
}

TEST(DecimalValue, MalformedTextIsAUsageError) {
  for (const char* bad : {"", "abc", "1.2.3", "1e5", " 1", "1 ", ".", "-", "12,30"})
    EXPECT_THROW(Price{bad}, covet::UsageError) << "'" << bad << "'";
}

TEST(DecimalValue, MoreDecimalsThanItHoldsIsRefusedNotRounded) {
  EXPECT_THROW(Price("9.995"), covet::DataError);
  EXPECT_THROW(Price("0.001"), covet::DataError);
}

TEST(DecimalValue, MoreThanEighteenDigitsIsADataError) {
  EXPECT_THROW(Price("123456789012345678901"), covet::DataError);
}

TEST(DecimalValue, FromIntegerScalesByThePlaces) {
  EXPECT_EQ(Price::from_integer(12), Price("12.00"));
  EXPECT_THROW(Price::from_integer(INT64_MAX / 10), covet::DataError);
}

TEST(DecimalValue, ComparesByValue) {
  EXPECT_LT(Price("9.99"), Price("10"));
  EXPECT_LT(Price("-1"), Price("0.01"));
  EXPECT_EQ(Price("1.50"), Price("1.5"));
  EXPECT_GT(Price("100"), Price("99.99"));
}

TEST(DecimalValue, AdditionAndSubtractionAreExact) {
  EXPECT_EQ(Price("0.10") + Price("0.20"), Price("0.30"));
  EXPECT_EQ(Price("1.00") - Price("2.50"), Price("-1.50"));
  EXPECT_EQ(-Price("3.25"), Price("-3.25"));
  Price p("1");
  p += Price("0.01");
  EXPECT_EQ(p, Price("1.01"));
  EXPECT_THROW(Price::from_units(INT64_MAX) + Price::from_units(1), covet::DataError);
}

TEST(DecimalValue, FitsSaysWhetherTheColumnHoldsIt) {
  EXPECT_TRUE(Price("99999999.99").fits());
  EXPECT_FALSE(Price("100000000.00").fits());
  EXPECT_TRUE(Price("-99999999.99").fits());
}

TEST(DecimalValue, AValueBeyondItsDigitsIsRefusedBeforeAnyStatement) {
  // to_value is what every write and every filter binds.
  EXPECT_THROW(covet::to_value(Price("100000000.00")), covet::DataError);
  std::string what;
  try {
    covet::to_value(Price("123456789.00"));
  } catch (const covet::DataError& e) {
    what = e.what();
  }
  EXPECT_NE(what.find("NUMERIC(10, 2)"), std::string::npos) << what;
  EXPECT_NE(what.find("123456789.00"), std::string::npos) << what;
}

TEST(DecimalValue, ReadsDecimalsOfAnotherScaleExactly) {
  using Traits = covet::FieldTraits<Price>;
  EXPECT_EQ(Traits::from_value(covet::Value(covet::DecimalValue{9990, 3})), Price("9.99"));
  EXPECT_EQ(Traits::from_value(covet::Value(covet::DecimalValue{5, 0})), Price("5"));
  EXPECT_EQ(Traits::from_value(covet::Value(std::int64_t{7})), Price("7"));
  EXPECT_EQ(Traits::from_value(covet::Value("3.1")), Price("3.10"));
  EXPECT_THROW(Traits::from_value(covet::Value(covet::DecimalValue{9995, 3})), covet::DataError);
  EXPECT_THROW(Traits::from_value(covet::Value(1.5)), covet::UsageError);
}

TEST(DecimalCollation, OrdersDecimalTextByValue) {
  EXPECT_LT(compare_decimal_text("9.99", "10.00"), 0);
  EXPECT_LT(compare_decimal_text("-2", "-1.5"), 0);
  EXPECT_LT(compare_decimal_text("-0.01", "0"), 0);
  EXPECT_GT(compare_decimal_text("100", "99.999"), 0);
  EXPECT_LT(compare_decimal_text("0.5", "0.51"), 0);
  EXPECT_GT(compare_decimal_text("0.6", "0.51"), 0);
}

TEST(DecimalCollation, EqualNumbersInAnySpellingAreEqual) {
  EXPECT_EQ(compare_decimal_text("12.3", "12.30"), 0);
  EXPECT_EQ(compare_decimal_text("007", "7.000"), 0);
  EXPECT_EQ(compare_decimal_text("-0.00", "0"), 0);
  EXPECT_EQ(compare_decimal_text("+1", "1"), 0);
}

TEST(DecimalCollation, TextThatIsNoNumberSortsAfterEveryNumber) {
  EXPECT_LT(compare_decimal_text("99999", "abc"), 0);
  EXPECT_GT(compare_decimal_text("abc", "-1"), 0);
  EXPECT_LT(compare_decimal_text("abc", "abd"), 0);
  EXPECT_EQ(compare_decimal_text("x", "x"), 0);
}

}  // namespace

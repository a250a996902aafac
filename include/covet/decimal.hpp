// covet::Decimal<Digits, Places> is an exact decimal number for money and
// other quantities that binary floating point cannot hold (0.10 + 0.20 is
// 0.30 here): Django's DecimalField(max_digits=Digits, decimal_places=Places).
//
//   struct [[covet::model]] Product {
//     covet::Id id;
//     covet::Decimal<10, 2> price;                 // NUMERIC(10, 2)
//     std::optional<covet::Decimal<10, 2>> discount;
//   };
//
//   covet::Decimal<10, 2> price("12.30");          // from text: exact
//   auto cents = covet::Decimal<10, 2>::from_units(1230);  // 1230 hundredths = 12.30
//   price.to_string();                             // "12.30"
//   db.objects<Product>().filter("price__gt", covet::Decimal<10, 2>("9.99")).order_by("price");
//
// The value is a 64-bit count of units of 10^-Places (so Digits is at most
// 18, which a 64-bit integer always holds), without any floating point: there
// is no conversion from double (to_double() goes the other way, approximately,
// for display). Digits counts every digit, Places those after the point, as in
// SQL's NUMERIC(Digits, Places): Decimal<10, 2> holds up to 99999999.99.
// Arithmetic (+, -) is exact; a result may exceed Digits, and such a value is
// refused with covet::DataError when it is written to a column or bound in a
// filter, before any statement runs.
//
// In the database: NUMERIC(Digits, Places) on PostgreSQL; on SQLite the
// canonical text ("12.30") in a TEXT column with Covet's numeric collation
// covet_decimal, so that =, <, BETWEEN, IN, ORDER BY and UNIQUE compare
// numbers exactly (12.3 = 12.30 < 100), whatever the scale of the value they
// meet: a Decimal<10, 3>, an integer or text. See docs/models.md, "Field types".
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace covet {

namespace detail {

constexpr std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Parses decimal text ("-12.30", "7", ".5", "+1.") into a count of units of
// 10^-places. Throws UsageError when the text is not a decimal number,
// DataError when it has non-zero digits beyond `places` or exceeds 18 digits.
// `type` names the target in messages ("covet::Decimal<10, 2>").
std::int64_t parse_decimal_units(std::string_view text, int places, std::string_view type);
// "12.30" for (1230, 2).
std::string format_decimal(std::int64_t units, int places);
// The DataError of a value with more than `digits` digits.
[[noreturn]] void throw_decimal_out_of_range(std::int64_t units, int digits, int places);
// The DataError of an exact operation whose result leaves 64 bits.
[[noreturn]] void throw_decimal_overflow(const char* operation, int places);

}  // namespace detail

template <int Digits, int Places>
class Decimal {
  static_assert(Digits >= 1 && Digits <= 18,
                "covet::Decimal<Digits, Places>: Digits must be 1..18 (a 64-bit integer holds 18 decimal "
                "digits exactly; wider NUMERIC columns are not supported)");
  static_assert(Places >= 0 && Places <= Digits, "covet::Decimal<Digits, Places>: Places must be 0..Digits");

 public:
  static constexpr int digits = Digits;
  static constexpr int places = Places;
  // Units per 1: 100 for Decimal<10, 2>.
  static constexpr std::int64_t scale = detail::pow10(Places);
  // The largest number of units the column holds: 9999999999 for Decimal<10, 2>.
  static constexpr std::int64_t max_units = detail::pow10(Digits) - 1;

  // Zero.
  constexpr Decimal() noexcept = default;
  // From text, exactly: "12.30", "12.3", "-0.5", "12". Throws UsageError when
  // it is not a number, DataError when it has more than Places non-zero
  // decimals ("12.345" for two places: round it yourself, Covet never does).
  explicit Decimal(std::string_view text) : units_(detail::parse_decimal_units(text, Places, type_name())) {}

  // `units` units of 10^-Places: from_units(1230) is 12.30 for two places.
  static constexpr Decimal from_units(std::int64_t units) noexcept {
    Decimal d;
    d.units_ = units;
    return d;
  }
  // A whole number: from_integer(12) is 12.00. Throws DataError when it does
  // not fit 64 bits of units.
  static constexpr Decimal from_integer(std::int64_t whole) {
    std::int64_t units = 0;
    if (__builtin_mul_overflow(whole, scale, &units)) detail::throw_decimal_overflow("from_integer", Places);
    return from_units(units);
  }

  constexpr std::int64_t units() const noexcept { return units_; }
  // Whether the value has at most Digits digits (what the column holds).
  constexpr bool fits() const noexcept { return units_ >= -max_units && units_ <= max_units; }
  // "12.30": always Places decimals.
  std::string to_string() const { return detail::format_decimal(units_, Places); }
  // The nearest double, for display or statistics; not exact.
  double to_double() const noexcept { return static_cast<double>(units_) / static_cast<double>(scale); }

  friend constexpr bool operator==(Decimal, Decimal) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(Decimal, Decimal) noexcept = default;

  // Exact; throws DataError when the result leaves 64 bits of units.
  friend constexpr Decimal operator+(Decimal a, Decimal b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.units_, b.units_, &r)) detail::throw_decimal_overflow("+", Places);
    return from_units(r);
  }
  friend constexpr Decimal operator-(Decimal a, Decimal b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.units_, b.units_, &r)) detail::throw_decimal_overflow("-", Places);
    return from_units(r);
  }
  friend constexpr Decimal operator-(Decimal a) { return Decimal() - a; }
  constexpr Decimal& operator+=(Decimal b) { return *this = *this + b; }
  constexpr Decimal& operator-=(Decimal b) { return *this = *this - b; }

  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, Decimal d) {
    return os << d.to_string().c_str();
  }

  // "covet::Decimal<10, 2>", for messages.
  static std::string type_name() {
    return "covet::Decimal<" + std::to_string(Digits) + ", " + std::to_string(Places) + ">";
  }

 private:
  std::int64_t units_ = 0;
};

}  // namespace covet

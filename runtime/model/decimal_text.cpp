// The text form of exact decimals (covet::Decimal, covet::DecimalValue):
// parsing is exact or refused, never rounded, so a value read back is the
// value written.
#include <covet/decimal.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/value.hpp>

#include <cstdlib>
#include <limits>
#include <string>

namespace covet {

namespace detail {

std::int64_t parse_decimal_units(std::string_view text, int places, std::string_view type) {
  auto malformed = [&]() -> std::int64_t {
    throw UsageError("'" + std::string(text) + "' is not a decimal number for " + std::string(type) +
                     " (write it like \"12.30\", \"-0.5\" or \"7\")");
  };
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  // Accumulate the magnitude as a negative number: INT64_MIN has no positive twin.
  std::int64_t units = 0;
  bool digits = false, dropped_nonzero = false;
  int decimals = 0;
  bool overflow = false;
  auto push = [&](int digit) {
    if (__builtin_mul_overflow(units, 10, &units) || __builtin_sub_overflow(units, digit, &units)) overflow = true;
  };
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    digits = true;
    push(text[i] - '0');
  }
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      digits = true;
      if (decimals < places) {
        push(text[i] - '0');
        ++decimals;
      } else if (text[i] != '0') {
        dropped_nonzero = true;
      }
    }
  }
  if (!digits || i != text.size()) return malformed();
  for (; decimals < places; ++decimals) push(0);
  if (dropped_nonzero)
    throw DataError("'" + std::string(text) + "' has more than " + std::to_string(places) +
                    " decimal places, which " + std::string(type) +
                    " cannot hold exactly; round it before storing it (Covet never rounds)");
  if (overflow || (!negative && units == std::numeric_limits<std::int64_t>::min()))
    throw DataError("'" + std::string(text) + "' has more digits than " + std::string(type) +
                    " can hold (at most 18)");
  return negative ? units : -units;
}

std::string format_decimal(std::int64_t units, int places) {
  // Magnitude as unsigned: -INT64_MIN does not fit int64.
  const bool negative = units < 0;
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  std::string digits = std::to_string(magnitude);
  if (places > 0) {
    if (digits.size() <= static_cast<std::size_t>(places))
      digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

void throw_decimal_out_of_range(std::int64_t units, int digits, int places) {
  throw DataError("the value " + format_decimal(units, places) + " does not fit NUMERIC(" + std::to_string(digits) +
                  ", " + std::to_string(places) + "): it holds at most " + std::to_string(digits - places) +
                  " digit(s) before the point and " + std::to_string(places) + " after");
}

void throw_decimal_overflow(const char* operation, int places) {
  throw DataError(std::string("covet::Decimal ") + operation + ": the result leaves the range of 18 digits (" +
                  std::to_string(places) + " after the point)");
}

std::int64_t value_to_decimal_units(const Value& value, int digits, int places, std::string_view type) {
  std::int64_t units = 0;
  switch (value.kind()) {
    case Value::Kind::Decimal: {
      const DecimalValue d = value.as_decimal();
      if (d.places <= places) {
        if (__builtin_mul_overflow(d.units, pow10(places - d.places), &units))
          throw_decimal_out_of_range(d.units, digits, d.places);
      } else {
        const std::int64_t divisor = pow10(d.places - places);
        if (d.units % divisor != 0)
          throw DataError("the value " + d.to_string() + " has more than " + std::to_string(places) +
                          " decimal places, which " + std::string(type) +
                          " cannot hold exactly; round it before storing it (Covet never rounds)");
        units = d.units / divisor;
      }
      break;
    }
    case Value::Kind::Text: units = parse_decimal_units(value.as_text(), places, type); break;
    case Value::Kind::Integer:
      if (__builtin_mul_overflow(value.as_integer(), pow10(places), &units))
        throw_decimal_out_of_range(value.as_integer(), digits, 0);
      break;
    default: throw_conversion_error(value, type);
  }
  if (units < -(pow10(digits) - 1) || units > pow10(digits) - 1) throw_decimal_out_of_range(units, digits, places);
  return units;
}

}  // namespace detail

std::string DecimalValue::to_string() const { return detail::format_decimal(units, places); }

}  // namespace covet

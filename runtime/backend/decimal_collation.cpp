#include "backend/decimal_collation.hpp"

#include "sql/dialect.hpp"

#include <sqlite3.h>

namespace covet::detail {

namespace {

// A decimal number split for comparison: sign, integer digits without
// leading zeros, fraction digits without trailing zeros.
struct DecimalParts {
  bool valid = false;
  bool negative = false;
  std::string_view whole;
  std::string_view fraction;
};

DecimalParts split(std::string_view s) {
  DecimalParts p;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) p.negative = s[i++] == '-';
  const std::size_t whole_begin = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  std::string_view whole = s.substr(whole_begin, i - whole_begin);
  std::string_view fraction;
  if (i < s.size() && s[i] == '.') {
    const std::size_t fraction_begin = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    fraction = s.substr(fraction_begin, i - fraction_begin);
  }
  if (i != s.size() || (whole.empty() && fraction.empty())) return p;
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  p.valid = true;
  p.whole = whole;
  p.fraction = fraction;
  if (whole.empty() && fraction.empty()) p.negative = false;  // -0 is 0
  return p;
}

int sign_of(int c) { return (c > 0) - (c < 0); }

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
  if (a.whole.size() != b.whole.size()) return a.whole.size() < b.whole.size() ? -1 : 1;
  if (int c = a.whole.compare(b.whole)) return sign_of(c);
  // Without trailing zeros, fractions compare as strings: "5" < "51" < "6".
  return sign_of(a.fraction.compare(b.fraction));
}

int collate(void*, int na, const void* pa, int nb, const void* pb) {
  return compare_decimal_text(std::string_view(static_cast<const char*>(pa), static_cast<std::size_t>(na)),
                              std::string_view(static_cast<const char*>(pb), static_cast<std::size_t>(nb)));
}

}  // namespace

int compare_decimal_text(std::string_view a, std::string_view b) noexcept {
  const DecimalParts x = split(a), y = split(b);
  if (!x.valid || !y.valid) {
    if (x.valid != y.valid) return x.valid ? -1 : 1;
    return sign_of(a.compare(b));
  }
  if (x.negative != y.negative) return x.negative ? -1 : 1;
  const int c = compare_magnitude(x, y);
  return x.negative ? -c : c;
}

int register_decimal_collation(sqlite3* db) {
  return sqlite3_create_collation_v2(db, kDecimalCollation, SQLITE_UTF8, nullptr, &collate, nullptr);
}

}  // namespace covet::detail

// The SQLite collation of covet::Decimal columns ("covet_decimal"): decimal
// text in numeric order, so that "12.3" = "12.30" < "100" and "-2" < "-1.5".
// Comparisons against the column use it whatever the other operand is (SQLite
// applies a column's collation and TEXT affinity to a bound value, turning an
// integer 10 into "10"), so a filter value of any scale compares exactly.
// Text that is not a decimal number sorts after every number, bytewise, so
// the order stays total (SQLite's indexes require it).
#pragma once

#include <string_view>

struct sqlite3;

namespace covet::detail {

// <0, 0 or >0 as a is numerically less than, equal to or greater than b.
int compare_decimal_text(std::string_view a, std::string_view b) noexcept;

// Registers the collation on a connection; returns SQLite's result code.
int register_decimal_collation(sqlite3* db);

}  // namespace covet::detail

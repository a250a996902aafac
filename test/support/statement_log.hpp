// The SQL a piece of code runs, for tests that assert on the statements'
// text rather than their count (COVET_EXPECT_NUM_QUERIES counts them).
//
//   auto sql = covet::test::statements_of(*database, [&] { manager.add(ann); });
//   EXPECT_TRUE(covet::test::any_contains(sql, "FOR UPDATE"));
#pragma once

#include <covet/database.hpp>
#include <covet/testing.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace covet::test {

// The SQL of the statements fn() runs on `db`, in order.
template <class F>
std::vector<std::string> statements_of(covet::Database& db, F&& fn) {
  covet::QueryCounter counter(db);
  std::forward<F>(fn)();
  std::vector<std::string> out;
  for (const covet::QueryLogEntry& e : counter.entries()) out.push_back(e.sql);
  return out;
}

// Whether any of `sql` contains `part`.
inline bool any_contains(const std::vector<std::string>& sql, const std::string& part) {
  return std::any_of(sql.begin(), sql.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace covet::test

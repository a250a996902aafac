// The benchmark's cases (issue 6; docs/performance.md explains each). A case
// is one piece of work done two ways, through Covet and by hand-written
// sqlite3 / libpq code (raw_cases.hpp), on the same data (targets.hpp). Both
// sides read the same rows and columns into objects and return a checksum
// over them, which the harness hands to benchmark::DoNotOptimize and
// compares between the sides.
#pragma once

#include "targets.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace covet_bench {

enum class Side { Covet, Raw };

// What the issue asks of a case: Covet's time within 1.15x of the
// hand-written code (loads and prefetch), within 1.3x (get by key), at least
// 90% of its row throughput (bulk insert), or nothing (reported only).
enum class Goal { Load, GetByKey, Insert, None };

struct Case {
  std::string id;     // in benchmark names: "load_users/100"
  std::string title;  // in the table: "load all users, 100 rows"
  Dataset dataset = Dataset::Empty;
  Goal goal = Goal::None;
  std::int64_t rows_written = 0;  // per iteration, for rows/s (inserts)
  bool same_checksum = true;      // both sides read the same rows (not for writes)
  // The statements Covet promises for one iteration on this world.
  std::function<std::size_t(World&)> promised;
  // Untimed set-up before each iteration (the cascade case's rows); may be empty.
  std::function<void(World&, Side)> prepare;
  std::function<std::int64_t(World&)> covet;
  std::function<std::int64_t(World&)> raw;
};

// Every case, in the order they run (grouped by data set, so each world is
// built once per target).
const std::vector<Case>& all_cases();

}  // namespace covet_bench

// What covet_bench prints after the runs: one row per case and target with
// Covet's time, the hand-written code's time (medians of the timed runs),
// their ratio, the goal, PASS or MISS, and the statements Covet ran
// per run against those it promises. Google Benchmark's own lines are printed
// as they come (CollectingReporter is its console reporter); --table_out=<file>
// also writes the table as JSON for bench/compare.py, which adds Django's
// column.
#pragma once

#include "cases.hpp"
#include "targets.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace covet_bench {

// One side's runs of a case on a target.
struct SideResult {
  std::string error;           // what it threw; then it was not timed
  std::vector<double> samples; // seconds per run, one per timed iteration
  std::size_t statements = 0;  // run by one run (Covet: covet::QueryCounter)
  std::int64_t checksum = 0;   // of one run's objects
  int block = 1;               // runs per timed block (very short runs repeat)
};

// A case on a target: both sides, measured by one benchmark.
struct Measurement {
  const Case* c = nullptr;
  Target target{};
  bool ran = false;            // Google Benchmark reported it
  bool counted = false;        // the untimed first runs happened
  std::string error;           // the benchmark failed as a whole (building the data)
  SideResult covet;
  SideResult raw;
  std::size_t promised = 0;    // what Covet promises for one run (Case::promised)
  std::int64_t sampled_iterations = 0;  // the iteration count the samples belong to
};

// The median sample (0 when there are none).
double seconds(const SideResult& r);

std::map<std::string, Measurement>& measurements();

// "load_users/100/sqlite-wal"
std::string benchmark_name(const Case& c, Target target);

// The console reporter, noting which benchmarks ran (or failed).
class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;
  void ReportRuns(const std::vector<Run>& runs) override;
};

// The table, as Markdown (it reads as well in a terminal).
void print_table(std::ostream& out, const std::vector<Target>& targets);
// The same rows as JSON.
void write_json(const std::string& path, const std::vector<Target>& targets);

}  // namespace covet_bench

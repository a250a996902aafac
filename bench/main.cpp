// covet_bench: Covet against hand-written sqlite3 / libpq code, case by case
// (docs/performance.md), then the comparison table.
//
//   covet_bench [--table_out=<file.json>] [Google Benchmark flags]
//
// One Google Benchmark per case and target runs both sides in turn, each
// iteration timing one Covet run and one hand-written run back to back (in
// alternating order), so that a burst of load from elsewhere on the machine
// hits both sides alike; the table compares the median run of each side.
// SQLite targets are timed in thread CPU time, PostgreSQL in wall time (see
// Stopwatch). Google Benchmark's flags work as usual
// (--benchmark_filter=prefetch, --benchmark_min_time=2, --benchmark_out=...);
// its Time column is one iteration of both sides together, and the counters
// covet_us / raw_us / ratio are the table's medians.
//
// PostgreSQL runs when COVET_BENCH_POSTGRES_URL names a server (`make bench`
// starts one on 127.0.0.1); it is skipped, with a note, otherwise.
#include "cases.hpp"
#include "report.hpp"
#include "targets.hpp"

#include <benchmark/benchmark.h>
#include <covet/covet.hpp>
#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace covet_bench {
namespace {

// Passed as flags ahead of the command line's (the last one wins), so that
// benchmark names stay short: half a second of timed work per case and
// target, both sides together.
const char* const kDefaultFlags[] = {"--benchmark_min_time=0.5"};

// Before timing, each side runs until this much time has passed (at least
// twice): the allocator and the caches settle (a first select_related over
// 10,000 books is several times slower than the next ones).
constexpr double kWarmUpSeconds = 0.1;
// A timed block repeats a run that is faster than this, so that reading the
// clock stays a small part of what is measured.
constexpr double kBlockSeconds = 50e-6;
// Each side gets at least this many timed runs (slow cases need more than
// Google Benchmark's time budget gives them), for a meaningful median.
constexpr std::size_t kMinSamples = 5;

// The clock a target is timed with. SQLite runs inside this thread, so its
// CPU time is what the work costs, whatever else the machine is running
// (wall time on a shared machine measures the other processes too).
// PostgreSQL does half the work in the server process: wall time there.
class Stopwatch {
 public:
  explicit Stopwatch(Target target) : cpu_(target != Target::Postgres) { start_ = now(); }
  double seconds() const { return now() - start_; }

 private:
  double now() const {
    timespec ts{};
    clock_gettime(cpu_ ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  bool cpu_;
  double start_;
};

std::size_t raw_statements(World& w) {
  return w.with_raw([](auto& db) { return db.statements(); });
}

std::int64_t run_side(const Case& c, World& w, Side side) { return side == Side::Covet ? c.covet(w) : c.raw(w); }

// One untimed run that counts the statements and keeps the checksum, then
// the warm-up; returns the runs per timed block. Errors are the side's.
int count_and_warm_up(const Case& c, World& w, Target target, Side side, SideResult& r) {
  try {
    if (c.prepare) c.prepare(w, side);
    if (side == Side::Covet) {
      covet::QueryCounter counter(*w.db);
      r.checksum = run_side(c, w, side);
      r.statements = counter.count();
    } else {
      const std::size_t before = raw_statements(w);
      r.checksum = run_side(c, w, side);
      r.statements = raw_statements(w) - before;
    }
    double fastest = 1e9;
    const Stopwatch warm_up(target);
    for (int runs = 0; runs < 2 || warm_up.seconds() < kWarmUpSeconds; ++runs) {
      if (c.prepare) c.prepare(w, side);
      const Stopwatch one(target);
      benchmark::DoNotOptimize(run_side(c, w, side));
      fastest = std::min(fastest, one.seconds());
    }
    if (c.prepare) return 1;
    return std::max(1, static_cast<int>(kBlockSeconds / std::max(fastest, 1e-9)));
  } catch (const std::exception& e) {
    r.error = e.what();
    return 0;
  }
}

void run(benchmark::State& state, const Case& c, Target target, Measurement& m) {
  try {
    World& w = world(target, c.dataset);
    if (!m.counted) {  // Google Benchmark calls us more than once
      m.covet.block = count_and_warm_up(c, w, target, Side::Covet, m.covet);
      m.raw.block = count_and_warm_up(c, w, target, Side::Raw, m.raw);
      m.promised = c.promised(w);
      m.counted = true;
    }
    if (!m.covet.error.empty() && !m.raw.error.empty()) {
      state.SkipWithError(("both sides failed; Covet: " + m.covet.error).c_str());
      return;
    }
    // Calls with another iteration count are Google Benchmark's estimates;
    // repetitions repeat the final count and add their samples.
    if (state.max_iterations != m.sampled_iterations) {
      m.covet.samples.clear();
      m.raw.samples.clear();
      m.sampled_iterations = state.max_iterations;
    }
    std::int64_t iteration = 0;
    // Times one run of each side (a block of runs when they are short),
    // Covet first on even iterations; returns the time of both.
    const auto pair = [&] {
      double total = 0;
      for (int turn = 0; turn < 2; ++turn) {
        const Side side = (turn == 0) == (iteration % 2 == 0) ? Side::Covet : Side::Raw;
        SideResult& r = side == Side::Covet ? m.covet : m.raw;
        if (!r.error.empty()) continue;
        if (c.prepare) c.prepare(w, side);
        const Stopwatch block(target);
        for (int i = 0; i < r.block; ++i) benchmark::DoNotOptimize(run_side(c, w, side));
        const double seconds = block.seconds();
        r.samples.push_back(seconds / r.block);
        total += seconds;
      }
      ++iteration;
      return total;
    };
    for (auto _ : state) state.SetIterationTime(pair());
    while ((m.covet.error.empty() && m.covet.samples.size() < kMinSamples) ||
           (m.raw.error.empty() && m.raw.samples.size() < kMinSamples))
      pair();
    const double covet = seconds(m.covet);
    const double raw = seconds(m.raw);
    state.counters["covet_us"] = covet * 1e6;
    state.counters["raw_us"] = raw * 1e6;
    if (covet > 0 && raw > 0) state.counters["ratio"] = covet / raw;
    state.counters["statements"] = static_cast<double>(m.covet.statements);
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
  }
}

void register_all(const std::vector<Target>& targets) {
  for (Target target : targets) {
    for (const Case& c : all_cases()) {
      const std::string name = benchmark_name(c, target);
      Measurement& m = measurements()[name];
      m.c = &c;
      m.target = target;
      benchmark::RegisterBenchmark(name.c_str(), [&c, target, &m](benchmark::State& state) {
        run(state, c, target, m);
      })->UseManualTime()->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace
}  // namespace covet_bench

int main(int argc, char** argv) {
  using namespace covet_bench;
  // Keep freed memory in the process: glibc otherwise gives the top of the
  // heap back (brk) and maps big blocks afresh (mmap) run after run, and on
  // a virtual machine the page faults and TLB flushes that follow cost more
  // than the work measured (40% of an in-memory insert of 100 rows), landing
  // on whichever side the heap layout picks.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  // Our own flag out first: Google Benchmark refuses flags it does not know.
  std::string table_out;
  std::vector<char*> args = {argv[0]};
  for (const char* flag : kDefaultFlags) args.push_back(const_cast<char*>(flag));
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--table_out="))
      table_out = std::string(arg.substr(std::strlen("--table_out=")));
    else
      args.push_back(argv[i]);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;

  std::vector<Target> targets = {Target::SqliteMemory, Target::SqliteWal};
  if (postgres_url().empty())
    std::cout << "note: COVET_BENCH_POSTGRES_URL is not set: the PostgreSQL target is skipped "
                 "(`make bench` starts a server and sets it)\n";
  else
    targets.push_back(Target::Postgres);
  register_all(targets);

  // Colours only on a terminal (Google Benchmark's "auto" looks at TERM alone).
  CollectingReporter reporter(isatty(STDOUT_FILENO) != 0 ? benchmark::ConsoleReporter::OO_ColorTabular
                                                         : benchmark::ConsoleReporter::OO_Tabular);
  int status = 0;
  try {
    benchmark::RunSpecifiedBenchmarks(&reporter);
    print_table(std::cout, targets);
    if (!table_out.empty()) write_json(table_out, targets);
  } catch (const std::exception& e) {
    std::cerr << "covet_bench: " << e.what() << '\n';
    status = 1;
  }
  drop_worlds();
  benchmark::Shutdown();
  return status;
}

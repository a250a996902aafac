// covet_tree_bench: the trees rows (issue 13; docs/performance.md, "Trees")
// through Covet's TreeNode / NestedSetNode and through hand-written SQL
// (tree_raw.hpp), on the same tree of 100,000 nodes (tree_shape.hpp), on
// SQLite in memory, SQLite in a WAL file and PostgreSQL.
//
//   covet_tree_bench [--out=<file.json>] [--filter=<row>] [--kind=al|ns] [--target=<name>]
//
// Each side has its own copy of both tables (its own database, file or
// schema). Per row and kind, each side runs once untimed (counting its
// statements; a write is then checked: the table still holds a well-formed
// tree of the expected size), then the sides take turns, one timed run each,
// until every side has made at least five runs and half a second of them (or
// ten seconds passed). Before each run the side loads the nodes the row
// works on (untimed); after a run that wrote, the table is put back from its
// backup copy (untimed). SQLite is timed in thread CPU time, PostgreSQL in
// wall time, as covet_bench does. The medians are printed and, with --out,
// written as JSON for bench/compare_trees.py, which puts
// bench/django/trees_bench.py's peers beside them.
//
// PostgreSQL runs when COVET_BENCH_POSTGRES_URL names a server.
#include "tree_shape.hpp"
#include "trees_side.hpp"

#include "raw_postgres.hpp"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet_bench::trees {

std::string_view row_name(Row row) {
  switch (row) {
    case Row::Descendants: return "descendants";
    case Row::Ancestors: return "ancestors";
    case Row::AddChild: return "add_child";
    case Row::Move: return "move";
    case Row::Delete: return "delete";
  }
  return "?";
}

std::string_view target_name(Target target) {
  switch (target) {
    case Target::SqliteMemory: return "sqlite-memory";
    case Target::SqliteWal: return "sqlite-wal";
    case Target::Postgres: return "postgresql";
  }
  return "?";
}

namespace {

constexpr double kMinSeconds = 0.5;  // of timed runs, per side
constexpr std::size_t kMinRuns = 5;
constexpr std::size_t kFewestRuns = 3;  // when kMaxSeconds has passed
constexpr double kMaxSeconds = 10;      // per row and kind, all sides, restores included
constexpr const char* kSchemas[] = {"bench_trees_raw", "bench_trees_covet"};

class Stopwatch {
 public:
  explicit Stopwatch(bool cpu) : cpu_(cpu) { start_ = now(); }
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

struct Result {
  std::string side;  // "raw-al", "covet-ns"
  Target target{};
  Row row{};
  std::vector<double> samples;
  std::size_t statements = 0;
  std::int64_t checksum = 0;
  bool checked = true;  // a write left a well-formed tree of the expected size
  std::string error;
  double median() const {
    if (samples.empty()) return 0;
    std::vector<double> v = samples;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  }
};

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

std::string table_of(Kind kind) { return kind == Kind::AdjacencyList ? kAlTable : kNsTable; }
std::string columns_of(Kind kind) { return kind == Kind::AdjacencyList ? kAlColumns : kNsColumns; }
std::string_view kind_suffix(Kind kind) { return kind == Kind::AdjacencyList ? "al" : "ns"; }

void restore(Side& side, Kind kind, Target target) {
  side.exec_all(restore_statements(table_of(kind), columns_of(kind), target == Target::Postgres));
  // Every run starts from the same storage: without this, the dead rows
  // (PostgreSQL) and half-empty index pages (SQLite) each run and put-back
  // leave slow the next run by however much autovacuum has not caught up.
  side.exec(target == Target::Postgres ? "VACUUM " + table_of(kind) : std::string("VACUUM"));
}

void fill(Side& side, Target target) {
  side.create_tables();
  std::vector<std::string> statements = tree_population();
  for (Kind kind : kKinds)
    for (std::string& sql : backup_statements(table_of(kind))) statements.push_back(std::move(sql));
  side.exec_all(statements);
  if (target == Target::Postgres) {
    for (Kind kind : kKinds)
      side.query_int("SELECT setval(pg_get_serial_sequence('" + table_of(kind) + "', 'id'), " + std::to_string(kNodes) +
                     ")");
    side.exec("ANALYZE");
  }
}

int nodes_after(Row row) {
  switch (row) {
    case Row::AddChild: return kNodes + 1;
    case Row::Delete: return kNodes - kSubtree;
    default: return kNodes;
  }
}

// The first, untimed run: statements, checksum, and for a write the check
// of what it left (then the table is put back, and checked again).
void count_run(Side& side, Kind kind, Row row, Target target, Result& r) {
  side.load(kind, row);
  const std::size_t before = side.statements();
  r.checksum = side.run(kind, row);
  r.statements = side.statements() - before;
  if (!writes(row)) return;
  const bool ns = kind == Kind::NestedSet;
  r.checked = side.query_int(check_query(table_of(kind), ns, nodes_after(row))) == 0;
  if (row == Row::Move)
    r.checked = r.checked && side.query_int("SELECT parent_id FROM " + table_of(kind) + " WHERE id = " +
                                            std::to_string(id_of(kMoveNode))) == id_of(kMoveTo);
  restore(side, kind, target);
  if (side.query_int(check_query(table_of(kind), ns, kNodes)) != 0)
    throw std::runtime_error("the table was not put back as it was");
}

std::vector<Result> measure(std::vector<std::unique_ptr<Side>>& sides, Kind kind, Row row, Target target) {
  std::vector<Result> results(sides.size());
  for (std::size_t i = 0; i < sides.size(); ++i) {
    Result& r = results[i];
    r.side = std::string(sides[i]->name()) + "-" + std::string(kind_suffix(kind));
    r.target = target;
    r.row = row;
    try {
      count_run(*sides[i], kind, row, target, r);
    } catch (const std::exception& e) {
      r.error = e.what();
    }
  }
  const Stopwatch wall(false);
  const auto enough = [&](std::size_t runs, double seconds) {
    return (runs >= kMinRuns && seconds >= kMinSeconds) || (runs >= kFewestRuns && wall.seconds() >= kMaxSeconds);
  };
  std::vector<double> total(sides.size(), 0);
  for (std::size_t turn = 0;; ++turn) {
    bool done = true;
    for (std::size_t k = 0; k < sides.size(); ++k) {
      const std::size_t i = (k + turn) % sides.size();  // the sides take turns going first
      Result& r = results[i];
      if (!r.error.empty() || enough(r.samples.size(), total[i])) continue;
      done = false;
      try {
        sides[i]->load(kind, row);
        const Stopwatch one(target != Target::Postgres);
        sides[i]->run(kind, row);
        r.samples.push_back(one.seconds());
        total[i] += r.samples.back();
        if (writes(row)) restore(*sides[i], kind, target);
      } catch (const std::exception& e) {
        r.error = e.what();
      }
    }
    if (done) break;
  }
  return results;
}

std::string format_time(double seconds) {
  char buffer[64];
  if (seconds < 1e-3)
    std::snprintf(buffer, sizeof buffer, "%.1f µs", seconds * 1e6);
  else if (seconds < 1)
    std::snprintf(buffer, sizeof buffer, "%.2f ms", seconds * 1e3);
  else
    std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
  return buffer;
}

void print(const Result& r) {
  std::printf("trees   %-10s %-14s %-12s %12s  %5zu statements  (%zu runs)%s%s\n", r.side.c_str(),
              std::string(target_name(r.target)).c_str(), std::string(row_name(r.row)).c_str(),
              r.error.empty() ? format_time(r.median()).c_str() : "error", r.statements, r.samples.size(),
              r.checked ? "" : "  WRONG RESULT", r.error.empty() ? "" : ("  " + r.error).c_str());
  std::fflush(stdout);
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (static_cast<unsigned char>(ch) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(ch));
      out += buffer;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

void write_json(const std::string& path, const std::vector<Result>& results) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "[\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.9g", r.median());
    out << "  {\"row\": " << json_string(std::string(row_name(r.row))) << ", \"side\": " << json_string(r.side)
        << ", \"target\": " << json_string(std::string(target_name(r.target)))
        << ", \"seconds\": " << (r.error.empty() && !r.samples.empty() ? seconds : "null")
        << ", \"runs\": " << r.samples.size() << ", \"statements\": " << r.statements
        << ", \"checksum\": " << r.checksum << ", \"checked\": " << (r.checked ? "true" : "false")
        << ", \"error\": " << json_string(r.error) << "}" << (i + 1 < results.size() ? ",\n" : "\n");
  }
  out << "]\n";
}

struct Options {
  std::string out, filter, kind, target;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&](std::string_view flag, std::string& into) {
      if (!arg.starts_with(flag)) return false;
      into = std::string(arg.substr(flag.size()));
      return true;
    };
    if (!value("--out=", o.out) && !value("--filter=", o.filter) && !value("--kind=", o.kind) &&
        !value("--target=", o.target))
      throw std::runtime_error("unknown argument " + std::string(arg) +
                               " (--out=<file.json> --filter=<row> --kind=al|ns --target=<name>)");
  }
  return o;
}

void reset_schemas(const std::string& url, bool create) {
  raw::Postgres admin(url);
  for (const char* schema : kSchemas)
    admin.exec(std::string("DROP SCHEMA IF EXISTS ") + schema + " CASCADE" + (create ? std::string("; CREATE SCHEMA ") + schema : ""));
}

int run(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const std::string url = env("COVET_BENCH_POSTGRES_URL");
  std::vector<Target> targets = {Target::SqliteMemory, Target::SqliteWal};
  if (url.empty())
    std::cout << "note: COVET_BENCH_POSTGRES_URL is not set: the PostgreSQL target is skipped" << std::endl;
  else
    targets.push_back(Target::Postgres);

  std::string pattern = (std::filesystem::temp_directory_path() / "covet-tree-bench.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a directory under /tmp");
  const std::filesystem::path dir = pattern;
  std::vector<Result> all;
  try {
    for (Target target : targets) {
      if (!options.target.empty() && options.target != target_name(target)) continue;
      if (target == Target::Postgres) reset_schemas(url, true);
      std::vector<std::unique_ptr<Side>> sides;
      const auto place = [&](const char* name, const char* schema) {
        Place p;
        p.target = target;
        p.sqlite_path = target == Target::SqliteMemory ? ":memory:" : (dir / (std::string(name) + ".db")).string();
        p.postgres_url = url;
        p.postgres_schema = schema;
        return p;
      };
      sides.push_back(make_covet_side(place("covet", kSchemas[1])));
      sides.push_back(make_raw_side(place("raw", kSchemas[0])));
      for (auto& side : sides) {
        const Stopwatch filling(false);
        fill(*side, target);
        std::printf("trees   %-10s %-14s filled in %.1f s\n", std::string(side->name()).c_str(),
                    std::string(target_name(target)).c_str(), filling.seconds());
        std::fflush(stdout);
      }
      for (Kind kind : kKinds) {
        if (!options.kind.empty() && options.kind != kind_suffix(kind)) continue;
        for (Row row : kRows) {
          if (!options.filter.empty() && row_name(row).find(options.filter) == std::string_view::npos) continue;
          for (Result& r : measure(sides, kind, row, target)) {
            print(r);
            all.push_back(std::move(r));
          }
        }
      }
    }
  } catch (...) {
    std::filesystem::remove_all(dir);
    if (!url.empty()) reset_schemas(url, false);
    throw;
  }
  std::filesystem::remove_all(dir);
  if (!url.empty()) reset_schemas(url, false);
  if (!options.out.empty()) write_json(options.out, all);
  return 0;
}

}  // namespace
}  // namespace covet_bench::trees

int main(int argc, char** argv) {
  try {
    return covet_bench::trees::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "covet_tree_bench: " << e.what() << '\n';
    return 1;
  }
}

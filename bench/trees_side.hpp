// The trees bench (covet_tree_bench, docs/performance.md "Trees"): the rows
// and one "side" doing them, either the hand-written sqlite3 / libpq code
// (tree_raw.hpp) or Covet (trees_covet.cpp). The harness
// (trees_main.cpp) only sees this interface: it fills a side's tables, asks
// it to load the nodes a row works on (untimed), times run(), and puts the
// tables back after a write (untimed).
#pragma once

#include "tree_shape.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet_bench::trees {

enum class Target { SqliteMemory, SqliteWal, Postgres };
enum class Kind { AdjacencyList, NestedSet };
enum class Row { Descendants, Ancestors, AddChild, Move, Delete };

inline constexpr Row kRows[] = {Row::Descendants, Row::Ancestors, Row::AddChild, Row::Move, Row::Delete};
inline constexpr Kind kKinds[] = {Kind::AdjacencyList, Kind::NestedSet};

// "descendants", "ancestors", "add_child", "move", "delete": the names in
// the JSON output, as bench/django/trees_bench.py spells them.
std::string_view row_name(Row row);
std::string_view target_name(Target target);

// The nodes (indexes, tree_shape.hpp) a row loads before it runs: the node
// it reads or writes, then the move's target.
inline std::vector<int> row_nodes(Row row) {
  switch (row) {
    case Row::Descendants: return {kDescendantsOf};
    case Row::Ancestors: return {kLeaf};
    case Row::AddChild: return {kAddUnder};
    case Row::Move: return {kMoveNode, kMoveTo};
    case Row::Delete: return {kDeleteNode};
  }
  return {};
}

inline constexpr bool writes(Row row) { return row == Row::AddChild || row == Row::Move || row == Row::Delete; }

// Where a side's tables live: an SQLite file path (":memory:" for a private
// one) or a PostgreSQL URL and the schema that is the side's own.
struct Place {
  Target target{};
  std::string sqlite_path;
  std::string postgres_url;
  std::string postgres_schema;
};

class Side {
 public:
  virtual ~Side() = default;
  // "covet", "raw": with the kind, the column of the table ("covet-al").
  virtual std::string_view name() const = 0;
  // Creates both tables (empty); the harness fills them.
  virtual void create_tables() = 0;
  // Runs SQL text without parameters (population, backups, restore, ANALYZE).
  virtual void exec(const std::string& sql) = 0;
  // Runs the statements in one transaction.
  virtual void exec_all(const std::vector<std::string>& statements) = 0;
  // Runs a query returning one integer (the tree checks, setval).
  virtual std::int64_t query_int(const std::string& sql) = 0;
  // Statements run through this side's connection so far, BEGIN, COMMIT,
  // ROLLBACK, SAVEPOINT and RELEASE not counted (transaction_control.hpp).
  virtual std::size_t statements() = 0;
  // Untimed, before each run: fetches the nodes the row works on afresh.
  virtual void load(Kind kind, Row row) = 0;
  // The timed work; returns a checksum (reads: the sum of the ids read).
  virtual std::int64_t run(Kind kind, Row row) = 0;
};

std::unique_ptr<Side> make_raw_side(const Place& place);
// Covet's side (trees_covet.cpp).
std::unique_ptr<Side> make_covet_side(const Place& place);

}  // namespace covet_bench::trees

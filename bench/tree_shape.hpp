// The trees bench's data (docs/performance.md, "Trees"): one tree of 100,000
// nodes, fan-out 10, stored twice, as an adjacency list (bench_tree_al: id,
// name, parent_id) and as nested sets (bench_tree_ns: the same plus lft, rgt,
// tree_id, level), the same rows on every side (Covet, the hand-written code,
// and bench/django/trees_bench.py's peers, which compute the same shape).
//
// Node i (0-based, breadth first) has id i + 1, name "node i" and parent
// (i - 1) / 10: its children are 10i+1 .. 10i+10, so depths 0..4 are full
// (1, 10, 100, 1,000, 10,000 nodes) and depth 5 holds the other 88,889.
// Nested sets number the nodes in pre-order, children by index; root level 0.
//
//   for (const std::string& sql : tree_population()) db.exec(sql);  // both tables
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace covet_bench::trees {

inline constexpr int kNodes = 100000;
inline constexpr int kFanOut = 10;
// The nodes the rows work on (0-based indexes; the id is one more). A
// depth-2 node's subtree is 1,111 nodes (1,110 descendants): the nearest a
// fan-out of 10 comes to the 1,000.
inline constexpr int kDescendantsOf = 55;  // depth 2
inline constexpr int kLeaf = kNodes - 1;   // depth 5: 5 ancestors
inline constexpr int kAddUnder = 55;       // depth 2, 1,110 descendants
inline constexpr int kMoveNode = 30;       // depth 2, under node 2 ...
inline constexpr int kMoveTo = 7;          // ... to the last child of depth-1 node 7
inline constexpr int kDeleteNode = 40;     // depth 2
inline constexpr int kSubtree = 1111;      // nodes in a depth-2 node's subtree
inline constexpr int kAncestors = 5;

inline constexpr std::int64_t id_of(int index) { return index + 1; }

inline constexpr const char* kAlTable = "bench_tree_al";
inline constexpr const char* kNsTable = "bench_tree_ns";
inline constexpr const char* kAlColumns = "id, name, parent_id";
inline constexpr const char* kNsColumns = "id, name, parent_id, lft, rgt, tree_id, level";

// Per node, by index.
struct Shape {
  std::vector<int> parent;  // -1 for the root
  std::vector<int> depth;
  std::vector<int> lft, rgt;
};
const Shape& shape();

// The statements that fill both tables (the same text on every side).
std::vector<std::string> tree_population();

// The statements that put a table back as its backup copy (<table>_backup,
// made by backup_statements) holds it, untimed between the runs that write:
// delete the added rows, insert the removed ones, update the changed ones.
std::vector<std::string> backup_statements(const std::string& table);
std::vector<std::string> restore_statements(const std::string& table, const std::string& columns, bool postgres);

// A query returning one row of one integer: 0 when the table holds a
// well-formed tree of `nodes` rows (nested sets: lft/rgt a permutation of
// 1..2n, each child inside its parent one level down); otherwise a code
// saying which invariant failed. Run after each side's first write.
std::string check_query(const std::string& table, bool nested_set, int nodes);

}  // namespace covet_bench::trees

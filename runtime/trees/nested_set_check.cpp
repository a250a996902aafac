// NestedSetNode<T>::check() and rebuild(): the whole table read in one query,
// the invariants checked (or the bounds recomputed from the parent links) in
// memory.
//
// Invariants, each reported per node:
//   "lft < rgt"          a node's bounds are ordered
//   "unique bounds"      no bound appears twice in a tree
//   "contiguous bounds"  a tree of n nodes uses bounds within 1 .. 2n (with
//                        unique bounds: exactly 1 .. 2n)
//   "inside parent"      a node lies strictly inside its parent's bounds, in
//                        its parent's tree (and the parent exists)
//   "level"              level = parent's level + 1; a root's is 0
//   "parent link"        the nearest node enclosing it is its parent (a root
//                        is enclosed by none)
#include "trees/nested_set_table.hpp"

#include "database_access.hpp"

#include <covet/atomic.hpp>
#include <covet/detail/nested_set_ops.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace covet {

std::string NestedSetReport::to_string() const {
  if (ok()) return "ok (" + std::to_string(nodes) + " nodes)";
  std::string out;
  for (const Violation& v : violations)
    out += "node " + v.node.debug_string() + ": " + v.invariant + ": " + v.detail + "\n";
  return out;
}

namespace detail {

namespace {

struct Row6 {
  Value key, parent;
  int lft = 0, rgt = 0, tree_id = 0, level = 0;
};

int as_int(const Value& v) { return v.is_null() ? 0 : static_cast<int>(value_to_integer(v)); }

// Every node, ordered by tree and lft (then key, for ties in broken data).
std::vector<Row6> read_all(DatabaseState& db, const NestedSetTable& t) {
  std::vector<Row6> rows;
  run_tree_sql(db, t,
               "SELECT " + t.K + ", " + t.P + ", " + t.L + ", " + t.R + ", " + t.T + ", " + t.V + " FROM " + t.table +
                   " ORDER BY " + t.T + ", " + t.L + ", " + t.K,
               {}, [&](const Row& row) {
                 rows.push_back(Row6{row.value(0), row.value(1), as_int(row.value(2)), as_int(row.value(3)),
                                     as_int(row.value(4)), as_int(row.value(5))});
               });
  return rows;
}

std::string num(int v) { return std::to_string(v); }

}  // namespace

NestedSetReport nested_set_check(Database& handle, const ModelInfo& model) {
  DatabaseState& db = *DatabaseAccess::state(handle);
  const NestedSetTable t = NestedSetTable::of(model, db.dialect);
  const std::vector<Row6> rows = read_all(db, t);
  NestedSetReport report;
  report.nodes = rows.size();
  auto add = [&](const Row6& r, const char* invariant, std::string detail) {
    report.violations.push_back({r.key, invariant, std::move(detail)});
  };
  std::map<std::string, const Row6*> by_key;
  for (const Row6& r : rows) by_key[r.key.debug_string()] = &r;

  // Per tree: bounds unique and contiguous; nearest enclosing node.
  std::size_t begin = 0;
  while (begin < rows.size()) {
    std::size_t end = begin;
    while (end < rows.size() && rows[end].tree_id == rows[begin].tree_id) ++end;
    const int n = static_cast<int>(end - begin);
    std::map<int, int> seen;  // bound -> how many times
    for (std::size_t i = begin; i < end; ++i) {
      ++seen[rows[i].lft];
      ++seen[rows[i].rgt];
    }
    std::vector<const Row6*> stack;  // the nodes enclosing the current one
    for (std::size_t i = begin; i < end; ++i) {
      const Row6& r = rows[i];
      if (r.lft >= r.rgt) add(r, "lft < rgt", "lft " + num(r.lft) + " >= rgt " + num(r.rgt));
      if (seen[r.lft] > 1 || seen[r.rgt] > 1)
        add(r, "unique bounds",
            "lft " + num(r.lft) + " or rgt " + num(r.rgt) + " is another node's bound in tree " + num(r.tree_id));
      if (r.lft < 1 || r.rgt > 2 * n || r.lft > 2 * n || r.rgt < 1)
        add(r, "contiguous bounds",
            "bounds " + num(r.lft) + ".." + num(r.rgt) + " outside 1.." + num(2 * n) + " of tree " + num(r.tree_id) +
                " (" + num(n) + " nodes)");
      while (!stack.empty() && stack.back()->rgt < r.lft) stack.pop_back();
      const Row6* enclosing = stack.empty() || stack.back()->rgt <= r.rgt ? nullptr : stack.back();
      const Value expected = enclosing ? enclosing->key : Value();
      if (expected != r.parent)
        add(r, "parent link",
            "parent is " + (r.parent.is_null() ? std::string("none") : r.parent.debug_string()) +
                " but the bounds put it " +
                (enclosing ? "under " + enclosing->key.debug_string() : std::string("at the top of its tree")));
      stack.push_back(&r);
    }
    begin = end;
  }

  for (const Row6& r : rows) {
    if (r.parent.is_null()) {
      if (r.level != 0) add(r, "level", "a root has level " + num(r.level) + ", expected 0");
      continue;
    }
    auto it = by_key.find(r.parent.debug_string());
    if (it == by_key.end()) {
      add(r, "inside parent", "its parent " + r.parent.debug_string() + " does not exist");
      continue;
    }
    const Row6& p = *it->second;
    if (p.tree_id != r.tree_id || !(p.lft < r.lft && r.rgt < p.rgt))
      add(r, "inside parent",
          "bounds " + num(r.lft) + ".." + num(r.rgt) + " in tree " + num(r.tree_id) + " are not inside parent " +
              p.key.debug_string() + "'s " + num(p.lft) + ".." + num(p.rgt) + " in tree " + num(p.tree_id));
    if (r.level != p.level + 1)
      add(r, "level", "level " + num(r.level) + ", parent " + p.key.debug_string() + " has level " + num(p.level));
  }
  return report;
}

void nested_set_rebuild(Database& handle, const ModelInfo& model) {
  const std::shared_ptr<DatabaseState>& state = DatabaseAccess::state(handle);
  DatabaseState& db = *state;
  const NestedSetTable t = NestedSetTable::of(model, db.dialect);
  Atomic scope(state);
  TreeLocks locks(db, t);
  locks.lock_all();
  const std::vector<Row6> rows = read_all(db, t);  // children keep their order
  // Keys by their text: Value has no order.
  std::map<std::string, std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  std::set<std::string> keys;
  for (const Row6& r : rows) keys.insert(r.key.debug_string());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // A parent that is gone counts as none: the node heads a tree.
    if (rows[i].parent.is_null() || !keys.count(rows[i].parent.debug_string())) {
      roots.push_back(i);
    } else {
      children[rows[i].parent.debug_string()].push_back(i);
    }
  }
  struct Bounds {
    int lft = 0, rgt = 0, tree_id = 0, level = 0;
  };
  std::vector<Bounds> out(rows.size());
  std::vector<bool> placed(rows.size(), false);
  int tree = 0;
  for (std::size_t root : roots) {
    ++tree;
    int counter = 0;
    // Iterative pre-order walk: (node, next child index).
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    out[root] = {++counter, 0, tree, 0};
    placed[root] = true;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const std::vector<std::size_t>& kids = children[rows[node].key.debug_string()];
      if (next < kids.size()) {
        const std::size_t child = kids[next++];
        const int level = out[node].level + 1;
        out[child] = {++counter, 0, tree, level};
        placed[child] = true;
        stack.push_back({child, 0});
      } else {
        out[node].rgt = ++counter;
        stack.pop_back();
      }
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!placed[i])
      throw TreeCycle(model.name + "::rebuild(): the parent links of " + model.name + " " +
                          rows[i].key.debug_string() +
                          " loop without reaching a root; fix its parent (and that of the nodes in the loop), then "
                          "rebuild again",
                      model.name, rows[i].key);
  // One UPDATE per batch: SET column = CASE key WHEN ... END WHERE key IN (...).
  const std::size_t per_row = 9;  // 4 columns x (key, value) + the IN list
  const std::size_t limit = static_cast<std::size_t>(std::max(db.connection->max_params(), 9));
  const std::size_t batch = std::max<std::size_t>(1, std::min<std::size_t>(limit / per_row, 1000));
  for (std::size_t from = 0; from < rows.size(); from += batch) {
    const std::size_t to = std::min(rows.size(), from + batch);
    std::vector<Value> params;
    // By reference, each value built in place in params: GCC 12 at -O1
    // misreads a Value passed by value and moved (maybe-uninitialized in
    // std::variant's storage).
    auto ph = [&](const auto& v) {
      params.emplace_back(v);
      return t.ph(static_cast<int>(params.size()));
    };
    std::string sql = "UPDATE " + t.table + " SET ";
    const std::pair<const std::string*, int Bounds::*> columns[] = {
        {&t.L, &Bounds::lft}, {&t.R, &Bounds::rgt}, {&t.T, &Bounds::tree_id}, {&t.V, &Bounds::level}};
    bool first = true;
    for (const auto& [column, field] : columns) {
      sql += std::string(first ? "" : ", ") + *column + " = CASE " + t.K;
      first = false;
      for (std::size_t i = from; i < to; ++i)
        sql += " WHEN " + ph(rows[i].key) + " THEN " + ph(static_cast<std::int64_t>(out[i].*field));
      sql += " END";
    }
    sql += " WHERE " + t.K + " IN (";
    for (std::size_t i = from; i < to; ++i) sql += (i == from ? "" : ", ") + ph(rows[i].key);
    sql += ")";
    run_tree_sql(db, t, sql, params);
  }
  scope.commit();
}

}  // namespace detail
}  // namespace covet

// db.erase(node) of a nested-set node: its whole subtree, in the caller's
// transaction scope, in a constant number of statements:
//
//   lock the tree (PostgreSQL), read the node's bounds,
//   SELECT the subtree's keys (one range query),
//   the collector over those keys (what other models' relations say:
//     CASCADE, PROTECT, SET_NULL..., batched as for any delete),
//   one UPDATE closing the gap (none when a whole tree went): every bound after the subtree moves left by
//     its width (treebeard closes one gap per removed range; this is one).
#include "trees/nested_set_hooks.hpp"
#include "trees/nested_set_table.hpp"

#include <string>
#include <vector>

namespace covet::detail {

DeleteResult nested_set_erase(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                              const std::function<DeleteResult(const std::vector<Value>&)>& collect) {
  const NestedSetTable t = NestedSetTable::of(model, db.dialect);
  TreeLocks locks(db, t);
  DeleteResult total;
  for (const Value& key : keys) {
    std::vector<StoredNode> nodes = locks.read({key}, false);
    if (nodes.empty()) continue;  // gone, or in a subtree erased before
    const StoredNode& n = nodes.front();
    std::vector<Value> subtree;
    run_tree_sql(db, t,
                 "SELECT " + t.K + " FROM " + t.table + " WHERE " + t.T + " = " + t.ph(1) + " AND " + t.L +
                     " BETWEEN " + t.ph(2) + " AND " + t.ph(3),
                 {Value(static_cast<std::int64_t>(n.tree_id)), Value(static_cast<std::int64_t>(n.lft)),
                  Value(static_cast<std::int64_t>(n.rgt))},
                 [&](const Row& row) { subtree.push_back(row.value(0)); });
    DeleteResult one = collect(subtree);
    total.total += one.total;
    for (const auto& [name, count] : one.per_model) total.per_model[name] += count;
    if (n.parent.is_null()) continue;  // a whole tree: nothing follows it
    const Value rgt(static_cast<std::int64_t>(n.rgt));
    const Value width(static_cast<std::int64_t>(n.width()));
    run_tree_sql(db, t,
                 "UPDATE " + t.table + " SET " + t.L + " = CASE WHEN " + t.L + " > " + t.ph(1) + " THEN " + t.L +
                     " - " + t.ph(2) + " ELSE " + t.L + " END, " + t.R + " = " + t.R + " - " + t.ph(3) + " WHERE " +
                     t.T + " = " + t.ph(4) + " AND " + t.R + " > " + t.ph(5),
                 {rgt, width, width, Value(static_cast<std::int64_t>(n.tree_id)), rgt});
  }
  return total;
}

}  // namespace covet::detail

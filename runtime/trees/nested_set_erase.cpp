// db.erase(node) of a nested-set node: its whole subtree, in the caller's
// transaction scope, in a constant number of statements (counted as
// Django's CaptureQueriesContext counts: BEGIN / COMMIT aside):
//
//   rows referenced by nothing    SQLite                      PostgreSQL
//   but their own `parent`        DELETE the subtree (a       lock, then one statement:
//   (the common tree)             range over the node's row)  WITH the node's row, the
//                                 RETURNING its rows, one     DELETE of the range and
//                                 UPDATE closing the gap: 2   the UPDATE closing the gap: 2
//
//   rows other models refer to    the subtree's keys and      lock, the same range
//   (CASCADE, PROTECT, SET_NULL,  the node's bounds in one    query, the collector,
//   join rows, inheritance)       range query, the collector  the UPDATE: 3 + the
//                                 (its reads and DELETEs),    collector's
//                                 the UPDATE: 2 + the
//                                 collector's
//
// The gap closes in one UPDATE (none for a whole tree: nothing follows it):
// every bound after the subtree moves left by its width (treebeard closes
// one gap per removed range). The collector is told the subtree is closed
// under the model's own `parent` (every child of a node in it is in it), so
// it does not look up the children it already has; other relations to the
// nodes follow their on_delete as for any delete, and a PROTECT parent still
// protects. PostgreSQL's lock statement reads in the snapshot it took before
// waiting (nested_set_table.hpp): the writes after it read the node's row
// again, current, and do nothing when the node moved to a tree not held;
// that tree is locked then and the node erased again.
#include "trees/nested_set_hooks.hpp"
#include "trees/nested_set_table.hpp"

#include "deletion/collector.hpp"
#include "relations/join_table.hpp"

#include <covet/field_traits.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

int as_int(const Value& v) { return v.is_null() ? 0 : static_cast<int>(value_to_integer(v)); }

// The model's own parent relation when the collector may skip it: every
// row it reaches from the subtree is in the subtree (CASCADE, SET_NULL,
// RESTRICT... change nothing there); PROTECT still refuses a node with
// children, so the collector sees that one.
const MemberInfo* closed_relation(const NestedSetTable& t) {
  return t.parent->relation && t.parent->relation->on_delete != OnDelete::Protect ? t.parent : nullptr;
}

// Whether the subtree's rows can go by their range alone: no other relation
// (but DO_NOTHING ones) points at them, no many-to-many join rows hold them,
// and the model's rows live in one table of their own.
bool erases_alone(const NestedSetTable& t) {
  const ModelInfo& model = *t.model;
  if (model.multi_table || model.parent || !model.discriminator.empty() || model.proxy) return false;
  const MemberInfo* closed = closed_relation(t);
  if (!closed) return false;
  for (const Incoming& r : incoming_relations(model))
    if (r.parent_link || (r.member != closed && r.member->relation->on_delete != OnDelete::DoNothing)) return false;
  for (const auto& [source, member] : automatic_join_tables())
    if (source == &model || member->relation->target == &model) return false;
  return true;
}

void add(DeleteResult& total, const DeleteResult& one) {
  total.total += one.total;
  for (const auto& [name, count] : one.per_model) total.per_model[name] += count;
}

void count(DeleteResult& total, const std::string& model, std::int64_t rows) {
  if (rows <= 0) return;
  total.total += rows;
  total.per_model[model] += rows;
}

// The UPDATE closing the gap the subtree [lft, rgt] of `tree_id` left.
void close_gap(DatabaseState& db, const NestedSetTable& t, int tree_id, int lft, int rgt) {
  TreeParams q{t, {}};
  const int width = rgt - lft + 1;
  run_tree_sql(db, t,
               "UPDATE " + t.table + " SET " + t.L + " = CASE WHEN " + t.L + " > " + q(rgt) + " THEN " + t.L + " - " +
                   q(width) + " ELSE " + t.L + " END, " + t.R + " = " + t.R + " - " + q(width) + " WHERE " + t.T +
                   " = " + q(tree_id) + " AND " + t.R + " > " + q(rgt),
               q.values);
}

// The subtree of `key` as "t AS s" rows joined to its node "n".
std::string subtree_join(const NestedSetTable& t) {
  return t.table + " AS n JOIN " + t.table + " AS s ON s." + t.T + " = n." + t.T + " AND s." + t.L + " BETWEEN n." +
         t.L + " AND n." + t.R;
}

// SQLite: DELETE ... RETURNING the rows, whose node row has the bounds; then
// the gap. The subtree's keys come from an IN subquery, which SQLite
// materializes before it deletes a row.
std::int64_t erase_alone_sqlite(DatabaseState& db, const NestedSetTable& t, const Value& key) {
  TreeParams q{t, {}};
  const std::string sql = "DELETE FROM " + t.table + " WHERE " + t.K + " IN (SELECT s." + t.K + " FROM " +
                          subtree_join(t) + " WHERE n." + t.K + " = " + q(key) + ") RETURNING " + t.K + ", " + t.L +
                          ", " + t.R + ", " + t.T + ", " + t.P;
  std::int64_t rows = 0;
  bool found = false, root = false;
  int lft = 0, rgt = 0, tree_id = 0;
  run_tree_sql(db, t, sql, q.values, [&](const Row& row) {
    ++rows;
    if (row.value(0) != key) return;
    found = true;
    lft = as_int(row.value(1));
    rgt = as_int(row.value(2));
    tree_id = as_int(row.value(3));
    root = row.value(4).is_null();
  });
  if (found && !root) close_gap(db, t, tree_id, lft, rgt);
  return rows;
}

// PostgreSQL: the lock, then one statement deleting the range and closing the
// gap, both from the node's row as it is once the lock is held.
std::int64_t erase_alone_postgres(DatabaseState& db, const NestedSetTable& t, TreeLocks& locks, const Value& key) {
  if (locks.lock_rows({key}, false).empty()) return 0;  // gone, or in a subtree erased before
  for (;;) {
    TreeParams q{t, {}};
    std::string held;
    for (int id : locks.held()) held += (held.empty() ? "" : ", ") + q(id);
    const std::string width = "(n.r - n.l + 1)";
    const std::string sql =
        "WITH n AS (SELECT " + t.L + " AS l, " + t.R + " AS r, " + t.T + " AS tr FROM " + t.table + " WHERE " + t.K +
        " = " + q(key) + " AND " + t.T + " IN (" + held + ")), gone AS (DELETE FROM " + t.table + " AS d USING n WHERE d." +
        t.T + " = n.tr AND d." + t.L + " BETWEEN n.l AND n.r RETURNING 1), gap AS (UPDATE " + t.table + " AS u SET " +
        t.L + " = CASE WHEN u." + t.L + " > n.r THEN u." + t.L + " - " + width + " ELSE u." + t.L + " END, " + t.R +
        " = u." + t.R + " - " + width + " FROM n WHERE u." + t.T + " = n.tr AND u." + t.R +
        " > n.r) SELECT count(*) FROM gone";
    std::int64_t rows = 0;
    run_tree_sql(db, t, sql, q.values, [&](const Row& row) { rows = value_to_integer(row.value(0)); });
    if (rows > 0) return rows;
    // The node moved to a tree not held before the lock was granted (or
    // went): lock where it is now, and erase it there.
    const std::vector<StoredNode> now = locks.read({key}, false);
    if (now.empty()) return 0;
  }
}

// Any other model: the keys to the collector, then the gap.
DeleteResult erase_collected(DatabaseState& db, const NestedSetTable& t, TreeLocks& locks, const Value& key,
                             const NestedSetCollect& collect) {
  if (t.dialect == Dialect::PostgreSQL && locks.lock_rows({key}, false).empty()) return {};
  for (;;) {
    std::vector<Value> subtree;
    bool found = false, root = false;
    int lft = 0, rgt = 0, tree_id = 0;
    TreeParams q{t, {}};
    run_tree_sql(db, t,
                 "SELECT s." + t.K + ", n." + t.L + ", n." + t.R + ", n." + t.T + ", n." + t.P + " FROM " +
                     subtree_join(t) + " WHERE n." + t.K + " = " + q(key),
                 q.values, [&](const Row& row) {
                   subtree.push_back(row.value(0));
                   found = true;
                   lft = as_int(row.value(1));
                   rgt = as_int(row.value(2));
                   tree_id = as_int(row.value(3));
                   root = row.value(4).is_null();
                 });
    if (!found) return {};  // gone, or in a subtree erased before
    if (t.dialect == Dialect::PostgreSQL && !locks.held().count(tree_id)) {
      // Moved to a tree not held before the lock was granted: lock it too.
      locks.lock_trees({tree_id});
      continue;
    }
    DeleteResult result = collect(subtree, closed_relation(t));
    if (!root) close_gap(db, t, tree_id, lft, rgt);
    return result;
  }
}

}  // namespace

DeleteResult nested_set_erase(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                              const NestedSetCollect& collect) {
  const NestedSetTable t = NestedSetTable::of(model, db.dialect);
  TreeLocks locks(db, t);
  const bool alone = erases_alone(t);
  DeleteResult total;
  for (const Value& key : keys) {
    if (!alone) {
      add(total, erase_collected(db, t, locks, key, collect));
    } else if (t.dialect == Dialect::PostgreSQL) {
      count(total, model.name, erase_alone_postgres(db, t, locks, key));
    } else {
      count(total, model.name, erase_alone_sqlite(db, t, key));
    }
  }
  return total;
}

}  // namespace covet::detail

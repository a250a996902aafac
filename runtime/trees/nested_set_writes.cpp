// The nested-set writes: add_root, add_child / add_sibling (and db.create of a
// node), move_to (and db.save of a node whose parent changed), each in one
// transaction scope with a constant number of statements. Counted as
// Django's CaptureQueriesContext counts (BEGIN / COMMIT / SAVEPOINT aside):
//
//   write            SQLite                     PostgreSQL
//   add_root         INSERT ... SELECT          lock, INSERT ... SELECT
//                    (tree_id = MAX + 1)
//   add_child,       INSERT ... SELECT from     lock, one statement: WITH the
//   add_sibling,     the target's row, then     target's row, an UPDATE opening
//   db.create        the UPDATE opening the     the gap, INSERT ... SELECT
//                    gap: 2                     from it: 2
//   move_to          one UPDATE guarded by the  lock + read, one UPDATE: 2
//                    objects' rows: 1 (stale
//                    objects: + read, UPDATE)
//   (a new tree: one SELECT MAX(tree_id) + 1 more)
//
// Nothing trusts the bounds of the objects passed in: every value comes
// from the rows inside the transaction (SQLite's move takes the objects'
// bounds only under a guard that they are the rows'). SQLite's transaction
// holds the database's write lock from BEGIN IMMEDIATE, so what a statement
// reads is current. PostgreSQL's lock statement (nested_set_table.hpp) reads the rows
// in the snapshot it took before waiting for the locks, so every write after
// it is guarded: an insert runs only while its target is in a tree held, a
// move only while its rows hold what was read (the statement changes
// nothing otherwise); an unguarded redo follows, from rows read with the
// locks held (two more statements, only after a concurrent writer won).
// Invalid moves throw InvalidMove before any write. Where a position needs
// what the one statement cannot decide (a root's sibling positions: a new
// tree, or InvalidMove) or the model spans tables (multi-table inheritance:
// insert_chain writes several), the insert falls back to read, place, UPDATE,
// INSERT (one statement more).
#include "trees/nested_set_hooks.hpp"
#include "trees/nested_set_table.hpp"

#include "database_access.hpp"
#include "inheritance/table_chain.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/detail/nested_set_ops.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

const char* position_name(TreePosition pos) {
  switch (pos) {
    case TreePosition::FirstChild: return "FirstChild";
    case TreePosition::LastChild: return "LastChild";
    case TreePosition::Left: return "Left";
    case TreePosition::Right: return "Right";
    case TreePosition::FirstSibling: return "FirstSibling";
    case TreePosition::LastSibling: return "LastSibling";
  }
  return "?";
}

bool is_child_position(TreePosition pos) {
  return pos == TreePosition::FirstChild || pos == TreePosition::LastChild;
}

// Where a node goes, relative to the target as stored.
struct Placement {
  int gap = 0;      // its new lft: every bound at or after it shifts right
  int tree_id = 0;  // 0: the root of a new tree
  int level = 0;
  Value parent;     // NULL for a root
};

[[noreturn]] void throw_invalid(const NestedSetTable& t, const std::string& why, const Value& node,
                                const Value& target) {
  throw InvalidMove(why, t.model->name, node, target);
}

void check_call(const NestedSetTable& t, NestedSetCall call, TreePosition pos, const Value& node, const Value& target) {
  if (call == NestedSetCall::AddChild && !is_child_position(pos))
    throw_invalid(t,
                  t.model->name + "::add_child(): position " + position_name(pos) +
                      " is not a child's; use FirstChild or LastChild, or add_sibling() for " + position_name(pos),
                  node, target);
  if (call == NestedSetCall::AddSibling && is_child_position(pos))
    throw_invalid(t,
                  t.model->name + "::add_sibling(): position " + position_name(pos) +
                      " is not a sibling's; use Left, Right, FirstSibling or LastSibling, or add_child()",
                  node, target);
}

Placement place(const NestedSetTable& t, const StoredNode& target, TreePosition pos, const Value& node,
                const char* call) {
  Placement p;
  if (is_child_position(pos)) {
    p.gap = pos == TreePosition::FirstChild ? target.lft + 1 : target.rgt;
    p.tree_id = target.tree_id;
    p.level = target.level + 1;
    p.parent = target.key;
    return p;
  }
  if (target.parent.is_null()) {
    // A root's siblings are the other roots, ordered by tree_id, which is
    // never renumbered (it is the tree's lock key): only the end exists.
    if (pos == TreePosition::LastSibling) return p;
    throw_invalid(t,
                  t.model->name + "::" + call + "(): position " + position_name(pos) + " beside root " +
                      target.key.debug_string() +
                      " would renumber the trees (roots are ordered by tree_id, which Covet never changes); "
                      "use LastSibling (a new tree after the others) or a child position",
                  node, target.key);
  }
  p.tree_id = target.tree_id;
  p.level = target.level;
  p.parent = target.parent;
  switch (pos) {
    case TreePosition::Left: p.gap = target.lft; break;
    case TreePosition::Right: p.gap = target.rgt + 1; break;
    case TreePosition::FirstSibling: p.gap = target.parent_lft + 1; break;
    default: p.gap = target.parent_rgt; break;
  }
  return p;
}

using Params = TreeParams;

void set_position(const NestedSetTable& t, void* object, int lft, int rgt, int tree_id, int level,
                  const Value& parent) {
  t.lft->set(object, Value(static_cast<std::int64_t>(lft)));
  t.rgt->set(object, Value(static_cast<std::int64_t>(rgt)));
  t.tree_id->set(object, Value(static_cast<std::int64_t>(tree_id)));
  t.level->set(object, Value(static_cast<std::int64_t>(level)));
  t.parent->set(object, parent);
}

StoredNode read_one(TreeLocks& locks, const NestedSetTable& t, const Value& key, bool allocate, const char* call) {
  std::vector<StoredNode> nodes = locks.read({key}, allocate);
  if (nodes.empty())
    throw DoesNotExist(t.model->name + "::" + call + "(): the " + t.model->name + " with key " + key.debug_string() +
                           " does not exist (it was deleted)",
                       t.model->name);
  return nodes.front();
}

// Opens a gap of two at p.gap (or allocates a tree), then INSERTs `object` there.
void insert_placed(const std::shared_ptr<DatabaseState>& db, const NestedSetTable& t, TreeLocks& locks,
                   Placement p, void* object) {
  int lft = 1;
  if (p.tree_id == 0) {
    p.tree_id = locks.next_tree_id();
    p.level = 0;
    p.parent = Value();
  } else {
    lft = p.gap;
    Params q{t, {}};
    const std::string sql = "UPDATE " + t.table + " SET " + t.L + " = CASE WHEN " + t.L + " >= " + q(lft) + " THEN " +
                            t.L + " + 2 ELSE " + t.L + " END, " + t.R + " = " + t.R + " + 2 WHERE " + t.T + " = " +
                            q(p.tree_id) + " AND " + t.R + " >= " + q(lft);
    run_tree_sql(*db, t, sql, q.values);
  }
  set_position(t, object, lft, lft + 1, p.tree_id, p.level, p.parent);
  insert_plain_object(db, *t.model, object);
}

// The tree columns of a row an INSERT ... SELECT writes, over `g`: a
// one-row source with columns gap (the new lft), tree, lvl and, but for a
// root, par (the parent's key).
struct Selected {
  std::string with;  // WITH ... (PostgreSQL: the CTEs that compute g and open the gap)
  std::string from;  // g, or the subquery naming it
  bool root = false;
};

// INSERTs `object` (a one-table model) with its tree columns from `g` in
// one statement: the user's columns as insert_plain_object writes them,
// the tree's computed. Returns false when g had no row: nothing written.
// Fills the object (key, bounds) from the row returned, and `gap` and
// `tree_id` with its lft and tree.
bool insert_selected(const std::shared_ptr<DatabaseState>& db, const NestedSetTable& t, Params& q,
                     const Selected& from, void* object, int& gap, int& tree_id) {
  const ModelInfo& model = *t.model;
  std::string columns, values;
  for (InsertColumn& c : insert_columns(model, object)) {
    if (c.member && nested_set_maintained(model, *c.member)) continue;
    columns += quote_identifier(t.dialect, c.column) + ", ";
    values += q(std::move(c.value)) + ", ";
  }
  const std::string sql = from.with + "INSERT INTO " + t.table + " (" + columns + t.L + ", " + t.R + ", " + t.T +
                          ", " + t.V + ", " + t.P + ") SELECT " + values + "g.gap, g.gap + 1, g.tree, g.lvl, " +
                          (from.root ? "NULL" : "g.par") + " FROM " + from.from + " RETURNING " + t.K + ", " + t.L +
                          ", " + t.T + ", " + t.V + ", " + t.P;
  bool inserted = false;
  Value key, parent;
  int level = 0;
  run_tree_sql(*db, t, sql, q.values, [&](const Row& row) {
    inserted = true;
    key = row.value(0);
    gap = static_cast<int>(value_to_integer(row.value(1)));
    tree_id = static_cast<int>(value_to_integer(row.value(2)));
    level = static_cast<int>(value_to_integer(row.value(3)));
    parent = row.value(4);
  });
  if (!inserted) return false;
  set_position(t, object, gap, gap + 1, tree_id, level, parent);
  finish_insert(db, model, object, key);
  return true;
}

void insert_as_root(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  Atomic scope(db);
  TreeLocks locks(*db, t);
  locks.lock_allocation();
  if (spans_tables(model)) {
    // Multi-table inheritance: insert_chain writes the ancestors' tables too.
    insert_placed(db, t, locks, Placement{}, object);
  } else {
    // The next tree_id is computed by the INSERT (under the allocation lock
    // or SQLite's write lock, so no other writer takes it meanwhile).
    prepare_insert(db, model, object);
    Params q{t, {}};
    const Selected root{"", "(SELECT 1 AS gap, COALESCE(MAX(" + t.T + "), 0) + 1 AS tree, 0 AS lvl FROM " + t.table +
                                ") AS g",
                        true};
    int gap = 0, tree_id = 0;
    insert_selected(db, t, q, root, object, gap, tree_id);
  }
  scope.commit();
}

// The row of g for a new node at `pos` relative to the target `key`, read
// from the target's row (and its parent's, for FirstSibling / LastSibling):
// no row when the target is gone, when it is a root and `pos` a sibling's
// (the slow path decides those), or, with `held` (PostgreSQL), when the
// target is not in a tree held (it moved after the lock statement's
// snapshot).
std::string placement_source(const NestedSetTable& t, Params& q, const Value& key, TreePosition pos,
                             const std::set<int>* held) {
  std::string gap, level = "n." + t.V, parent = "n." + t.P, join, where;
  switch (pos) {
    case TreePosition::FirstChild: gap = "n." + t.L + " + 1"; break;
    case TreePosition::LastChild: gap = "n." + t.R; break;
    case TreePosition::Left: gap = "n." + t.L; break;
    case TreePosition::Right: gap = "n." + t.R + " + 1"; break;
    case TreePosition::FirstSibling: gap = "p." + t.L + " + 1"; break;
    case TreePosition::LastSibling: gap = "p." + t.R; break;
  }
  if (is_child_position(pos)) {
    level = "n." + t.V + " + 1";
    parent = "n." + t.K;
  } else if (pos == TreePosition::FirstSibling || pos == TreePosition::LastSibling) {
    join = " JOIN " + t.table + " AS p ON p." + t.K + " = n." + t.P;
  } else {
    where = " AND n." + t.P + " IS NOT NULL";
  }
  std::string sql = "SELECT " + gap + " AS gap, n." + t.T + " AS tree, " + level + " AS lvl, " + parent +
                    " AS par FROM " + t.table + " AS n" + join + " WHERE n." + t.K + " = " + q(key) + where;
  if (held) {
    std::string in;
    for (int id : *held) in += (in.empty() ? "" : ", ") + q(id);
    sql += " AND n." + t.T + " IN (" + in + ")";
  }
  return sql;
}

// add_child / add_sibling with no read of their own: SQLite's INSERT ...
// SELECT, then the UPDATE; PostgreSQL's lock, then one statement (see the
// table above). False when it wrote nothing, for the slow path to decide
// (prepare_insert may then run twice: it keeps a key it assigned, and
// stamps auto_now again).
bool insert_fast(const std::shared_ptr<DatabaseState>& db, const NestedSetTable& t, TreeLocks& locks,
                 const Value& target, TreePosition pos, void* object) {
  // Multi-table inheritance: insert_chain writes the ancestors' tables too.
  if (spans_tables(*t.model)) return false;
  const bool pg = t.dialect == Dialect::PostgreSQL;
  // A root's last sibling is a new tree, allocated under the allocation lock.
  if (pg && locks.lock_rows({target}, pos == TreePosition::LastSibling).empty()) return false;
  prepare_insert(db, *t.model, object);
  Params q{t, {}};
  Selected from;
  if (pg) {
    // One statement: its sub-statements share its snapshot, taken after the
    // locks were granted, so g is the target as it is now, and the UPDATE
    // shifts the rows as they were before the INSERT.
    from.with = "WITH g AS (" + placement_source(t, q, target, pos, &locks.held()) + "), s AS (UPDATE " + t.table +
                " AS u SET " + t.L + " = CASE WHEN u." + t.L + " >= g.gap THEN u." + t.L + " + 2 ELSE u." + t.L +
                " END, " + t.R + " = u." + t.R + " + 2 FROM g WHERE u." + t.T + " = g.tree AND u." + t.R +
                " >= g.gap) ";
    from.from = "g";
  } else {
    from.from = "(" + placement_source(t, q, target, pos, nullptr) + ") AS g";
  }
  int gap = 0, tree_id = 0;
  if (!insert_selected(db, t, q, from, object, gap, tree_id)) return false;
  if (pg) return true;
  // SQLite: the row is in; the bounds at or after it (but its own) move right
  // by two, with the values the INSERT returned.
  Params u{t, {}};
  run_tree_sql(*db, t,
               "UPDATE " + t.table + " SET " + t.L + " = CASE WHEN " + t.L + " >= " + u(gap) + " THEN " + t.L +
                   " + 2 ELSE " + t.L + " END, " + t.R + " = " + t.R + " + 2 WHERE " + t.T + " = " + u(tree_id) +
                   " AND " + t.R + " >= " + u(gap) + " AND " + t.K + " <> " + u(t.model->primary_key->get(object)),
               u.values);
  return true;
}

// Appends the guards (guard_unchanged) of `guards` to a WHERE clause.
std::string guarded(const NestedSetTable& t, Params& q, const std::vector<const StoredNode*>& guards) {
  std::string sql;
  for (const StoredNode* g : guards) sql += " AND " + guard_unchanged(t, q, *g);
  return sql;
}

// The one UPDATE of a move within a tree: the subtree [nl, nr] shifts by
// d, the nodes between it and the gap by -w or +w. Returns the rows changed
// (none only when a guard failed: the node's own row is always in range).
std::int64_t move_within(DatabaseState& db, const NestedSetTable& t, const StoredNode& n, const Placement& p,
                         const std::vector<const StoredNode*>& guards) {
  const int w = n.width();
  int lo, hi, a, b, s, d;
  if (p.gap > n.rgt) {
    lo = n.lft, hi = p.gap - 1, a = n.rgt + 1, b = p.gap - 1, s = -w, d = p.gap - 1 - n.rgt;
  } else {
    lo = p.gap, hi = n.rgt, a = p.gap, b = n.lft - 1, s = w, d = p.gap - n.lft;
  }
  Params q{t, {}};
  auto shift = [&](const std::string& c) {
    return c + " = CASE WHEN " + c + " BETWEEN " + q(n.lft) + " AND " + q(n.rgt) + " THEN " + c + " + " + q(d) +
           " WHEN " + c + " BETWEEN " + q(a) + " AND " + q(b) + " THEN " + c + " + " + q(s) + " ELSE " + c + " END";
  };
  std::string sql = "UPDATE " + t.table + " SET " + shift(t.L) + ", ";
  sql += shift(t.R) + ", ";
  sql += t.V + " = CASE WHEN " + t.L + " BETWEEN " + q(n.lft) + " AND " + q(n.rgt) + " THEN " + t.V + " + " +
         q(p.level - n.level) + " ELSE " + t.V + " END, ";
  sql += t.P + " = CASE WHEN " + t.K + " = " + q(n.key) + " THEN " + q(p.parent) + " ELSE " + t.P + " END";
  sql += " WHERE " + t.T + " = " + q(n.tree_id) + " AND (" + t.L + " BETWEEN " + q(lo) + " AND " + q(hi) + " OR " +
         t.R + " BETWEEN " + q(lo) + " AND " + q(hi) + ")";
  sql += guarded(t, q, guards);
  return run_tree_sql(db, t, sql, q.values);
}

// The one UPDATE of a move to another tree (or to a new one): the subtree
// leaves its gap closed behind it and opens one at p.gap in the target.
std::int64_t move_across(DatabaseState& db, const NestedSetTable& t, const StoredNode& n, const Placement& p,
                         const std::vector<const StoredNode*>& guards) {
  const int w = n.width();
  const int d = p.gap - n.lft;
  Params q{t, {}};
  auto in_subtree = [&] {
    return t.T + " = " + q(n.tree_id) + " AND " + t.L + " BETWEEN " + q(n.lft) + " AND " + q(n.rgt);
  };
  auto shift = [&](const std::string& c) {
    return c + " = CASE WHEN " + in_subtree() + " THEN " + c + " + " + q(d) + " WHEN " + t.T + " = " + q(n.tree_id) +
           " AND " + c + " > " + q(n.rgt) + " THEN " + c + " - " + q(w) + " WHEN " + t.T + " = " + q(p.tree_id) +
           " AND " + c + " >= " + q(p.gap) + " THEN " + c + " + " + q(w) + " ELSE " + c + " END";
  };
  std::string sql = "UPDATE " + t.table + " SET " + shift(t.L) + ", ";
  sql += shift(t.R) + ", ";
  sql += t.V + " = CASE WHEN " + in_subtree() + " THEN " + t.V + " + " + q(p.level - n.level) + " ELSE " + t.V +
         " END, ";
  sql += t.P + " = CASE WHEN " + t.K + " = " + q(n.key) + " THEN " + q(p.parent) + " ELSE " + t.P + " END, ";
  sql += t.T + " = CASE WHEN " + in_subtree() + " THEN " + q(p.tree_id) + " ELSE " + t.T + " END";
  sql += " WHERE ((" + t.T + " = " + q(n.tree_id) + " AND " + t.R + " >= " + q(n.lft) + ") OR (" + t.T + " = " +
         q(p.tree_id) + " AND " + t.R + " >= " + q(p.gap) + "))";
  sql += guarded(t, q, guards);
  return run_tree_sql(db, t, sql, q.values);
}

// Moves the stored node `n` to `p` (a new tree when p.tree_id is 0) and
// writes its new position into `object` (when not null). With `guards`,
// returns false, having written nothing, when one of those rows changed
// since it was read.
bool move_placed(DatabaseState& db, const NestedSetTable& t, TreeLocks& locks, const StoredNode& n, Placement p,
                 void* object, const std::vector<const StoredNode*>& guards = {}) {
  if (p.tree_id == 0) {
    p.tree_id = locks.next_tree_id();
    p.gap = 1;
    p.level = 0;
    p.parent = Value();
  }
  const std::int64_t changed =
      p.tree_id == n.tree_id ? move_within(db, t, n, p, guards) : move_across(db, t, n, p, guards);
  if (changed == 0 && !guards.empty()) return false;
  if (!object) return true;
  const int new_lft = p.gap > n.rgt && p.tree_id == n.tree_id ? p.gap - n.width() : p.gap;
  set_position(t, object, new_lft, new_lft + n.width() - 1, p.tree_id, p.level, p.parent);
  return true;
}

bool inside(const StoredNode& n, const StoredNode& target) {
  return target.tree_id == n.tree_id && target.lft >= n.lft && target.lft <= n.rgt;
}

void check_target(const NestedSetTable& t, const StoredNode& n, const StoredNode& target) {
  if (inside(n, target))
    throw_invalid(t,
                  "cannot move " + t.model->name + " " + n.key.debug_string() +
                      (target.key == n.key ? " relative to itself"
                                           : " under or beside its own descendant " + target.key.debug_string()) +
                      ": a node cannot become its own ancestor; choose a target outside its subtree",
                  n.key, target.key);
}

// A move of the node `key` to `pos` relative to `target` (null: it becomes a
// root), for move_to (`call`) and db.save of a changed parent ("save").
struct Move {
  Value key;
  Value target;
  TreePosition pos = TreePosition::LastChild;
  const char* call = "move_to";
  // Throws the error for a node or target that does not exist.
  std::function<void()> missing;
};

// Moves from `nodes` (TreeLocks order: node, target). `guard`: the rows may
// predate the locks (lock_and_read on PostgreSQL); then any doubt (a row
// missing, an invalid or a no-op move, a row changed since) returns false
// having written nothing, for the caller to redo from current rows.
bool move_from(DatabaseState& db, const NestedSetTable& t, TreeLocks& locks, const Move& m,
               std::vector<StoredNode> nodes, bool guard, void* object) {
  if (m.key == m.target && !nodes.empty()) nodes.push_back(nodes.front());
  const std::size_t wanted = m.target.is_null() ? 1 : 2;
  if (nodes.size() < wanted) {
    if (guard) return false;
    m.missing();
  }
  const StoredNode& n = nodes[0];
  if (m.target.is_null()) {
    if (n.parent.is_null()) return !guard;  // a root already
    return move_placed(db, t, locks, n, Placement{}, object, guard ? std::vector<const StoredNode*>{&n}
                                                                   : std::vector<const StoredNode*>{});
  }
  const StoredNode& to = nodes[1];
  if (guard && inside(n, to)) return false;
  check_target(t, n, to);
  Placement p;
  try {
    p = place(t, to, m.pos, m.key, m.call);
  } catch (const InvalidMove&) {
    if (guard) return false;
    throw;
  }
  return move_placed(db, t, locks, n, p, object,
                     guard ? std::vector<const StoredNode*>{&n, &to} : std::vector<const StoredNode*>{});
}

// SQLite, when the caller's node and target objects hold their rows as
// stored (loaded and not made stale by another write): one UPDATE, guarded
// by those rows, moves the subtree. Returns false, having written nothing,
// when either row differs from its object (or the move is one the objects
// cannot decide: a root's siblings, a target inside the node), for
// move_node to decide from the rows. PostgreSQL always reads: its lock
// statement comes first either way.
bool move_claimed(DatabaseState& db, const NestedSetTable& t, const Move& m, void* object,
                  const void* target_object) {
  if (t.dialect == Dialect::PostgreSQL || !target_object || m.key == m.target) return false;
  if (!is_child_position(m.pos) && m.pos != TreePosition::Left && m.pos != TreePosition::Right) return false;
  const StoredNode n = StoredNode::claimed_by(t, object);
  const StoredNode to = StoredNode::claimed_by(t, target_object);
  if (n.lft <= 0 || to.lft <= 0 || inside(n, to)) return false;
  if (!is_child_position(m.pos) && to.parent.is_null()) return false;
  TreeLocks locks(db, t);
  return move_placed(db, t, locks, n, place(t, to, m.pos, m.key, m.call), object, {&n, &to});
}

// In the caller's transaction scope: SQLite reads the rows, then moves (2
// statements); PostgreSQL locks and reads in one statement, then moves
// guarded (2), and redoes the move from rows read with the locks held when
// the guard found them changed.
void move_node(DatabaseState& db, const NestedSetTable& t, const Move& m, void* object) {
  TreeLocks locks(db, t);
  const std::vector<Value> keys = m.target.is_null() ? std::vector<Value>{m.key} : std::vector<Value>{m.key, m.target};
  // A new tree's tree_id is allocated under the allocation lock.
  const bool allocate = m.target.is_null() || m.pos == TreePosition::LastSibling;
  const bool pg = t.dialect == Dialect::PostgreSQL;
  if (move_from(db, t, locks, m, locks.lock_and_read(keys, allocate), pg, object)) return;
  move_from(db, t, locks, m, locks.read(keys, allocate), false, object);
}

}  // namespace

void nested_set_add_root(Database& db, const ModelInfo& model, void* node) {
  insert_as_root(DatabaseAccess::state(db), model, node);
}

namespace {

void insert_at(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& target, void* node,
               TreePosition pos, NestedSetCall call) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  const char* name = call == NestedSetCall::AddChild ? "add_child" : "add_sibling";
  if (target.is_null())
    throw UsageError(model.name + "::" + name + "(): this node is unsaved; add it to a tree first (add_root)",
                     model.name);
  check_call(t, call, pos, Value(), target);
  Atomic scope(db);
  TreeLocks locks(*db, t);
  if (!insert_fast(db, t, locks, target, pos, node)) {
    // The target is gone (DoesNotExist), moved to a tree not held, or a root
    // with a sibling position: decided from its row, read with the locks held.
    const bool may_allocate = pos == TreePosition::LastSibling;
    const StoredNode stored = read_one(locks, t, target, may_allocate, name);
    insert_placed(db, t, locks, place(t, stored, pos, Value(), name), node);
  }
  scope.commit();
}

void move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node, const Value& target,
          const void* target_object, TreePosition pos) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  const Value key = model.primary_key->get(node);
  if (key.is_null())
    throw UsageError(model.name + "::move_to(): the node is unsaved; add it to a tree first (add_root, add_child)",
                     model.name);
  Move m{key, target, pos, "move_to", [&] {
           if (target.is_null())
             throw DoesNotExist(model.name + "::move_to(): the " + model.name + " with key " + key.debug_string() +
                                    " does not exist (it was deleted)",
                                model.name);
           throw DoesNotExist(model.name + "::move_to(): the node " + key.debug_string() + " or the target " +
                                  target.debug_string() + " does not exist (deleted)",
                              model.name);
         }};
  Atomic scope(db);
  if (!move_claimed(*db, t, m, node, target_object)) move_node(*db, t, m, node);
  scope.commit();
}

}  // namespace

void nested_set_insert_at(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& target,
                          void* node, TreePosition pos, NestedSetCall call) {
  retry_on_deadlock(*db, [&] { insert_at(db, model, target, node, pos, call); });
}

void nested_set_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node,
                     const void* target, TreePosition pos) {
  const Value key = target ? model.primary_key->get(target) : Value();
  if (target && key.is_null())
    throw UsageError(model.name + "::move_to(): the target is unsaved; save it first, or pass nullptr to make "
                                  "this node a root",
                     model.name);
  retry_on_deadlock(*db, [&] { move(db, model, node, key, target, pos); });
}

void nested_set_create(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  const Value parent = t.parent->get(object);
  if (parent.is_null()) return insert_as_root(db, model, object);
  nested_set_insert_at(db, model, parent, object, TreePosition::LastChild, NestedSetCall::AddChild);
}

bool nested_set_update(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                       void* writable, const std::function<bool()>& write) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  const Value key = model.primary_key->get(object);
  const Value wanted = t.parent->get(object);
  // The plain UPDATE writes no maintained column, so when the parent is
  // unchanged no lock is needed: a concurrent move wins, the tree stays whole.
  Value stored_parent;
  bool found = false;
  run_tree_sql(*db, t, "SELECT " + t.P + " FROM " + t.table + " WHERE " + t.K + " = " + t.ph(1), {key},
               [&](const Row& row) {
                 stored_parent = row.value(0);
                 found = true;
               });
  if (!found || stored_parent == wanted) return write();
  if (key == wanted)
    throw_invalid(t, "cannot save " + model.name + " " + key.debug_string() + " under parent " +
                         wanted.debug_string() + ": a node cannot be its own parent",
                  key, wanted);
  Move m{key, wanted, TreePosition::LastChild, "save", [&] {
           if (wanted.is_null())
             throw DoesNotExist(model.name + "::save(): the " + model.name + " with key " + key.debug_string() +
                                    " does not exist (it was deleted)",
                                model.name);
           throw_invalid(t,
                         "cannot save " + model.name + " " + key.debug_string() + " under parent " +
                             wanted.debug_string() + ": that parent does not exist",
                         key, wanted);
         }};
  Atomic scope(db);
  move_node(*db, t, m, writable);
  const bool written = write();
  scope.commit();
  return written;
}

}  // namespace covet::detail

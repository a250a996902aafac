// The nested-set writes: add_root, add_child / add_sibling (and db.create of a
// node), move_to (and db.save of a node whose parent changed), each in one
// transaction scope with a constant number of statements:
//
//   statement                      SQLite  PostgreSQL
//   BEGIN (or SAVEPOINT)              1        1
//   lock the trees (by the rows)      -        1   (nested_set_table.hpp)
//   read node / target + parents      1        1
//   SELECT MAX(tree_id) + 1           (only when a new tree is made)
//   one UPDATE shifting the bounds    1        1   (CASE over the ranges)
//   INSERT (add_*, create)            1        1
//   COMMIT (or RELEASE)               1        1
//
// Nothing trusts the bounds of the objects passed in: the rows are read
// after the locks are taken, inside the transaction. Invalid moves throw
// InvalidMove before any write.
#include "trees/nested_set_hooks.hpp"
#include "trees/nested_set_table.hpp"

#include "database_access.hpp"

#include <covet/atomic.hpp>
#include <covet/detail/nested_set_ops.hpp>
#include <covet/errors.hpp>

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

// Parameters pushed as they are written into the text.
struct Params {
  const NestedSetTable& t;
  std::vector<Value> values;
  std::string operator()(Value v) {
    values.push_back(std::move(v));
    return t.ph(static_cast<int>(values.size()));
  }
  std::string operator()(int v) { return (*this)(Value(static_cast<std::int64_t>(v))); }
};

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

void insert_as_root(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  Atomic scope(db);
  TreeLocks locks(*db, t);
  locks.lock_allocation();
  insert_placed(db, t, locks, Placement{}, object);
  scope.commit();
}

// The one UPDATE of a move within a tree: the subtree [nl, nr] shifts by
// d, the nodes between it and the gap by -w or +w.
void move_within(DatabaseState& db, const NestedSetTable& t, const StoredNode& n, const Placement& p) {
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
  run_tree_sql(db, t, sql, q.values);
}

// The one UPDATE of a move to another tree (or to a new one): the subtree
// leaves its gap closed behind it and opens one at p.gap in the target.
void move_across(DatabaseState& db, const NestedSetTable& t, const StoredNode& n, const Placement& p) {
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
  sql += " WHERE (" + t.T + " = " + q(n.tree_id) + " AND " + t.R + " >= " + q(n.lft) + ") OR (" + t.T + " = " +
         q(p.tree_id) + " AND " + t.R + " >= " + q(p.gap) + ")";
  run_tree_sql(db, t, sql, q.values);
}

// Moves the stored node `n` to `p` (a new tree when p.tree_id is 0) and
// writes its new position into `object` (when not null).
void move_placed(DatabaseState& db, const NestedSetTable& t, TreeLocks& locks, const StoredNode& n, Placement p,
                 void* object) {
  if (p.tree_id == 0) {
    p.tree_id = locks.next_tree_id();
    p.gap = 1;
    p.level = 0;
    p.parent = Value();
  }
  if (p.tree_id == n.tree_id) {
    move_within(db, t, n, p);
  } else {
    move_across(db, t, n, p);
  }
  if (!object) return;
  const int new_lft = p.gap > n.rgt && p.tree_id == n.tree_id ? p.gap - n.width() : p.gap;
  set_position(t, object, new_lft, new_lft + n.width() - 1, p.tree_id, p.level, p.parent);
}

void check_target(const NestedSetTable& t, const StoredNode& n, const StoredNode& target) {
  if (target.tree_id == n.tree_id && target.lft >= n.lft && target.lft <= n.rgt)
    throw_invalid(t,
                  "cannot move " + t.model->name + " " + n.key.debug_string() +
                      (target.key == n.key ? " relative to itself"
                                           : " under or beside its own descendant " + target.key.debug_string()) +
                      ": a node cannot become its own ancestor; choose a target outside its subtree",
                  n.key, target.key);
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
  // A root's last sibling is a new tree: its tree_id is allocated.
  const bool may_allocate = pos == TreePosition::LastSibling;
  const StoredNode stored = read_one(locks, t, target, may_allocate, name);
  insert_placed(db, t, locks, place(t, stored, pos, Value(), name), node);
  scope.commit();
}

void move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node, const Value& target,
          TreePosition pos) {
  const NestedSetTable t = NestedSetTable::of(model, db->dialect);
  const Value key = model.primary_key->get(node);
  if (key.is_null())
    throw UsageError(model.name + "::move_to(): the node is unsaved; add it to a tree first (add_root, add_child)",
                     model.name);
  Atomic scope(db);
  TreeLocks locks(*db, t);
  if (target.is_null()) {
    const StoredNode n = read_one(locks, t, key, true, "move_to");
    if (!n.parent.is_null()) move_placed(*db, t, locks, n, Placement{}, node);
    scope.commit();
    return;
  }
  const bool may_allocate = pos == TreePosition::LastSibling;
  std::vector<StoredNode> nodes = locks.read({key, target}, may_allocate);
  if (key == target && !nodes.empty()) nodes.push_back(nodes.front());
  if (nodes.size() < 2)
    throw DoesNotExist(model.name + "::move_to(): the node " + key.debug_string() + " or the target " +
                           target.debug_string() + " does not exist (deleted)",
                       model.name);
  const StoredNode& n = nodes[0];
  const StoredNode& to = nodes[1];
  check_target(t, n, to);
  move_placed(*db, t, locks, n, place(t, to, pos, key, "move_to"), node);
  scope.commit();
}

}  // namespace

void nested_set_insert_at(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& target,
                          void* node, TreePosition pos, NestedSetCall call) {
  retry_on_deadlock(*db, [&] { insert_at(db, model, target, node, pos, call); });
}

void nested_set_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node,
                     const Value& target, TreePosition pos) {
  retry_on_deadlock(*db, [&] { move(db, model, node, target, pos); });
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
  Atomic scope(db);
  TreeLocks locks(*db, t);
  if (wanted.is_null()) {
    const StoredNode n = read_one(locks, t, key, true, "save");
    if (!n.parent.is_null()) move_placed(*db, t, locks, n, Placement{}, writable);
  } else {
    std::vector<StoredNode> nodes = locks.read({key, wanted}, false);
    if (nodes.size() < 2 || key == wanted)
      throw_invalid(t,
                    "cannot save " + model.name + " " + key.debug_string() + " under parent " + wanted.debug_string() +
                        (key == wanted ? ": a node cannot be its own parent" : ": that parent does not exist"),
                    key, wanted);
    check_target(t, nodes[0], nodes[1]);
    move_placed(*db, t, locks, nodes[0], place(t, nodes[1], TreePosition::LastChild, key, "save"), writable);
  }
  const bool written = write();
  scope.commit();
  return written;
}

}  // namespace covet::detail

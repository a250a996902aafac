// TreeNode::move_to and the save hook (trees/adjacency_moves.hpp). A move
// of an adjacency-list node is one UPDATE of its parent key: the subtree
// follows by itself. What must not happen is a cycle, so the new parent's
// path to its root is read first (one WITH RECURSIVE query) and the move
// refused when the node is on it. Nothing is written before that check.
//
// The check and the write run in one transaction scope (BEGIN, the check,
// the UPDATE, COMMIT; a SAVEPOINT inside an outer one). On SQLite the
// transaction is immediate, so no other writer comes between them; on
// PostgreSQL (READ COMMITTED) a concurrent move of the target under the node
// could still close a cycle: adjacency lists take no lock of their own. A
// cycle made so is caught by every later read (TreeCycle), never a hang.
#include "trees/adjacency_moves.hpp"

#include "object_loader.hpp"
#include "query/q_node.hpp"
#include "sql/dialect.hpp"
#include "trees/tree_source.hpp"

#include <covet/atomic.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/query_set.hpp>
#include <covet/tree_node.hpp>

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace covet::detail {

namespace {

// Runs one statement of a move or save, naming the model in any error.
ExecResult run_move_sql(DatabaseState& db, const ModelInfo& model, const std::string& sql,
                        std::span<const Value> params, const std::function<void(const Row&)>& on_row = {}) {
  try {
    return db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
}

}  // namespace

void require_valid_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& node,
                        const Value& target, const char* what) {
  const std::string names = model.name + " " + node.debug_string() + " under " + target.debug_string();
  if (node == target)
    throw InvalidMove(std::string(what) + ": cannot move " + names +
                          ": a node cannot be its own parent; pick another parent, or move_to(nullptr) to "
                          "make it a root",
                      model.name, node, target);
  const QueryCore up = tree_walk(db, model, target, TreeWalk::PathFromRoot).filtered(Q("pk", node), false, what);
  if (up.count() > 0)
    throw InvalidMove(std::string(what) + ": cannot move " + names + ": " + target.debug_string() +
                          " is one of its descendants, so the tree would loop; move that descendant out "
                          "first, or pick a parent outside the node's subtree",
                      model.name, node, target);
}

void save_tree_node(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                    const std::function<void()>& write) {
  const Value parent = tree_parent_key(model, object);
  if (parent.is_null()) return write();
  const Value key = model.primary_key->get(object);
  if (key == parent) require_valid_move(db, model, key, parent, "save");  // throws before BEGIN
  // Most saves keep the parent (a renamed node): one read of the stored key
  // tells, and then no check is needed, as no link changes. A concurrent
  // move committed between that read and the write is overwritten, as any
  // column is by the last writer (reads stay guarded: TreeCycle).
  const Dialect dialect = db->dialect;
  const MemberInfo& link = tree_parent_member(model);
  const std::string sql = "SELECT " + quote_identifier(dialect, link.column) + " FROM " +
                          quote_identifier(dialect, model.table) + " WHERE " +
                          quote_identifier(dialect, model.primary_key->column) + " = " + placeholder(dialect, 1);
  const std::array<Value, 1> params{key};
  std::optional<Value> stored;
  run_move_sql(*db, model, sql, params, [&](const Row& row) { stored = row.value(0); });
  if (stored && *stored == parent) return write();
  Atomic scope(db);
  require_valid_move(db, model, key, parent, "save");
  write();
  scope.commit();
}

void tree_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node,
               const Value& new_parent) {
  const Value key = tree_node_key(model, node, "move_to");
  const MemberInfo& parent = tree_parent_member(model);
  if (key == new_parent) require_valid_move(db, model, key, new_parent, "move_to");  // throws before BEGIN
  // The check and the write in one transaction scope: on SQLite (BEGIN
  // IMMEDIATE) no other writer comes between them.
  std::optional<Atomic> scope;
  if (!new_parent.is_null()) {
    scope.emplace(db);
    require_valid_move(db, model, key, new_parent, "move_to");
  }
  const Dialect dialect = db->dialect;
  const std::string sql = "UPDATE " + quote_identifier(dialect, model.table) + " SET " +
                          quote_identifier(dialect, parent.column) + " = " + placeholder(dialect, 1) +
                          " WHERE " + quote_identifier(dialect, model.primary_key->column) + " = " +
                          placeholder(dialect, 2);
  const std::array<Value, 2> params{new_parent, key};
  const std::int64_t updated = run_move_sql(*db, model, sql, params).rows_affected;
  if (updated == 0)
    throw DoesNotExist(model.name + " with " + model.primary_key->name + " " + key.debug_string() +
                           " does not exist (move_to() of a deleted node): nothing was moved",
                       model.name);
  if (scope) scope->commit();
  // As its row now is: the new parent, bound.
  parent.set(node, new_parent);
  bind_object(db, model, node);
}

}  // namespace covet::detail

// The type-erased runtime behind covet::NestedSetNode<T> (covet/nested_set.hpp):
// every write and the whole-table maintenance, by ModelInfo, so the header's
// templates stay one line each. Implemented in runtime/trees/.
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <memory>
#include <string>
#include <vector>

namespace covet {

class Database;

// Where a nested-set write puts a node, relative to its target (mptt's
// positions, treebeard's names): FirstChild / LastChild of the target, or its
// sibling immediately Left / Right of it, or the FirstSibling / LastSibling
// among the target's siblings.
enum class TreePosition { FirstChild, LastChild, Left, Right, FirstSibling, LastSibling };

// What NestedSetNode<T>::check() found: one entry per violated invariant,
// naming the node (its key) and the invariant.
struct NestedSetReport {
  struct Violation {
    Value node;             // the node's primary key
    std::string invariant;  // "lft < rgt", "unique bounds", "contiguous bounds", "inside parent",
                            // "level", "parent link"
    std::string detail;     // what was found, with the numbers
  };
  std::vector<Violation> violations;
  std::size_t nodes = 0;  // how many nodes were checked

  bool ok() const noexcept { return violations.empty(); }
  // One line per violation ("node 7: level: ..."), or "ok (n nodes)".
  std::string to_string() const;
};

namespace detail {

struct DatabaseState;

// Which call a write serves, for the positions it accepts and its messages.
enum class NestedSetCall { AddChild, AddSibling, MoveTo };

// add_root: `node` becomes the root of a new tree (a new tree_id).
void nested_set_add_root(Database& db, const ModelInfo& model, void* node);
// add_child / add_sibling: INSERTs `node` at `pos` relative to the node whose
// key is `target` (its stored ranges are read inside the transaction).
void nested_set_insert_at(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& target,
                          void* node, TreePosition pos, NestedSetCall call);
// move_to: moves `node`'s subtree to `pos` relative to `target` (null: the
// node becomes a root). Updates the node's own columns and parent. The
// objects' tree columns are a hint only: the move is decided from the rows.
void nested_set_move(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* node,
                     const void* target, TreePosition pos);
void nested_set_rebuild(Database& db, const ModelInfo& model);
NestedSetReport nested_set_check(Database& db, const ModelInfo& model);

}  // namespace detail
}  // namespace covet

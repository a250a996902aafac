// The rows a recursive tree query (covet::TreeNode's get_ancestors /
// get_descendants / get_root, include/covet/tree_node.hpp) restricts its
// query set to: the nodes one WITH RECURSIVE walk reaches from one anchor
// node, up its parent links or down to its children. A QueryState holding a
// TreeSource (QueryState::tree) compiles to
//
//   WITH RECURSIVE "covet_tree"("node", "parent", "depth", "path", "cycle") AS (
//     SELECT <anchor row> FROM "t" WHERE "id" = ?
//     UNION ALL
//     SELECT <next row> FROM "t" AS "n" INNER JOIN "covet_tree" AS "r" ON ...
//     WHERE "r"."cycle" = 0)
//   SELECT <columns>, (SELECT MIN("node") FROM "covet_tree" WHERE "cycle" = 1)
//   FROM "t" AS "t0"
//   INNER JOIN "covet_tree" AS "tree" ON ("tree"."cycle" = 1 OR "tree"."depth" >= ?)
//     AND "tree"."node" = "t0"."id"
//   [joins] [WHERE (...) OR "tree"."cycle" = 1]
//   ORDER BY "tree"."cycle" DESC, <the tree's order, when none is asked for>
//
// "depth" counts steps from the anchor (0: the anchor itself); "path" is the
// keys from the anchor to the row, each zero-padded to a fixed width and
// led by '/', so that sorting descendants by it is a pre-order walk (a
// node's path is a prefix of its descendants', '/' sorts before every
// digit), and a key already on the path is found with one string search:
// the row that repeats one gets cycle = 1 and the walk stops there. The
// statement therefore always ends, whatever the stored links; the select
// list's last tree column names the first repeated node (NULL when there is
// none), and the runtime raises TreeCycle when it reads one (rows, counts
// and exists alike: check_tree_cycle). A rows query also lets the repeated
// row through its conditions and sorts it first, so that a cycle is read
// even when the filters, or a LIMIT, leave no other row; counts and exists
// always answer one row.
//
// The WITH clause leads the statement, so its parameters come first on
// both dialects; the join's depth bounds follow (the FROM clause), then
// everything else.
#pragma once

#include "backend/connection.hpp"
#include "query/sql_scope.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <optional>
#include <string>

namespace covet::detail {

struct TreeSource {
  enum class Direction { Up, Down };
  Direction direction = Direction::Down;
  Value anchor;          // the node's primary key
  int min_depth = 1;     // 0 keeps the anchor itself
  // The order used when the query has none of its own: Down is always
  // pre-order (path); Up is nearest first (depth ascending) or root first.
  bool root_first = false;
  // The walk's order backwards (last() of a walk with no order of its own:
  // the last node of the walk, as Django's last() reverses the ordering).
  bool reversed = false;
};

// The parts of a statement a TreeSource adds.
struct TreeSql {
  std::string with;   // "WITH RECURSIVE ... " (ends with a space)
  std::string join;   // "INNER JOIN "covet_tree" AS "tree" ON ... = ": the root's key follows
  std::string cycle;  // the scalar naming a repeated node: the extra column
  std::string cycle_row;  // "the row repeats a node": a rows query ORs it into its WHERE
  std::string order;  // the tree's own order ("tree"."cycle" DESC, "tree"."path" ...)
};

// Binds the anchor and the depth bound into ctx.params: call it before
// any other part of the statement is compiled (and before its SqlScope is
// made, so that scope places its own join values after these).
TreeSql compile_tree_source(CompileContext& ctx, const ModelInfo& model, const TreeSource& tree);

// The model's parent relation member (`parent`), or UsageError when the
// model has none (the plugin rejects such a TreeNode model; this guards
// hand-made metadata).
const MemberInfo& tree_parent_member(const ModelInfo& model);

// Throws TreeCycle naming the model and the node when column `index` of
// `row` (the cycle scalar) is not NULL.
void check_tree_cycle(const ModelInfo& model, const Row& row, int index);

}  // namespace covet::detail

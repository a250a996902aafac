// Rule: a model derives from one tree mixin at most: not from both
// covet::TreeNode<T> and covet::NestedSetNode<T>, nor from a second one of
// the same kind (a child of a tree model deriving from TreeNode<Child>
// again), whether directly or through its bases. The error is at the base
// specifier that brings the second mixin, with a note at the first; a model
// base that already has both is reported itself, not again at each model
// deriving from it.
//
// Why: a node belongs to one tree, stored one way. The two mixins keep their
// own state over the same `parent` key (nested sets also lft / rgt /
// tree_id / level, which an adjacency-list write would leave stale), and
// every tree method (get_children, get_ancestors, move_to, ...) would be
// ambiguous between them.
//
// Fix: keep one mixin: TreeNode for cheap writes and one recursive query
// per read, NestedSetNode for reads without recursion (docs/trees.md
// compares them).
#pragma once

#include "checks/Check.h"

namespace covet {

class TreeMixinConflictCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// detail::tree_walk: one WITH RECURSIVE walk over a model's `parent` links,
// anchored at one node, as a query set (runtime/trees/tree_queries.cpp,
// trees/tree_source.hpp). covet::TreeNode reads its ancestors and
// descendants through it; covet::NestedSetNode its ancestors (a walk up
// costs one indexed lookup per level, where the nested-set range condition
// `lft < ? AND rgt > ?` has no index range narrower than half the tree).
#pragma once

#include <covet/model_info.hpp>
#include <covet/query_set.hpp>
#include <covet/value.hpp>

#include <memory>

namespace covet::detail {

// The recursive reads the tree mixins offer (runtime/trees/recursive_tree_query.cpp).
enum class TreeWalk {
  Ancestors,          // up, the node excluded, nearest first
  AncestorsRootFirst, // up, the node excluded, root first
  PathFromRoot,       // up, the node included, root first
  Descendants,        // down, the node excluded, pre-order
  Subtree,            // down, the node included, pre-order
};

// The query of `walk` from the node with key `node` (runtime/trees/tree_queries.cpp).
QueryCore tree_walk(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Value& node,
                    TreeWalk walk);
}  // namespace covet::detail

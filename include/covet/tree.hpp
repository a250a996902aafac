// Trees: the two CRTP mixins a model derives from.
//
//   struct [[covet::model]] Category : covet::TreeNode<Category> { ... };       // tree_node.hpp
//   struct [[covet::model]] Region : covet::NestedSetNode<Region> { ... };      // nested_set.hpp
//
// docs/trees.md compares them: their costs, their locks.
#pragma once

#include <covet/nested_set.hpp>
#include <covet/tree_node.hpp>

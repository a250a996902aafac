// covet_tree_bench's Covet models: the same tables as the hand-written side's
// (tree_raw.hpp schema()) and bench/django/treesapp's peers, as the guide
// declares a tree: a nullable self foreign key named `parent`. Deleting a
// node deletes its subtree (CASCADE, as treebeard and mptt do).
//
//   TreeAl   bench_tree_al   id, name, parent_id                            covet::TreeNode
//   TreeNs   bench_tree_ns   id, name, parent_id, lft, rgt, tree_id, level  covet::NestedSetNode
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace covet_bench::trees {

struct [[covet::model("bench_tree_al")]] TreeAl : covet::TreeNode<TreeAl> {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<TreeAl>> parent;
};

struct [[covet::model("bench_tree_ns")]] TreeNs : covet::NestedSetNode<TreeNs> {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<TreeNs>> parent;
};

}  // namespace covet_bench::trees

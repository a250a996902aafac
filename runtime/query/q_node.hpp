// The condition tree behind covet::Q. Nodes are immutable and shared: Q
// objects, QuerySets and their copies point at the same nodes, so chaining a
// filter never copies a tree.
//
// Every node knows its depth (a leaf is 1), computed when it is made, so a
// query can refuse a tree deeper than covet::limits::max_q_depth before
// walking it; and a node is destroyed without recursion, so even a tree
// nested a million levels deep (built in a loop, then refused) is freed
// without overflowing the stack.
#pragma once

#include <covet/q.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace covet::detail {

struct QNode {
  enum class Kind { Leaf, And, Or, Not };

  QNode() = default;
  QNode(const QNode&) = delete;
  QNode& operator=(const QNode&) = delete;
  ~QNode();

  Kind kind = Kind::Leaf;
  std::string lookup;   // Leaf: "author__name__startswith"
  FilterValue value;    // Leaf: the right-hand side
  std::vector<std::shared_ptr<const QNode>> children;  // And/Or: two or more; Not: one
  std::size_t depth = 1;  // 1 for a leaf; 1 + the deepest child's otherwise
};

// The condition in Django's notation, as Q::to_string renders it.
std::string describe_condition(const QNode& node);

}  // namespace covet::detail

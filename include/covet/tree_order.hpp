// covet::TreeOrder, the order of a tree node's get_ancestors(), shared by
// both tree mixins (tree_node.hpp, nested_set.hpp):
//
//   auto up = laptops.get_ancestors();                          // Computers, Electronics
//   auto down = laptops.get_ancestors(covet::TreeOrder::RootFirst);  // Electronics, Computers
#pragma once

namespace covet {

// The parent first (the guide's `laptops.get_ancestors()` is
// [computers, electronics]) or the root first (treebeard's and mptt's order).
enum class TreeOrder { NearestFirst, RootFirst };

}  // namespace covet

// covet::NestedSetNode<T>: a nested-set tree (lft, rgt, tree_id, level),
// maintained by Covet alone. (Being written: see issue 13.)
#pragma once

#include <covet/detail/tree_binding.hpp>

namespace covet {

template <class T>
class NestedSetNode {
 private:
  friend struct detail::TreeAccess;
  detail::TreeBinding tree_binding_;
};

}  // namespace covet

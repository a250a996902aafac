// covet::TreeNode<T>: an adjacency-list tree over the model's own nullable
// `parent` foreign key. (Being written: see issue 13.)
#pragma once

#include <covet/detail/tree_binding.hpp>

namespace covet {

template <class T>
class TreeNode {
 private:
  friend struct detail::TreeAccess;
  detail::TreeBinding tree_binding_;
};

}  // namespace covet

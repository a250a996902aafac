// Rule: a tree mixin's template argument is the model deriving from it
// (CRTP): `struct Category : covet::TreeNode<Category>`. The model checked
// is the tree model (TreeMixins.h): the concrete model that brings the
// mixin, itself or through abstract bases. Errors: `covet::TreeNode<Other>`
// in the model's own base list (at the base specifier, with a fix-it
// replacing the argument by the model's name); a mixin named in an abstract
// base with an argument other than the concrete model deriving from it (at
// the model's base specifier towards that base, with a note where the base
// names the mixin).
//
// A child of a tree model (multi-table, single-table or proxy) is not this
// error: it inherits its parent's mixin, TreeNode<Parent>, and is a node of
// the parent's tree, whose methods return the parent model. It is silent.
//
// Why: the mixin's methods build queries of, and return, the model its
// argument names (get_children() is a QuerySet<T>), over T's table and T's
// `parent` key. With another argument they would query another table (or
// not compile at the first call, far from the cause), and the runtime binds
// the node's database through a mixin of the wrong type.
//
// Fix: name the model itself (the fix-it does); for an abstract base shared
// by several tree models, derive each concrete model from the mixin instead.
#pragma once

#include "checks/Check.h"

namespace covet {

class TreeMixinArgumentCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: a model derives only from models (and from Covet's own mixins,
// covet::TreeNode<T> and covet::NestedSetNode<T>), or from plain structs
// without data members (interfaces, tags, CRTP helpers with functions only).
// A base that is not a model and has a data member, in itself or in any of
// its own bases, is an error.
//
// Whether such members are columns: they are not. Only the members of model
// bases are columns (Django's rule: a mixin's attributes are not fields), so
// that the table of a model is what its model bases declare; an attribute
// marks what the plugin reads, as everywhere else in Covet.
//
// Why: without this rule the member would be silently left out of the
// table: never saved, never loaded, and unknown to every lookup, while the
// C++ struct carries it and a designated initializer sets it.
//
// Fix: mark the base [[covet::model, covet::abstract]] (the fix-it does) so
// its data members become columns of each model deriving from it, or move
// them out of the base.
#pragma once

#include "checks/Check.h"

namespace covet {

class NonModelBaseCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: a tree model (one deriving from covet::TreeNode<T> or
// covet::NestedSetNode<T>, directly or through abstract models) has a member
// `parent` that is a nullable foreign key to the model itself:
//
//   [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
//   std::optional<covet::Ref<Category>> parent;
//
// Errors: no `parent` at all (at the mixin's base specifier); a `parent` that
// is not a foreign key (a column, a one-to-one, a many-to-many), not
// nullable (covet::Ref<T>), or a key to another model (at the member, with a
// note at the mixin).
//
// Why: both mixins run over that key. TreeNode's recursive queries follow
// it; NestedSetNode keeps it as well (django-mptt's design): get_parent and
// get_children are one indexed query, and rebuild() recomputes lft / rgt /
// level from it. A root has no parent, so the key is nullable; a parent
// elsewhere than in the model's own table is not a tree.
//
// A multi-table, single-table or proxy child of a tree model inherits the
// parent's mixin and its `parent` key: it is a node of the parent's tree,
// checked once, at the tree model (TreeMixins.h). A proxy that brings a
// mixin itself may keep its concrete model's `parent` (the same rows).
// Faults other checks report are left to them: a covet::Ref without a
// relation attribute (MissingRelationAttributeCheck), a relation attribute on
// another type (RelationStorageCheck), a target that is not a model
// (RelationTargetCheck), SET_NULL on a covet::Ref (SetNullCheck).
//
// Fix: declare the member above (the note shows it, with a fix-it); make it
// std::optional<covet::Ref<Self>> with covet::foreign_key (the fix-it wraps a
// covet::Ref<Self>); point it at the model itself (the fix-it names it).
#pragma once

#include "checks/Check.h"

namespace covet {

class TreeParentCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

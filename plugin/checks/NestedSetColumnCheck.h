// Rule: a model deriving from covet::NestedSetNode<T> (directly, through an
// abstract base, or as a child of a nested-set model) declares no member
// named like a column the mixin brings: lft, rgt, tree_id, level, whatever
// its type. One error at each such declaration, with a note at the mixin
// and a fix-it removing the declaration.
//
// Why: the mixin brings those columns read-only and Covet alone writes them
// (every write keeps the nested set consistent: lft < rgt, nested ranges,
// one tree_id per tree). A member of the same name would hide the mixin's:
// a second column of that name in the table, lookups and loads seeing two,
// and a writable copy the user could set and Covet would ignore or trust.
// The rule goes by name, not type: an `int lft` is as wrong as a
// `std::string lft`. HiddenMemberCheck leaves these members to this rule
// (one error per fault).
//
// Fix: remove the declaration (the fix-it does) and read the mixin's
// member; rename the member if it meant something else.
#pragma once

#include "checks/Check.h"

namespace covet {

class NestedSetColumnCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

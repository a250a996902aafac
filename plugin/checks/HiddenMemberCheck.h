// Rule: a model does not redeclare a field it inherits (Django's models.E006
// and, for two bases, models.E005). An error when a member of a model, or of
// an abstract base it derives from, has the name of a member of a model it
// inherits from, abstract or concrete; or when one of the two is a foreign
// key or one-to-one `x` and the other is named `x_id`, the name lookups give
// the key of `x`. Also when two bases of a model (C++ multiple inheritance)
// bring members of one name.
//
// Why: C++ lets a derived class hide a base's member; the model would have
// two fields of one name, each with its column, and every name lookup
// (filter("name"), only(), order_by()) could mean either. Members whose
// columns clash in one table without sharing a name are DuplicateColumnCheck's
// (a multi-table child's table is its own: it may reuse a parent's column
// name); two primary keys are PrimaryKeyCheck's; a member named like a
// column of covet::NestedSetNode (lft, rgt, tree_id, level) in a nested-set
// model is NestedSetColumnCheck's.
//
// Fix: rename the member, or remove it and use the inherited one.
#pragma once

#include "checks/Check.h"

namespace covet {

class HiddenMemberCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

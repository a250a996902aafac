// Rule: a model's options agree with the shape it resolves to
// (ModelGraphBuilder::resolveInheritance):
//   * covet::model("table") names a table only for a model that has one: not
//     on a single-table subclass (it lives in its root's table), a proxy (it
//     uses its parent's) or an abstract model (it has none, and the models
//     deriving from it do not inherit the name);
//   * covet::proxy and covet::multi_table exclude each other (a proxy has no
//     table of its own; a multi-table child does);
//   * covet::abstract excludes covet::proxy and covet::multi_table (an
//     abstract model has neither rows to show nor a table to extend).
// (polymorphic_on and polymorphic_identity have rules of their own:
// DiscriminatorPlacementCheck, IdentityPlacementCheck, MixedInheritanceCheck.)
//
// Why: the model graph follows the shape and ignores the contradicting
// option, so the program compiles and silently stores the model elsewhere
// than it says (a table name that is never created, a "multi-table" proxy
// without a table).
//
// Fix: remove the table name (the fix-it does), or one of the two options.
#pragma once

#include "checks/Check.h"

namespace covet {

class ModelOptionCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

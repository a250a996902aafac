// Rule: a hierarchy is stored one way. covet::multi_table is an error on a
// model whose hierarchy root declares covet::polymorphic_on: on the root
// itself (the two options together), or on any model below it, at any depth.
//
// Why: below a root with polymorphic_on every model lives in the root's
// table (ModelGraphBuilder resolves them single-table), so the multi_table
// written on a subclass would be silently ignored: its columns would go to
// the shared table, not to a table of its own as declared.
//
// Fix: remove covet::multi_table, or remove covet::polymorphic_on from the
// root to make the whole hierarchy multi-table.
#pragma once

#include "checks/Check.h"

namespace covet {

class MixedInheritanceCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

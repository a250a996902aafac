// Rule: a model has at most one concrete parent. Its concrete parents are,
// for each direct base that is a model, that base if it is concrete, else the
// concrete model that abstract base derives from; two distinct ones (C++
// multiple inheritance from two concrete models, directly or through
// abstract bases) are an error, for a proxy as for any model.
//
// Why: Covet stores a hierarchy along one chain of parents: a multi-table
// child's table is keyed by a link to one parent's table, a single-table
// child lives in its root's table, a proxy shows one parent's rows. A second
// concrete parent would have its columns silently left out of every row.
// (Django accepts several multi-table parents; Covet does not build that
// shape.)
//
// Fix: make one of the bases covet::abstract (its members then become
// columns of this model's table), or derive from one of them only.
#pragma once

#include "checks/Check.h"

namespace covet {

class MultipleParentsCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: a proxy model (covet::proxy) is another C++ face of the rows of one
// concrete model: it derives from a concrete model (directly, or through
// abstract models) and declares no data member of its own, nor brings one in
// from an abstract base the parent does not have. Static members, member
// functions and nested types are what a proxy is for (Django's proxy
// models: other methods, another default ordering).
//
// Why: a proxy has no table; it loads and saves its parent's columns. A data
// member of its own has no column to live in (it would be silently dropped on
// save and never loaded), and a proxy without a concrete parent has no table
// at all.
//
// Fix: move the member to the parent (a column of its table), or drop
// covet::proxy to make the model a multi-table child with a table of its own;
// derive a proxy from the concrete model whose rows it shows. (A model
// deriving from two concrete models is MultipleParentsCheck's error.)
#pragma once

#include "checks/Check.h"

namespace covet {

class ProxyShapeCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

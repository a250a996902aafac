// Rule: each target listed by covet::GenericRef<Targets...> is a concrete
// covet model, listed once.
//
// Why: the reference stores a content type, and only concrete models have
// one (an abstract model has no rows; a plain struct is not in the
// content-type table), so a reference to such a target could never be
// written or read. A repeated target is a typo for another model.
//
// Fix: list concrete models (the ones deriving from an abstract base), mark
// the struct [[covet::model]], or remove the repeated target.
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericRefTargetCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

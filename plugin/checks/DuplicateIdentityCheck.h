// Rule: the models of one single-table hierarchy (a root with
// covet::polymorphic_on and the concrete models below it) have distinct
// identities. A model's identity is its covet::polymorphic_identity("..."),
// else its lower-case name (so `Car` and an explicit identity "car" clash);
// identities are compared exactly, as the discriminator column compares
// them. A proxy loads its parent's rows and has its parent's identity by
// design: it is not counted.
//
// Why: the discriminator column holds the identity of each row's model. With
// two models of one identity, db.objects<Car>() also returns the other
// model's rows and a polymorphic load cannot tell which type a row is.
//
// Fix: give one of them another covet::polymorphic_identity("...").
#pragma once

#include "checks/Check.h"

namespace covet {

class DuplicateIdentityCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

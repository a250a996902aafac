// Rule: covet::polymorphic_on("column") is written only on the root of a
// hierarchy: a concrete model that derives from no concrete model. It is an
// error on
//   * a model deriving from a concrete model (a proxy included): the root
//     alone decides how the hierarchy is stored, and a second discriminator
//     below it, or a single-table level under a multi-table parent, is not a
//     shape Covet builds;
//   * an abstract model: it has no table to hold the column (a concrete
//     model deriving from it does not inherit the option).
//
// Why: the model graph reads the discriminator of the root only; anywhere
// else the option is silently ignored and the models below are stored in
// another shape than the one declared.
//
// Fix: move covet::polymorphic_on to the root (the note shows it), or remove
// it.
#pragma once

#include "checks/Check.h"

namespace covet {

class DiscriminatorPlacementCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

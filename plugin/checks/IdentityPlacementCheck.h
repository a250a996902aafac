// Rule: covet::polymorphic_identity("...") is written only where it names the
// rows of a model: on a concrete, non-proxy model of a single-table
// hierarchy, i.e. one whose hierarchy root (the top of its chain of concrete
// parents, possibly itself) declares covet::polymorphic_on. So it is an
// error on
//   * a model whose root has no covet::polymorphic_on (the hierarchy is
//     multi-table, or there is none): no discriminator column stores it;
//   * a proxy: it loads its parent's rows and has its parent's identity;
//   * an abstract model: it has no rows.
//
// Why: the model graph ignores the identity in each case (a subclass of a
// root without polymorphic_on is multi-table, Django's default), so the
// program would compile, and silently not be the single-table hierarchy it
// describes.
//
// Fix: add covet::polymorphic_on("type") to the root (the message names it),
// or remove the identity.
#pragma once

#include "checks/Check.h"

namespace covet {

class IdentityPlacementCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: CASCADE edges (a foreign key or one-to-one with covet::CASCADE: deleting
// the target deletes the referencing row) do not form a cycle through two or
// more models. A model cascading to itself (a tree's parent key) is fine, and
// so is any cycle with one edge that is not CASCADE.
//
// Why: with A -> B -> A all CASCADE, deleting one row deletes rows of the
// other model, which delete rows of the first, and so on: one delete can
// empty both tables, and the order of the collector is ill-defined.
//
// Fix: break the cycle with covet::SET_NULL on one edge (the key must be
// std::optional<covet::Ref<T>>), or PROTECT / RESTRICT / DO_NOTHING.
//
// One error per cycle, on the edge leaving the model of the cycle that comes
// first in the translation unit (the shortest cycle through it), with a note
// on every edge in order and a note (a fix-it where the key is already
// optional) suggesting SET_NULL.
//
// Inheritance: each concrete model is a node with its own keys. A key
// declared on a concrete parent is an edge of that parent only (its table
// holds the column), so a cycle through it is reported once, not once per
// child; a key declared on an abstract base is an edge of each concrete
// model deriving from it, and a cycle it closes is reported at that model,
// with the notes at the base's key.
#pragma once

#include "checks/Check.h"

namespace covet {

class CascadeCycleCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

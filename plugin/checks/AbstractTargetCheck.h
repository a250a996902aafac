// Rule: the T of a relation (`covet::Ref<T>`, `std::optional<covet::Ref<T>>`,
// `covet::RefSet<T>`) or of a declared reverse member (`covet::ReverseSet<T>`,
// `covet::ReverseOne<T>`) is not an abstract model (Django's fields.E300:
// "... which is either not installed, or is abstract"). The message names the
// concrete models deriving from T (with only abstract models in between),
// which a relation could refer to instead.
//
// Why: an abstract model has no table, so there is no key column to refer
// to, no row to load and no foreign key constraint to create; a relation
// "to any of Dog or Cat" is a generic relation, not a foreign key.
//
// Fix: refer to one of the concrete models, or make T concrete (a
// multi-table or single-table parent whose rows stand for every subclass).
// (A target that is not a model, or never defined, is RelationTargetCheck's.)
#pragma once

#include "checks/Check.h"

namespace covet {

class AbstractTargetCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

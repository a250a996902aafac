// Rule: code does not use an abstract model as if it had a table:
//   * a call of a member function template of covet::Database whose model
//     (its first template argument, explicit or deduced) is an abstract
//     model: db.objects<Animal>(), db.create(Animal{...}), db.save(animal),
//     db.update(animal), db.erase(animal), db.bulk_create(animals),
//     db.refresh(animal), db.prefetch(animals, ...) (not related(o, &X::m),
//     which deduces the class declaring m: an abstract base's for a member a
//     concrete model inherits), written outside Covet's own code;
//   * a variable, parameter or data member of a class that is not a model
//     whose type is covet::Ref<Animal>, std::optional<covet::Ref<Animal>> or
//     covet::RefSet<Animal> (a model's own members are AbstractTargetCheck's).
// The message says why (Django's fields.E300: the model "is abstract") and
// names the concrete models deriving from it. It runs wherever the plugin
// checks code: over the model headers, and over every source of a target in
// check-only mode, against the translation unit's models and those of the
// model graph JSON (so a source need not include the concrete models'
// headers for the message to name them). A call in a template is checked in
// each instantiation and reported once.
//
// Why: an abstract model has no table, so there is nothing to query, insert,
// update or delete, and no key to refer to; at run time these are typed
// errors (UsageError), long after the code compiled.
//
// Fix: use one of the concrete models the message names (or a concrete
// parent whose rows stand for every subclass).
#pragma once

#include "LookupGraph.h"
#include "checks/Check.h"

namespace covet {

class AbstractModelUseCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

// The same check against a lookup graph (check-only mode).
void checkAbstractModelUses(const LookupGraph &Graph, CheckContext &Ctx);

}  // namespace covet

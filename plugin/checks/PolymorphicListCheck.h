// Rule: the types of a polymorphic load, QuerySet<T>::polymorphic<Ts...>()
// (a member function template of covet::QuerySet named `polymorphic`), are
// exactly the concrete, non-proxy models below T, in any order: every model
// whose chain of concrete parents reaches T (at any depth), none missing, and
// nothing else: not a model, not a proxy (its rows load as its parent), not
// an abstract model, not T itself (it is the first alternative of the result
// already), not a model of another hierarchy, nothing twice. The runtime
// checks the same list (UsageError naming the missing and extra models);
// this rule reports it where the call is written.
//
// Why: the result is a std::variant of T and the listed types, and each row
// loads as its most-derived model; a missing model's rows would have no
// alternative to load into, an extra one would never be produced.
//
// Fix: list the models the message names; the note's fix-it writes the whole
// list. Checked over the model headers and, in check-only mode, over every
// source of the target (with the models of the graph JSON).
#pragma once

#include "LookupGraph.h"
#include "checks/Check.h"

namespace covet {

class PolymorphicListCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

// The same check against a lookup graph (check-only mode).
void checkPolymorphicLists(const LookupGraph &Graph, CheckContext &Ctx);

}  // namespace covet

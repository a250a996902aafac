// Rule: the reverse sides a model receives have distinct names, and none
// shadows a field of that model.
//   * two relations to one model may not give it the same reverse accessor
//     (related_name, else "<model>_set", "<model>" for a one-to-one), nor the
//     same reverse query name (related_query_name, else related_name, else
//     "<model>"), default names included;
//   * a reverse accessor may not equal the name of a column or relation
//     member of the target, unless that member is a declared reverse member
//     (covet::ReverseSet<S> / covet::ReverseOne<S>) whose S is the relation's
//     model: that is the member the reverse side binds to;
//   * a reverse query name may not equal the name of a column or relation
//     member of the target.
// A related_name of "+" (or ending in '+') hides the reverse side: no clash.
// A relation declared on an abstract base belongs to each concrete model
// deriving from it, with its names computed for that model ("{model}" in
// related_name / related_query_name is the model's lower-case name, as
// Django's "%(class)s"): a fixed related_name gives two children of one base
// one reverse name. Such a clash is reported at the child, with a note at
// the base's member whose fix-it writes "{model}_<name>".
//
// Why: the runtime finds a reverse relation by its accessor (db.related<T>(o,
// "name"), declared reverse members) and lookups find it by its query name;
// with two of one name the first silently wins, and a field of the same name
// makes the reverse side unreachable in lookups. Django rejects these at
// start-up (fields.E302..E305); Covet rejects them while compiling.
//
// Fix: give one of the relations a distinct covet::related_name (or
// covet::related_query_name), or covet::related_name("+") to hide it; on an
// abstract base, a name with "{model}" in it.
#pragma once

#include "checks/Check.h"

namespace covet {

class ReverseNameClashCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

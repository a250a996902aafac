// Rule: a covet::related_name is a C++ identifier ([A-Za-z_][A-Za-z0-9_]*),
// or ends in '+' (which hides the reverse side); the reverse query name
// (covet::related_query_name, else related_name) contains no "__" and does
// not end in '_'. Names are checked with each "{model}" replaced by the
// lower-case name of the concrete model the relation belongs to (the
// placeholder is Django's "%(class)s": see ReverseNameClashCheck for
// abstract bases).
//
// Why: the accessor names a declared reverse member; the query name is a
// segment of lookup strings, which are split at "__" (Django fields.E306,
// E308, E309).
//
// Fix: choose a name like "books".
#pragma once

#include "checks/Check.h"

namespace covet {

class RelatedNameCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

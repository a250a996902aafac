// Rule: the query name a covet::GenericRelation<T> gives T with
// covet::related_query_name("x") (the name T's lookups use to reach the
// relation's model: db.objects<T>().filter("x__title", ...)) is not also
// the name of a member of T, of the reverse query name of a relation to T,
// or of another GenericRelation's query name on T.
//
// Why: a lookup segment names one thing; the member would win and the
// generic step be unreachable, or the two relations' steps be confused
// (Django's fields.E303 / E305 cover GenericRelation too).
//
// Fix: give the GenericRelation another related_query_name; on an abstract
// base, one with "{model}" so each model deriving from it gets its own.
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericQueryNameClashCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

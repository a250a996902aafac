// Rule: covet::generic_relation(ON_DELETE) on a covet::GenericRelation<T>
// takes covet::CASCADE (the default, also when the argument is left out),
// covet::SET_NULL or covet::DO_NOTHING; SET_NULL needs both members the
// relation names on T (its content type and object id) to be std::optional.
//
// Why: what erasing the owner does to T's rows pointing at it. Django's
// GenericRelation always cascades; Covet lets the user keep the rows
// (DO_NOTHING) or clear the reference (SET_NULL). PROTECT, RESTRICT,
// SET_DEFAULT and SET(fn) have no meaning the runtime implements for a
// reference without a foreign-key constraint, and SET_NULL on a NOT NULL
// column fails at the delete (IntegrityError) and cannot be loaded back.
//
// Fix: choose one of the three policies; for SET_NULL, declare the members
// std::optional<covet::ContentTypeId> and std::optional<std::int64_t> (the
// fix-it wraps each type).
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericRelationOnDeleteCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

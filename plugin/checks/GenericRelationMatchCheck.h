// Rule: a covet::GenericRelation<T> relates to a concrete covet model T that
// declares a covet::GenericRef over the two members the relation names
// ("content_type" and "object_id" unless covet::generic_fields names
// others), and that GenericRef can point at the model owning the relation
// (it lists no targets, or lists that model). A multi-table (or
// single-table) child inherits its parent's relation under its own content
// type, as Django copies the relation to the child: the reference must be
// able to point at the child too.
//
// Why: the relation is the rows of T whose generic reference points at the
// owner; without such a reference it has nothing to filter on, and Django
// finds that only at start-up (contenttypes.E004). A reference whose
// targets leave the owner out can never point at it, so the relation would
// always be empty and its cascade never run; so would the child's rows in
// an inherited relation, and erasing a child would leave them (the child's
// objects are stored under its own content type, not the parent's).
//
// Fix: relate to the model holding the reference, declare the reference,
// name its members with covet::generic_fields, or add the owner to the
// reference's targets (or make it covet::GenericRef<> for any model); for
// an inherited relation, add the child.
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericRelationMatchCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

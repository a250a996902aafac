// Rule: a covet::GenericRef reads two members of its own model, named
// "content_type" and "object_id" unless covet::generic_fields("ct", "id")
// names others:
//   * the content-type member exists and is a covet::ContentTypeId (or a
//     std::optional of one);
//   * the object-id member exists and is a plain column (not a relation, a
//     reverse member, another GenericRef or a GenericRelation).
//
// Why: the runtime reads and writes the reference through those two
// members; Django finds a missing or mistyped one only when its system
// checks run (contenttypes.E001-E004 for GenericForeignKey), Covet at
// compile time. A content type stored in a plain integer would bypass the
// ContentType conversions; an object id that is not a column has nowhere to
// store the key.
//
// Fix: declare the members (covet::ContentTypeId content_type;
// std::int64_t object_id = 0;), fix their types, or name the right ones
// with covet::generic_fields.
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericRefFieldsCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

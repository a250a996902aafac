// Rule: the object-id member of a covet::GenericRef can hold the primary
// key of every model the reference may point at:
//   * each target it lists, and
//   * the owner of each covet::GenericRelation<T> matching it (which covers
//     covet::GenericRef<>, whose targets are not listed);
// a covet::Id key (BIGINT) needs a signed 64-bit integer member
// (std::int64_t, long long, or a std::optional of one), a covet::Uuid key a
// covet::Uuid member (or a std::optional of one).
//
// Why: the key is stored in that member and compared with the target's
// key in every lookup, prefetch and cascade. A 32-bit member overflows once
// the target's ids pass 2^31 (Django #33450); a text member against an
// integer key makes the join compare text with integers, which PostgreSQL
// refuses (Django #16055, netbox #8195).
//
// Fix: declare the member with the type named (the fix-it does, for a type
// written plainly), or remove the target.
#pragma once

#include "checks/Check.h"

namespace covet {

class GenericObjectIdTypeCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

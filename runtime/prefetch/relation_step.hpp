// One step of a prefetch lookup ("books" in "books__tags"): a relation read
// from one model, described the same way whatever its kind, so the prefetch
// engine and auto-prefetch never look at relation kinds (after Django's
// get_prefetch_queryset hook on each related descriptor):
//
//   relation, read from       owner key            related rows matched on           per owner  result goes to
//   FK / O2O, forward (Ref)   the key column       the target's key (pk / to_field)  one        the Ref (store_object)
//   FK, reverse               pk (or to_field)     the source's key column           many       ReverseSet (open_cache)
//   O2O, reverse              pk (or to_field)     the source's key column           one        ReverseOne (store_object)
//   M2M, forward (RefSet)     the join's key       join table, source column         many       the RefSet (open_cache)
//   M2M, reverse              the join's key       join table, target column         many       ReverseSet (open_cache)
//   GenericRelation           pk                   object-id column + content type   many       GenericRelation (open_cache)
//   GenericRef                object-id column     each content type's key           one        the GenericRef (generic_state)
#pragma once

#include "prefetch/key_restriction.hpp"

#include <covet/model_info.hpp>

#include <string>
#include <string_view>

namespace covet::detail {

struct RelationStep {
  const ModelInfo* owner = nullptr;    // the model the step starts from
  const ModelInfo* related = nullptr;  // the model whose rows it loads
  std::string name;                    // as written in the lookup
  std::string describe;                // "Author.books", for messages
  const MemberInfo* relation = nullptr;  // the relation member, on the model declaring it
  bool reverse = false;                  // read from the relation's target side
  bool single = false;                   // at most one related object per owner
  const MemberInfo* owner_key = nullptr;  // the owner's member whose value the rows match
  const MemberInfo* slot = nullptr;       // the owner's member receiving the rows; null: none declared
  KeyRestriction restriction;             // without keys
  // A generic reference (covet::GenericRef) of the owner: its objects are of
  // several models, loaded one query per content type present
  // (prefetch/generic_prefetch.hpp); `related` is null then.
  const MemberInfo* generic_ref = nullptr;
};

// The step `name` from `owner`: a forward relation member or a reverse
// accessor. Throws FieldError naming the model and listing the relations it
// can prefetch.
RelationStep resolve_step(const ModelInfo& owner, std::string_view name);

// The step reading `relation` (forward, or reverse from its target).
RelationStep step_of(const MemberInfo& relation, bool reverse);

}  // namespace covet::detail

// Which relation members the relation-target checks read: those whose
// storage and attribute agree (a Ref with foreign_key or one_to_one, a
// RefSet with many_to_many, a reverse member). RelationStorageCheck and
// MissingRelationAttributeCheck report the others, once; reading them here
// too would report one mistake twice.
#pragma once

#include "ModelGraph.h"

namespace covet {

inline bool isCheckedRelation(const Member &M) {
  switch (M.Kind) {
    case Storage::Ref:
    case Storage::OptionalRef:
      return M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne;
    case Storage::RefSet:
      return M.Relation == RelationAttr::ManyToMany;
    case Storage::ReverseSet:
    case Storage::ReverseOne:
      return true;
    default:
      return false;
  }
}

}  // namespace covet

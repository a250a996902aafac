// Rule: an option is only written on the kind of member it configures:
//   max_length                 on a std::string (or std::optional<std::string>)
//   related_name, related_query_name, db_constraint
//                              on a relation member
//   to_field                   on a foreign key or one-to-one
//   through, through_fields, symmetrical
//                              on a many-to-many
//   related_query_name         also on a covet::GenericRelation
//   generic_fields             on a covet::GenericRef or covet::GenericRelation
//   generic_relation           on a covet::GenericRelation
//   unique                     not on a many-to-many, GenericRef or GenericRelation
//   column, db_index           not on a GenericRef or GenericRelation (no column)
//
// Why: the runtime ignores an option where it means nothing, so a misplaced
// one is a silent no-op (a max_length on an int does not limit anything).
//
// Fix: remove the option, or move it to the member it was meant for.
#pragma once

#include "checks/Check.h"

namespace covet {

class MisplacedOptionCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// The relations of the model graph as the runtime sees them, for the checks
// that reason about more than one declaration: which members are well-formed
// relations, which model each relation belongs to, the reverse side each
// gives its target (accessor and query name) and the automatic join table of
// a many-to-many.
//
// The names come from covet/detail/naming.hpp, the one definition the runtime
// uses too (Django's rules):
//   accessor   = related_name, else for a one-to-one the lower-case source
//                model name, else the lower-case source model name + "_set"
//   query name = related_query_name, else related_name, else the lower-case
//                source model name
//   "{model}" in either name is the lower-case name of the concrete model
//   the relation belongs to (Django's %(class)s)
//   a related_name ending in '+' hides the reverse side, and so does a
//   symmetrical many-to-many of a model to itself (symmetrical true or left
//   at its default).
#pragma once

#include "ModelGraph.h"

#include "covet/detail/naming.hpp"

#include <optional>
#include <string>
#include <vector>

namespace covet {

namespace naming = detail::naming;

// A member whose storage and relation attribute agree (a Ref or optional Ref
// with foreign_key / one_to_one, a RefSet with many_to_many) and whose target
// is a concrete model. Other members are reported by the shape checks.
bool isWellFormedRelation(const Member &M);

// A foreign key or one-to-one (a well-formed relation holding a key column).
bool isKeyRelation(const Member &M);

// "Book::author": the model and member, for messages.
std::string qualifiedMember(const Model &M, const Member &Mem);

// The relation members that belong to model M: its own and those of abstract
// bases (each concrete model gets its own copy of those), but not those
// inherited from a concrete parent (that parent carries them).
std::vector<const Member *> ownRelations(const ModelGraph &G, const Model &M);

struct ReverseRelation {
  const Model *Source = nullptr;   // the model declaring the relation (Book)
  const Member *Relation = nullptr;  // its member (Book::author)
  const Model *Target = nullptr;   // the model that gets the reverse side (Author)
  std::string Accessor;            // "books" / "book_set" / "book"
  std::string QueryName;           // "books" / "book"
  bool Single = false;             // one-to-one: the reverse is one object
  bool ManyToMany = false;
};

// Every visible reverse relation, in a stable order: by source model in the
// order of the translation unit, then declaration order.
std::vector<ReverseRelation> reverseRelations(const ModelGraph &G);

// Whether Mem, one of ownRelations(Source), is declared on an abstract base
// of Source rather than by Source itself.
bool declaredOnAbstractBase(const Model &Source, const Member &Mem);

// Whether the reverse side of Mem (declared on model Source) is hidden.
bool reverseHidden(const Model &Source, const Member &Mem);

// The automatic join table of Mem, a well-formed many-to-many without
// covet::through declared on (or, from an abstract base, copied into) the
// concrete model Source; nullopt for any other member.
std::optional<naming::JoinTableNames> automaticJoinTable(const Model &Source, const Member &Mem);

}  // namespace covet

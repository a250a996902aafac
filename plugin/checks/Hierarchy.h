// The inheritance hierarchies of the model graph as the inheritance checks
// read them: who derives from whom, which models share a single table, which
// concrete models an abstract one stands for, and where a model option is
// written (to report there).
//
// The resolved shape (Model::Strategy, Root, Discriminator, Identity) comes
// from ModelGraphBuilder; these helpers only query it.
#pragma once

#include "Attributes.h"
#include "ModelGraph.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace covet {

// Whether M derives from Ancestor through any path of C++ bases (M itself
// excluded).
bool derivesFrom(const Model &M, const Model &Ancestor);

// Whether one of A and B derives from the other, or they are one model.
bool sameLine(const Model &A, const Model &B);

// Whether M is a concrete model of a single-table hierarchy (its root, or a
// model below a root with covet::polymorphic_on; proxies included).
bool isSingleTable(const Model &M);

// The concrete models a relation to, or a query of, the abstract model A
// could mean: every concrete model deriving from A with only abstract models
// in between, in the order of the translation unit.
std::vector<const Model *> concreteModelsOf(const ModelGraph &G, const Model &A);

// The members M carries in its own table: declared by M or by an abstract
// base of M, not by a concrete parent.
std::vector<const Member *> carriedMembers(const Model &M);

// The concrete model other than M, among those M derives from, whose table
// holds Mem: nullptr when M declares Mem or carries it from an abstract base.
// (With one concrete parent, it is M.owner(Mem) when that is not M; it also
// finds members that come from a second concrete parent.)
const Model *concreteCarrier(const ModelGraph &G, const Model &M, const Member &Mem);

// How the names of two members clash in lookups: one name, or one is a
// foreign key or one-to-one `x` and the other is `x_id` (the name lookups
// give x's key).
enum class NameClash { None, SameName, FirstIsKey, SecondIsKey };
NameClash nameClash(const Member &First, const Member &Second);

// "'Dog'", "'Dog' or 'Cat'", "'Dog', 'Cat' or 'Bird'" (Conj: "or" / "and").
std::string quotedList(const std::vector<std::string> &Names, llvm::StringRef Conj = "or");
std::vector<std::string> modelNames(const std::vector<const Model *> &Models);

// Where the model option Id is written on M: the annotation, else (when M
// does not write it) M's name.
clang::SourceLocation optionLoc(const Model &M, AttrId Id);
// Where the string argument of the model option Id is: the literal, else
// optionLoc().
clang::SourceLocation optionArgLoc(const Model &M, AttrId Id);

}  // namespace covet

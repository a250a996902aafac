// What the generic-relation checks share: reading a GenericRef's two column
// members, finding the GenericRef a GenericRelation<T> matches, and whether
// a member can hold a model's primary key. Not a rule of its own.
#pragma once

#include "ModelGraph.h"

#include "clang/Basic/Diagnostic.h"

#include <optional>
#include <vector>

namespace covet {

// Whether T is a std::optional.
bool isOptionalType(clang::QualType T);

// Whether T is covet::ContentTypeId or std::optional<covet::ContentTypeId>.
bool isContentTypeIdType(clang::QualType T);

// The GenericRef members of Target over the members CtField and IdField, in
// declaration order.
std::vector<const Member *> genericRefsOver(const Model &Target, llvm::StringRef CtField,
                                            llvm::StringRef IdField);

// Every GenericRef member of Target, in declaration order.
std::vector<const Member *> genericRefsOf(const Model &Target);

// Whether the GenericRef Ref may point at an object of Owner: it lists no
// targets (any model), or lists Owner, or Owner is a proxy of a listed model
// (a proxy's objects have their concrete model's content type, Django's
// for_concrete_model=True).
bool genericRefAccepts(const Member &Ref, const Model &Owner);

// The kind of key a generic reference to a model stores.
enum class KeyKind { BigInt, Uuid, Unknown };
// Of M's primary key (Unknown: none, PrimaryKeyCheck's error).
KeyKind keyKindOf(const Model &M);

// Whether a member of type T can hold a key of kind K: a signed 64-bit
// integer for covet::Id (BIGINT), covet::Uuid for a covet::Uuid key; each
// also as a std::optional. Unknown keys fit anything.
bool holdsKey(clang::ASTContext &Ctx, clang::QualType T, KeyKind K);

// A fix-it replacing the type written for F (all of it: `std::optional<int>`
// is rewritten whole) with Replacement, unless it is spelled through a macro.
std::optional<clang::FixItHint> replaceWrittenType(const clang::FieldDecl *F, llvm::StringRef Replacement);

// The list "'Post', 'Photo'" of a GenericRef's targets, for notes.
std::string targetList(const Member &Ref);

}  // namespace covet

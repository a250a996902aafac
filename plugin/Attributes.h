// The Covet attributes: parsing-side checks (Attributes.cpp) and the read-back
// helpers every later pass uses.
//
// Each attribute in Attributes.inc is a ParsedAttrInfo registered with two
// spellings: `covet::NAME` and the bare `NAME` (Clang 19 only parses the
// arguments of a plugin attribute whose bare name some plugin registers; the
// bare use itself is rejected). A valid attribute becomes an AnnotateAttr
// whose annotation is "covet::NAME" and whose arguments are the attribute's
// argument expressions (as constant expressions), so the model graph builder
// reads everything from the AST.
#pragma once

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace covet {

enum class AttrId : unsigned {
#define COVET_ATTR(Name, Subject, Args) Name,
#include "Attributes.inc"
#undef COVET_ATTR
  NumAttrs
};

// "foreign_key" for AttrId::foreign_key.
llvm::StringRef attrName(AttrId Id);

// All attribute names, for spelling suggestions.
llvm::ArrayRef<llvm::StringRef> allAttrNames();

// The annotation a Covet attribute left on D, or nullptr.
const clang::AnnotateAttr *findAttr(const clang::Decl *D, AttrId Id);

// Every annotation of a repeatable attribute (covet::unique_together) on D,
// in the order they are written.
llvm::SmallVector<const clang::AnnotateAttr *, 2> findAttrs(const clang::Decl *D, AttrId Id);

// Argument readers for an annotation made by a Covet attribute. They return
// nullopt when the argument is absent (the attribute checks guarantee the type).
std::optional<std::string> stringArg(const clang::AnnotateAttr *A, unsigned I);
std::optional<llvm::APSInt> intArg(const clang::ASTContext &Ctx, const clang::AnnotateAttr *A,
                                   unsigned I);

// The on_delete policy of a foreign_key / one_to_one annotation: the value of
// covet::OnDelete (Cascade = 0 ... Set = 6) and, for covet::SET(fn), fn.
struct OnDeletePolicy {
  unsigned Value = 0;
  const clang::FunctionDecl *SetFn = nullptr;
};
std::optional<OnDeletePolicy> onDeleteArg(const clang::ASTContext &Ctx,
                                          const clang::AnnotateAttr *A);
// "CASCADE" ... "SET" for a covet::OnDelete value, as the declaration spells
// it (covet::SET_NULL): the model graph's JSON and diagrams use these names.
llvm::StringRef onDeletePolicyName(unsigned Value);

}  // namespace covet

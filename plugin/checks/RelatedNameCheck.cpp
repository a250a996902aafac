#include "checks/RelatedNameCheck.h"

#include "covet/detail/naming.hpp"

#include "clang/Basic/CharInfo.h"

namespace covet {

namespace {

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !clang::isAsciiIdentifierStart(S[0]))
    return false;
  return llvm::all_of(S, [](char C) { return clang::isAsciiIdentifierContinue(C); });
}

}  // namespace

void RelatedNameCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    // A GenericRelation's related_query_name is a lookup name like any other.
    if (Mem->Relation == RelationAttr::None && Mem->Kind != Storage::GenericRelation)
      continue;  // MisplacedOptionCheck reports the option
    const clang::FieldDecl *F = Mem->Field;
    const bool Hidden = Mem->RelatedName && !Mem->RelatedName->empty() &&
                        Mem->RelatedName->back() == '+';
    // "{model}" stands for a model name (an identifier): the names are
    // checked as the model M would get them.
    const auto Expanded = [&](const std::optional<std::string> &Name) -> std::optional<std::string> {
      if (!Name)
        return std::nullopt;
      return detail::naming::expand_model_placeholder(*Name, M->Name);
    };
    const std::optional<std::string> RelatedName = Expanded(Mem->RelatedName);
    if (RelatedName && !Hidden && !isIdentifier(*RelatedName)) {
      Ctx.report(findAttr(F, AttrId::related_name)->getLocation(), Diag::RelatedNameNotIdentifier)
          << *Mem->RelatedName << F->getName();
      continue;
    }
    const bool Own = Mem->RelatedQueryName.has_value();
    std::optional<std::string> Query = Own ? Expanded(Mem->RelatedQueryName)
                                       : Hidden ? std::nullopt
                                                : RelatedName;
    if (!Query)
      continue;
    const std::string &Written = Own ? *Mem->RelatedQueryName : *Mem->RelatedName;
    const clang::AnnotateAttr *A = findAttr(F, Own ? AttrId::related_query_name : AttrId::related_name);
    if (llvm::StringRef(*Query).contains("__"))
      Ctx.report(A->getLocation(), Diag::QueryNameDoubleUnderscore) << Written << F->getName();
    else if (llvm::StringRef(*Query).ends_with("_"))
      Ctx.report(A->getLocation(), Diag::QueryNameTrailingUnderscore) << Written << F->getName();
    else if (Own && !isIdentifier(*Query))
      Ctx.report(A->getLocation(), Diag::RelatedNameNotIdentifier) << Written << F->getName();
  }
}

}  // namespace covet

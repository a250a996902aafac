#include "checks/TreeParentCheck.h"

#include "checks/TreeMixins.h"

#include "Names.h"

#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace covet {

namespace {

using namespace clang;

constexpr unsigned SetNull = 2;  // covet::OnDelete::SetNull

// Whether Target holds M's rows: M itself, or, for a proxy, the concrete
// model whose rows it shows.
bool sameRows(const Model &M, const Model *Target) {
  if (Target == &M)
    return true;
  if (!M.Proxy)
    return false;
  for (const Model *P = M.Parent; P; P = P->Parent) {
    if (P == Target)
      return true;
    if (!P->Proxy)
      break;
  }
  return false;
}

TypeLoc unsugared(TypeLoc TL) {
  while (true) {
    if (auto E = TL.getAs<ElaboratedTypeLoc>())
      TL = E.getNamedTypeLoc();
    else if (auto Q = TL.getAs<QualifiedTypeLoc>())
      TL = Q.getUnqualifiedLoc();
    else
      return TL;
  }
}

// Where the T of `covet::Ref<T>` (or `std::optional<covet::Ref<T>>`) is
// written in TL, or an invalid range.
SourceRange refArgumentRange(TypeLoc TL, unsigned Depth = 0) {
  auto Spec = unsugared(TL).getAs<TemplateSpecializationTypeLoc>();
  if (!Spec || Spec.getNumArgs() < 1 || Depth > 2)
    return {};
  const TemplateArgumentLoc Arg = Spec.getArgLoc(0);
  if (Arg.getArgument().getKind() != TemplateArgument::Type || !Arg.getTypeSourceInfo())
    return {};
  const TemplateDecl *TD = Spec.getTypePtr()->getTemplateName().getAsTemplateDecl();
  if (TD && isCovetEntity(TD, "Ref")) {
    SourceRange R = Arg.getSourceRange();
    return R.getBegin().isMacroID() || R.getEnd().isMacroID() ? SourceRange() : R;
  }
  return refArgumentRange(Arg.getTypeSourceInfo()->getTypeLoc(), Depth + 1);
}

// The declaration to add, as the user would write it.
std::string parentDeclaration(const Model &M) {
  std::string Attrs = "covet::foreign_key(covet::SET_NULL)";
  // The default reverse name, unless the model already uses it.
  if (!M.member("children"))
    Attrs += ", covet::related_name(\"children\")";
  return "[[" + Attrs + "]] std::optional<covet::Ref<" + M.Name + ">> parent;";
}

void reportMissing(const Model &M, const TreeMixinUse &U, CheckContext &Ctx) {
  ASTContext &AST = Ctx.context();
  const SourceManager &SM = AST.getSourceManager();
  Ctx.report(U.Via->getBeginLoc(), Diag::TreeWithoutParent)
      << M.Name << mixinName(AST, U) << U.Via->getSourceRange();
  const std::string Decl = parentDeclaration(M);
  const SourceLocation Brace = M.Decl->getBraceRange().getEnd();
  auto N = Ctx.report(Brace.isValid() ? Brace : M.Decl->getLocation(), Diag::TreeParentToAdd)
           << Decl;
  if (Brace.isInvalid() || Brace.isMacroID() || SM.isInSystemHeader(Brace))
    return;
  // Before the closing brace: on a line of its own when the brace has one.
  const bool OwnLine = SM.getSpellingColumnNumber(Brace) == 1;
  N << FixItHint::CreateInsertion(Brace, OwnLine ? "  " + Decl + "\n" : " " + Decl + " ");
}

}  // namespace

void TreeParentCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  ASTContext &AST = Ctx.context();
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const std::vector<TreeMixinUse> Uses = treeMixinUses(Graph, M);
    const TreeMixinUse *U = ownTreeMixin(M, Uses);
    if (!U)
      continue;
    const Member *P = M.member("parent");
    if (!P) {
      reportMissing(M, *U, Ctx);
      continue;
    }
    const FieldDecl *F = P->Field;
    const bool KeyStorage = P->Kind == Storage::Ref || P->Kind == Storage::OptionalRef;
    if ((KeyStorage && P->Relation == RelationAttr::None) ||
        (P->Relation != RelationAttr::None && !P->isRelationStorage()))
      continue;  // MissingRelationAttributeCheck's, RelationStorageCheck's
    bool Reported = false;
    if (P->Relation != RelationAttr::ForeignKey) {
      unsigned What = P->Relation == RelationAttr::OneToOne    ? 1
                      : P->Relation == RelationAttr::ManyToMany ? 2
                      : P->Kind == Storage::ReverseSet || P->Kind == Storage::ReverseOne ? 3
                      : P->Kind == Storage::Prefetched                                    ? 4
                                                                                          : 0;
      Ctx.report(F->getLocation(), Diag::TreeParentNotForeignKey) << M.Name << What << F->getType();
      Reported = true;
    } else if (!P->TargetModel || P->TargetModel->Abstract) {
      continue;  // RelationTargetCheck's, AbstractTargetCheck's
    } else if (!sameRows(M, P->TargetModel)) {
      auto D = Ctx.report(F->getLocation(), Diag::TreeParentOtherModel)
               << M.Name << P->TargetModel->Name;
      Reported = true;
      if (const TypeSourceInfo *TSI = F->getTypeSourceInfo())
        if (SourceRange R = refArgumentRange(TSI->getTypeLoc()); R.isValid())
          D << FixItHint::CreateReplacement(R, M.Name);
    } else if (P->Kind == Storage::Ref && !(P->OnDelete.Value == SetNull && !P->OnDelete.SetFn)) {
      auto D = Ctx.report(F->getLocation(), Diag::TreeParentNotNullable) << M.Name << F->getType();
      Reported = true;
      if (const TypeSourceInfo *TSI = F->getTypeSourceInfo()) {
        SourceRange R = TSI->getTypeLoc().getSourceRange();
        if (R.isValid() && !R.getBegin().isMacroID() && !R.getEnd().isMacroID()) {
          SourceLocation End = Lexer::getLocForEndOfToken(R.getEnd(), 0, AST.getSourceManager(),
                                                          AST.getLangOpts());
          if (End.isValid())
            D << FixItHint::CreateInsertion(R.getBegin(), "std::optional<")
              << FixItHint::CreateInsertion(End, ">");
        }
      }
    }
    if (Reported)
      Ctx.report(U->Via->getBeginLoc(), Diag::TreeBaseHere) << M.Name << mixinName(AST, *U);
  }
}

}  // namespace covet

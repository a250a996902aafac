#include "checks/TreeMixinArgumentCheck.h"

#include "checks/TreeMixins.h"

#include "clang/AST/TypeLoc.h"

namespace covet {

namespace {

using namespace clang;

// The source range of the template argument in the base specifier B
// (`covet::TreeNode<Tag>`: `Tag`), or an invalid range.
SourceRange argumentRange(const CXXBaseSpecifier &B) {
  const TypeSourceInfo *TSI = B.getTypeSourceInfo();
  if (!TSI)
    return {};
  TypeLoc TL = TSI->getTypeLoc();
  while (true) {
    if (auto E = TL.getAs<ElaboratedTypeLoc>())
      TL = E.getNamedTypeLoc();
    else if (auto Q = TL.getAs<QualifiedTypeLoc>())
      TL = Q.getUnqualifiedLoc();
    else
      break;
  }
  auto Spec = TL.getAs<TemplateSpecializationTypeLoc>();
  if (!Spec || Spec.getNumArgs() < 1)
    return {};
  SourceRange R = Spec.getArgLoc(0).getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return {};
  return R;
}

}  // namespace

void TreeMixinArgumentCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  ASTContext &AST = Ctx.context();
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const TreeMixinUse &U : treeMixinUses(Graph, M)) {
      if (U.ConcreteCarrier)
        continue;  // a child of a tree model: a node of its parent's tree
      const CXXRecordDecl *Arg = U.Argument.isNull() ? nullptr : U.Argument->getAsCXXRecordDecl();
      if (Arg && Arg->getCanonicalDecl() == M.Decl->getCanonicalDecl())
        continue;
      const std::string Wanted = "covet::" + U.Mixin->getName().str() + "<" + M.Name + ">";
      if (U.direct()) {
        auto D = Ctx.report(U.Written->getBeginLoc(), Diag::TreeMixinArgument)
                 << U.Argument << mixinName(AST, U) << M.Name << Wanted
                 << U.Written->getSourceRange();
        if (SourceRange R = argumentRange(*U.Written); R.isValid())
          D << FixItHint::CreateReplacement(R, M.Name);
      } else {
        Ctx.report(U.Via->getBeginLoc(), Diag::TreeMixinArgumentThroughBase)
            << M.Name << mixinName(AST, U) << U.Declarer->Name << U.Argument << Wanted
            << U.Via->getSourceRange();
        Ctx.report(U.Written->getBeginLoc(), Diag::TreeMixinNamedHere)
            << U.Declarer->Name << mixinName(AST, U) << U.Written->getSourceRange();
      }
    }
  }
}

}  // namespace covet

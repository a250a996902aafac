#include "checks/TreeMixinConflictCheck.h"

#include "checks/TreeMixins.h"

namespace covet {

void TreeMixinConflictCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  clang::ASTContext &AST = Ctx.context();
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const std::vector<TreeMixinUse> Uses = treeMixinUses(Graph, M);
    if (Uses.size() < 2)
      continue;
    const TreeMixinUse &First = Uses[0], &Second = Uses[1];
    // Both through one model base: that base has both, and is reported.
    if (!First.direct() && First.Via == Second.Via)
      continue;
    Ctx.report(Second.Via->getBeginLoc(), Diag::TwoTreeMixins)
        << M.Name << mixinName(AST, Second) << (Second.direct() ? 0 : 1) << Second.Declarer->Name
        << Second.Via->getSourceRange();
    Ctx.report(First.Written->getBeginLoc(), Diag::FirstTreeMixin)
        << First.Declarer->Name << mixinName(AST, First) << First.Written->getSourceRange();
  }
}

}  // namespace covet

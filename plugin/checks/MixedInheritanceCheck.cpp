#include "checks/MixedInheritanceCheck.h"

#include "checks/Hierarchy.h"

namespace covet {

void MixedInheritanceCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const clang::AnnotateAttr *A = findAttr(M.Decl, AttrId::multi_table);
    if (!A || M.Abstract || M.Root->PolymorphicOn.empty())
      continue;
    const bool Root = M.Root == &M;
    Ctx.report(A->getLocation(), Diag::MultiTableInSingleTable)
        << M.Name << M.Root->Name << M.Root->PolymorphicOn << (Root ? 1 : 0);
    if (!Root)
      Ctx.report(optionArgLoc(*M.Root, AttrId::polymorphic_on), Diag::DiscriminatorNamedHere)
          << M.Root->Name << M.Root->PolymorphicOn;
  }
}

}  // namespace covet

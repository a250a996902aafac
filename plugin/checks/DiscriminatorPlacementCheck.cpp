#include "checks/DiscriminatorPlacementCheck.h"

#include "checks/Hierarchy.h"

namespace covet {

void DiscriminatorPlacementCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const clang::AnnotateAttr *A = findAttr(M.Decl, AttrId::polymorphic_on);
    if (!A)
      continue;
    if (M.Abstract) {
      Ctx.report(A->getLocation(), Diag::DiscriminatorOnAbstract) << M.Name;
    } else if (M.Parent) {
      const bool RootHasOne = !M.Root->PolymorphicOn.empty();
      Ctx.report(A->getLocation(), Diag::DiscriminatorBelowRoot)
          << M.Name << M.Parent->Name << M.Root->Name << (RootHasOne ? 1 : 0);
      Ctx.report(M.Root->Decl->getLocation(), Diag::RootOfHierarchy) << M.Root->Name << M.Name;
    }
  }
}

}  // namespace covet

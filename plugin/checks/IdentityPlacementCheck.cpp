#include "checks/IdentityPlacementCheck.h"

#include "checks/Hierarchy.h"

namespace covet {

void IdentityPlacementCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const clang::AnnotateAttr *A = findAttr(M.Decl, AttrId::polymorphic_identity);
    if (!A)
      continue;
    if (M.Abstract) {
      Ctx.report(A->getLocation(), Diag::IdentityOnAbstract) << M.Name;
    } else if (M.Root->PolymorphicOn.empty()) {
      const bool Below = M.Root != &M;
      Ctx.report(A->getLocation(), Diag::IdentityWithoutDiscriminator)
          << M.Name << M.Root->Name << (Below ? 1 : 0);
      if (Below)
        Ctx.report(M.Root->Decl->getLocation(), Diag::RootOfHierarchy) << M.Root->Name << M.Name;
    } else if (M.Strategy == Inheritance::Proxy) {
      Ctx.report(A->getLocation(), Diag::IdentityOnProxy)
          << M.Name << M.Parent->Name << M.Parent->Identity;
    }
  }
}

}  // namespace covet

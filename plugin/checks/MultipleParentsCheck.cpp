#include "checks/MultipleParentsCheck.h"

namespace covet {

void MultipleParentsCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const Model *First = nullptr;
    const clang::CXXBaseSpecifier *FirstBase = nullptr;
    for (const clang::CXXBaseSpecifier &B : M.Decl->bases()) {
      const Model *BM = Graph.find(B.getType()->getAsCXXRecordDecl());
      const Model *Concrete = !BM ? nullptr : BM->Abstract ? BM->Parent : BM;
      if (!Concrete)
        continue;
      if (!First) {
        First = Concrete;
        FirstBase = &B;
        continue;
      }
      if (Concrete == First)
        continue;
      Ctx.report(B.getBeginLoc(), Diag::MultipleParents)
          << M.Name << First->Name << Concrete->Name << (M.Proxy ? 1 : 0) << (BM->Abstract ? 1 : 0)
          << BM->Name;
      Ctx.report(FirstBase->getBeginLoc(), Diag::ParentHere) << First->Name << M.Name;
      break;
    }
  }
}

}  // namespace covet

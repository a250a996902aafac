#include "checks/RelationTargetCheck.h"

#include "checks/CheckedRelation.h"

namespace covet {

void RelationTargetCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    if (!isCheckedRelation(*Mem))
      continue;
    const clang::FieldDecl *F = Mem->Field;
    if (!Mem->Target) {
      Ctx.report(F->getLocation(), Diag::TargetNotModel) << Mem->TargetType << F->getName();
      continue;
    }
    if (Mem->TargetModel)
      continue;  // a model; an abstract one is AbstractTargetCheck's
    Diag D = !Mem->Target->hasDefinition() ? Diag::TargetNeverDefined : Diag::TargetNotModel;
    Ctx.report(F->getLocation(), D) << Mem->Target << F->getName();
    Ctx.report(Mem->Target->getLocation(), Diag::TargetDeclaredHere) << Mem->Target;
  }
}

}  // namespace covet

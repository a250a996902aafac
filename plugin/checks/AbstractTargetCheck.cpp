#include "checks/AbstractTargetCheck.h"

#include "checks/CheckedRelation.h"
#include "checks/Hierarchy.h"

namespace covet {

void AbstractTargetCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    if (!isCheckedRelation(*Mem) || !Mem->TargetModel || !Mem->TargetModel->Abstract)
      continue;
    const Model &Target = *Mem->TargetModel;
    const std::vector<const Model *> Concrete = concreteModelsOf(Graph, Target);
    Ctx.report(Mem->Field->getLocation(), Diag::TargetAbstract)
        << Target.Decl << Mem->name() << quotedList(modelNames(Concrete))
        << (Concrete.empty() ? 1 : 0);
    Ctx.report(Target.Decl->getLocation(), Diag::TargetDeclaredHere) << Target.Decl;
  }
}

}  // namespace covet

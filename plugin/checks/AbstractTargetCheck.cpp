#include "checks/AbstractTargetCheck.h"

#include "checks/Hierarchy.h"

namespace covet {

namespace {

// Members whose storage and attribute agree (the other checks report the
// rest), as RelationTargetCheck selects them.
bool isCheckedRelation(const Member &M) {
  switch (M.Kind) {
    case Storage::Ref:
    case Storage::OptionalRef:
      return M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne;
    case Storage::RefSet:
      return M.Relation == RelationAttr::ManyToMany;
    case Storage::ReverseSet:
    case Storage::ReverseOne:
      return true;
    default:
      return false;
  }
}

}  // namespace

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

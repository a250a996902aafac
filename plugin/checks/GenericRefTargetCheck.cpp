#include "checks/GenericRefTargetCheck.h"

#include "ReverseRelations.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace covet {

void GenericRefTargetCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Ref] : Graph.distinctMembers()) {
    if (Ref->Kind != Storage::GenericRef)
      continue;
    const std::string Label = qualifiedMember(*M, *Ref);
    const clang::SourceLocation At = Ref->Field->getLocation();
    llvm::SmallPtrSet<const clang::Type *, 4> Seen;
    for (const GenericTarget &T : Ref->GenericTargets) {
      if (!Seen.insert(T.Type.getCanonicalType().getTypePtr()).second) {
        Ctx.report(At, Diag::GenericTargetRepeated) << Label << T.Type;
        continue;
      }
      if (T.TargetModel && !T.TargetModel->Abstract)
        continue;
      if (T.TargetModel) {
        Ctx.report(At, Diag::GenericTargetAbstract) << T.Type << Label;
      } else {
        const bool Undefined = T.Decl && !T.Decl->hasDefinition();
        Ctx.report(At, Diag::GenericTargetNotModel) << T.Type << Label << (Undefined ? 1 : 0);
      }
      if (T.Decl)
        Ctx.report(T.Decl->getLocation(), Diag::TargetDeclaredHere) << T.Decl;
    }
  }
}

}  // namespace covet

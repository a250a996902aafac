#include "checks/PrimaryKeyCheck.h"

#include "checks/Hierarchy.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace covet {

namespace {

std::vector<const Model *> parents(const Model &M) {
  std::vector<const Model *> Out;
  for (const Model *P = M.Parent; P; P = P->Parent)
    Out.push_back(P);
  return Out;
}

}  // namespace

void PrimaryKeyCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // The type rule, once per member (inherited members appear in every model).
  for (const auto &[M, Mem] : Graph.distinctMembers())
    if (Mem->PrimaryKeyAnnotation && Mem->Kind != Storage::Uuid && Mem->Kind != Storage::Id)
      Ctx.report(Mem->PrimaryKeyAnnotation->getLocation(), Diag::PrimaryKeyNotUuid)
          << Mem->name() << Mem->Field->getType();

  llvm::DenseSet<const clang::FieldDecl *> Reported;  // an extra key shared by several models
  for (const auto &M : Graph.models()) {
    if (M->Abstract)
      continue;
    const Member *First = nullptr;
    for (const Member &Mem : M->Members) {
      if (!Mem.PrimaryKey)
        continue;
      if (!First) {
        First = &Mem;
        continue;
      }
      if (const Model *C = concreteCarrier(Graph, *M, Mem);
          C && !llvm::is_contained(parents(*M), C))
        continue;  // the key of a second concrete parent: MultipleParentsCheck's error
      if (!Reported.insert(Mem.Field).second)
        continue;
      if (Mem.Kind == Storage::Id && First->Kind == Storage::Id) {
        Ctx.report(Mem.Field->getLocation(), Diag::ExtraPrimaryKey) << M->Decl;
        Ctx.report(First->Field->getLocation(), Diag::PreviousPrimaryKey);
      } else {
        Ctx.report(Mem.Field->getLocation(), Diag::ExtraUuidPrimaryKey) << M->Decl;
        Ctx.report(First->Field->getLocation(), Diag::PreviousKey) << First->name();
      }
    }
    if (!First)
      Ctx.report(M->Decl->getLocation(), Diag::NoPrimaryKey) << M->Decl;
  }
}

}  // namespace covet

#include "checks/ProxyShapeCheck.h"

#include "checks/Hierarchy.h"
#include "checks/SchemaNames.h"

namespace covet {

namespace {

// The base specifier of M through which it has the members of Owner.
const clang::CXXBaseSpecifier *baseTowards(const Model &M, const clang::CXXRecordDecl *Owner) {
  for (const clang::CXXBaseSpecifier &B : M.Decl->bases()) {
    const clang::CXXRecordDecl *RD = B.getType()->getAsCXXRecordDecl();
    if (RD && (RD->getCanonicalDecl() == Owner->getCanonicalDecl() || RD->isDerivedFrom(Owner)))
      return &B;
  }
  return nullptr;
}

}  // namespace

void ProxyShapeCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (!M.Proxy || M.Abstract)
      continue;  // an abstract proxy is ModelOptionCheck's
    const clang::AnnotateAttr *A = findAttr(M.Decl, AttrId::proxy);
    if (!M.Parent) {
      Ctx.report(A->getLocation(), Diag::ProxyWithoutParent) << M.Name;
      continue;
    }
    for (const Member &Each : M.Members) {
      const Member *Mem = &Each;
      if (concreteCarrier(Graph, M, *Mem))
        continue;  // its parent's column (or a second parent's: MultipleParentsCheck)
      const bool Own = Mem->Owner->getCanonicalDecl() == M.Decl->getCanonicalDecl();
      const clang::CXXBaseSpecifier *Via = Own ? nullptr : baseTowards(M, Mem->Owner);
      Ctx.report(Via ? Via->getBeginLoc() : Mem->Field->getLocation(), Diag::ProxyDataMember)
          << M.Name << M.Parent->Name << declaredMember(*Mem) << (Via ? 1 : 0);
      if (Via)
        Ctx.report(Mem->Field->getLocation(), Diag::MemberDeclaredHere) << declaredMember(*Mem);
    }
  }
}

}  // namespace covet

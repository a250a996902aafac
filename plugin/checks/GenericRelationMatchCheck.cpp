#include "checks/GenericRelationMatchCheck.h"

#include "ReverseRelations.h"
#include "checks/GenericMembers.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

namespace {

// A relation a concrete child inherits from a concrete parent finds the
// child's rows by the child's own content type. Its shape was checked at
// the parent; here only whether the reference can point at the child. A
// proxy's objects are stored under its concrete model: genericRefAccepts
// walks up to it.
void checkInherited(const Model &Child, const Member &Rel, CheckContext &Ctx) {
  const Model *T = Rel.TargetModel;
  if (!T || T->Abstract)
    return;  // reported at the parent
  const std::vector<const Member *> Refs = genericRefsOver(*T, Rel.ContentTypeField, Rel.ObjectIdField);
  if (Refs.empty())
    return;  // reported at the parent
  for (const Member *Ref : Refs)
    if (genericRefAccepts(*Ref, Child))
      return;
  const Member &Ref = *Refs.front();
  const std::string Label = qualifiedMember(*Child.owner(Rel), Rel);
  Ctx.report(Child.Decl->getLocation(), Diag::GenericRelationInheritedNotTarget)
      << Child.Name << Label << qualifiedMember(*T, Ref);
  Ctx.report(Rel.Field->getLocation(), Diag::InheritedMemberHere) << Label;
  Ctx.report(Ref.Field->getLocation(), Diag::GenericRefTargetsAre)
      << qualifiedMember(*T, Ref) << targetList(Ref) << Child.Name;
}

}  // namespace

void GenericRelationMatchCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // A relation inherited from an abstract base is checked for each model
  // deriving from it (each is a different owner), its shape once.
  llvm::DenseSet<const clang::FieldDecl *> ShapeReported;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const Member &Rel : M.Members) {
      if (Rel.Kind != Storage::GenericRelation)
        continue;
      if (M.inherits(Rel)) {
        checkInherited(M, Rel, Ctx);
        continue;
      }
      if (ShapeReported.count(Rel.Field))
        continue;
      const std::string Label = qualifiedMember(M, Rel);
      const clang::SourceLocation At = Rel.Field->getLocation();
      const Model *T = Rel.TargetModel;
      if (!T || T->Abstract) {
        ShapeReported.insert(Rel.Field);
        const unsigned Why = T ? 2 : Rel.Target && !Rel.Target->hasDefinition() ? 1 : 0;
        Ctx.report(At, Diag::GenericRelationTargetNotModel) << Label << Rel.TargetType << Why;
        if (Rel.Target)
          Ctx.report(Rel.Target->getLocation(), Diag::TargetDeclaredHere) << Rel.Target;
        continue;
      }
      const std::vector<const Member *> Refs = genericRefsOver(*T, Rel.ContentTypeField, Rel.ObjectIdField);
      if (Refs.empty()) {
        ShapeReported.insert(Rel.Field);
        const std::vector<const Member *> Others = genericRefsOf(*T);
        Ctx.report(At, Diag::GenericRelationNoRef)
            << Label << T->Name << Rel.ContentTypeField << Rel.ObjectIdField << (Others.empty() ? 0 : 1);
        if (Others.empty())
          Ctx.report(T->Decl->getLocation(), Diag::TargetDeclaredHere) << T->Decl;
        for (const Member *O : Others)
          Ctx.report(O->Field->getLocation(), Diag::GenericRefOverFields)
              << qualifiedMember(*T, *O) << O->ContentTypeField << O->ObjectIdField;
        continue;
      }
      // Any one of them pointing here is enough: the relation filters on
      // the two members, whichever reference wrote them.
      bool Accepted = false;
      for (const Member *Ref : Refs)
        Accepted = Accepted || genericRefAccepts(*Ref, M);
      if (Accepted)
        continue;
      const Member &Ref = *Refs.front();
      Ctx.report(At, Diag::GenericRelationNotTarget) << Label << qualifiedMember(*T, Ref) << M.Name;
      Ctx.report(Ref.Field->getLocation(), Diag::GenericRefTargetsAre)
          << qualifiedMember(*T, Ref) << targetList(Ref) << M.Name;
    }
  }
}

}  // namespace covet

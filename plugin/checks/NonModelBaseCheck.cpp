#include "checks/NonModelBaseCheck.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

namespace covet {

namespace {

using namespace clang;

// The first named data member of RD or of one of its bases, or nullptr.
const FieldDecl *firstDataMember(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || !(RD = RD->getDefinition()) || Depth > 64)
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const FieldDecl *F = firstDataMember(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return F;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier())
      return F;
  return nullptr;
}

}  // namespace

void NonModelBaseCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  const SourceManager &SM = Ctx.context().getSourceManager();
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    for (const CXXBaseSpecifier &B : M.Decl->bases()) {
      const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
      if (!Base || !(Base = Base->getDefinition()) || Graph.find(Base) ||
          treeMixin(Base) != TreeKind::None)
        continue;
      const FieldDecl *F = firstDataMember(Base, 0);
      if (!F)
        continue;
      {
        auto D = Ctx.report(B.getBeginLoc(), Diag::NonModelBase)
                 << Base->getName() << M.Name << F->getName() << F->getParent()->getName()
                 << B.getSourceRange();
        // The attribute goes before the name of a struct the user wrote: not
        // a template's specialization, nor one in a system header or a macro.
        const SourceLocation NameLoc = Base->getLocation();
        if (!isa<ClassTemplateSpecializationDecl>(Base) && NameLoc.isValid() &&
            !NameLoc.isMacroID() && !SM.isInSystemHeader(NameLoc))
          D << FixItHint::CreateInsertion(NameLoc, "[[covet::model, covet::abstract]] ");
      }  // the error is emitted before its note
      Ctx.report(F->getLocation(), Diag::NonColumnMember)
          << (F->getParent()->getName() + "::" + F->getName()).str();
    }
  }
}

}  // namespace covet

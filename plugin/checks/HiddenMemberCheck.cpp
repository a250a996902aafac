#include "checks/HiddenMemberCheck.h"

#include "checks/Hierarchy.h"
#include "checks/SchemaNames.h"
#include "checks/TreeMixins.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

namespace {

using clang::CXXRecordDecl;

bool derives(const CXXRecordDecl *D, const CXXRecordDecl *B) {
  return D->getCanonicalDecl() != B->getCanonicalDecl() && D->isDerivedFrom(B);
}

}  // namespace

void HiddenMemberCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  llvm::DenseSet<std::pair<const clang::FieldDecl *, const clang::FieldDecl *>> Reported;
  llvm::DenseSet<const clang::FieldDecl *> Hiding;  // each later member reported once
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const std::vector<TreeMixinUse> Trees = treeMixinUses(Graph, M);
    const TreeMixinUse *NestedSet = nestedSetUse(Trees);
    for (size_t J = 0; J < M.Members.size(); ++J) {
      const Member &B = M.Members[J];
      for (size_t I = 0; I < J; ++I) {
        const Member &A = M.Members[I];
        const NameClash How = nameClash(A, B);
        if (How == NameClash::None || A.Field == B.Field || (A.PrimaryKey && B.PrimaryKey) ||
            A.Owner->getCanonicalDecl() == B.Owner->getCanonicalDecl())
          continue;
        // A nested-set column redeclared: NestedSetColumnCheck's error.
        if (How == NameClash::SameName && NestedSet && isNestedSetColumnName(*NestedSet, B.name()))
          continue;
        if (!Reported.insert({A.Field, B.Field}).second)
          break;
        if (derives(B.Owner, A.Owner)) {
          if (!Hiding.insert(B.Field).second)
            break;
          if (How == NameClash::SameName) {
            Ctx.report(B.Field->getLocation(), Diag::HiddenMember)
                << B.name() << B.Owner->getName() << declaredMember(A);
          } else {
            const Member &Key = How == NameClash::FirstIsKey ? A : B;
            Ctx.report(B.Field->getLocation(), Diag::HiddenKeyName)
                << B.name() << B.Owner->getName() << declaredMember(A) << (Key.name() + "_id").str()
                << declaredMember(Key);
          }
          Ctx.report(A.Field->getLocation(), Diag::InheritedMemberHere) << declaredMember(A);
        } else if (!derives(A.Owner, B.Owner)) {
          // Two bases of M, neither deriving from the other.
          Ctx.report(M.Decl->getLocation(), Diag::BasesMemberClash)
              << M.Name << declaredMember(A) << declaredMember(B)
              << (How == NameClash::SameName ? 0 : 1);
          Ctx.report(A.Field->getLocation(), Diag::InheritedMemberHere) << declaredMember(A);
          Ctx.report(B.Field->getLocation(), Diag::InheritedMemberHere) << declaredMember(B);
        }
        break;
      }
    }
  }
}

}  // namespace covet

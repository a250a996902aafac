#include "checks/SiblingColumnCheck.h"

#include "checks/Hierarchy.h"
#include "checks/SchemaNames.h"

#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

#include "Names.h"

namespace covet {

namespace {

using namespace clang;

// T without one level of std::optional, canonical and unqualified.
QualType valueType(QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl()))
    if (isStdEntity(Spec->getSpecializedTemplate(), "optional") &&
        Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType().getCanonicalType().getUnqualifiedType();
  return T;
}

bool isKey(const Member &M) {
  return (M.Kind == Storage::Ref || M.Kind == Storage::OptionalRef) &&
         (M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne);
}

bool alike(const Member &A, const Member &B) {
  if (isKey(A) || isKey(B))
    return isKey(A) && isKey(B) && A.Relation == B.Relation && A.Target == B.Target;
  return valueType(A.Field->getType()) == valueType(B.Field->getType()) &&
         A.MaxLength == B.MaxLength;
}

// How a member declares its column, for the message.
std::string shape(ASTContext &Ctx, const Member &M) {
  if (isKey(M))
    return std::string(M.Relation == RelationAttr::OneToOne ? "a one-to-one" : "a foreign key") +
           " to '" + (M.TargetModel ? M.TargetModel->Name : M.Target->getNameAsString()) + "'";
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  std::string Out = "of type '" + M.Field->getType().getAsString(Policy) + "'";
  if (M.MaxLength > 0)
    Out += " with 'covet::max_length(" + std::to_string(M.MaxLength) + ")'";
  return Out;
}

struct Declared {
  const Model *By = nullptr;
  const Member *Mem = nullptr;
};

}  // namespace

void SiblingColumnCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // "<root type>\0<column, folded>" -> the members declaring it so far.
  llvm::StringMap<std::vector<Declared>> Columns;
  llvm::DenseSet<const FieldDecl *> Reported;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (!isSingleTable(M))
      continue;
    for (const Member *Mem : carriedMembers(M)) {
      if (Mem->Column.empty())
        continue;
      std::string Key = M.Root->TypeName;
      Key += '\0';
      Key += foldCase(Mem->Column);
      std::vector<Declared> &Seen = Columns[Key];
      for (const Declared &Prev : Seen) {
        if (Prev.Mem->Field == Mem->Field || sameLine(*Prev.By, M) || alike(*Prev.Mem, *Mem))
          continue;
        if (!Reported.insert(Mem->Field).second)
          break;
        const StringLiteral *L = literalArg(findAttr(Mem->Field, AttrId::column), 0);
        Ctx.report(L ? L->getBeginLoc() : Mem->Field->getLocation(), Diag::SiblingColumnUnlike)
            << printable(Mem->Column) << declaredMember(*Mem) << shape(Ctx.context(), *Mem)
            << declaredMember(*Prev.Mem) << shape(Ctx.context(), *Prev.Mem) << M.Root->Name;
        Ctx.report(Prev.Mem->Field->getLocation(), Diag::SiblingColumnHere)
            << printable(Prev.Mem->Column) << declaredMember(*Prev.Mem) << Prev.By->Name;
        break;
      }
      Seen.push_back(Declared{&M, Mem});
    }
  }
}

}  // namespace covet

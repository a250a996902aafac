#include "checks/SetFunctionCheck.h"

#include "Names.h"
#include "ReverseRelations.h"

#include "clang/AST/DeclTemplate.h"

namespace covet {

namespace {

using namespace clang;

const ClassTemplateSpecializationDecl *specialization(QualType T) {
  return dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
}

bool isSpecializationOf(QualType T, llvm::StringRef Name, bool Std) {
  const ClassTemplateSpecializationDecl *S = specialization(T);
  if (!S)
    return false;
  const NamedDecl *Tmpl = S->getSpecializedTemplate();
  return Std ? isStdEntity(Tmpl, Name) : isCovetEntity(Tmpl, Name);
}

bool isCovetRecord(QualType T, llvm::StringRef Name) {
  return isCovetEntity(T.getCanonicalType()->getAsCXXRecordDecl(), Name);
}

bool isStdString(QualType T) {
  const ClassTemplateSpecializationDecl *S = specialization(T);
  return S && isStdEntity(S->getSpecializedTemplate(), "basic_string") &&
         S->getTemplateArgs().size() >= 1 &&
         S->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         S->getTemplateArgs()[0].getAsType()->isCharType();
}

bool isInteger(QualType T) {
  T = T.getCanonicalType();
  return T->isIntegerType() && !T->isBooleanType() && !T->isEnumeralType();
}

// Whether a value of type R (a covet::FieldTraits type) can be the key whose
// member has type K.
bool fitsKey(QualType R, QualType K, bool KeyIsId) {
  if (KeyIsId)
    return isInteger(R) || isCovetRecord(R, "Id");
  if (isInteger(K))
    return isInteger(R);
  if (isStdString(K))
    return isStdString(R);
  return R.getCanonicalType().getUnqualifiedType() == K.getCanonicalType().getUnqualifiedType();
}

}  // namespace

void SetFunctionCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    const FunctionDecl *Fn = Mem->OnDelete.SetFn;
    if (!Fn || !isKeyRelation(*Mem))
      continue;
    const Model &Target = *Mem->TargetModel;
    const FieldDecl *F = Mem->Field;
    if (Fn->getMinRequiredArguments() != 0) {
      Ctx.report(F->getLocation(), Diag::SetFunctionArgs)
          << Fn << Mem->name() << Fn->getMinRequiredArguments();
      Ctx.report(Fn->getLocation(), Diag::TargetDeclaredHere) << Fn;
      continue;
    }
    QualType R = Fn->getReturnType().getNonReferenceType().getUnqualifiedType();
    if (R->isDependentType() || R->isUndeducedType())
      continue;
    // The key the relation stores: to_field, else the primary key.
    const Member *Key = nullptr;
    for (const Member &T : Target.Members)
      if ((Mem->ToField ? T.name() == *Mem->ToField : T.PrimaryKey) && !Key)
        Key = &T;
    bool Fits = false;
    if (isCovetRecord(R, "Value")) {
      Fits = true;
    } else if (isSpecializationOf(R, "Ref", false)) {
      const auto &Args = specialization(R)->getTemplateArgs();
      const CXXRecordDecl *T = Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type
                                   ? Args[0].getAsType()->getAsCXXRecordDecl()
                                   : nullptr;
      Fits = T && Graph.find(T) == &Target;
    } else if (const CXXRecordDecl *RD = R->getAsCXXRecordDecl();
               RD && Graph.find(RD) && !isStdString(R) && !isCovetRecord(R, "Id")) {
      Fits = Graph.find(RD) == &Target;
    } else if (Key) {
      Fits = fitsKey(R, Key->Field->getType(), Key->Kind == Storage::Id);
    } else {
      Fits = true;  // an unknown to_field: ToFieldCheck reports it
    }
    if (Fits)
      continue;
    std::string KeyText = "its key";
    if (Key && Key->Kind == Storage::Id)
      KeyText = "an integer or 'covet::Id'";
    else if (Key)
      KeyText = "'" + Key->Field->getType().getAsString(Ctx.context().getPrintingPolicy()) + "'";
    Ctx.report(F->getLocation(), Diag::SetFunctionReturn)
        << Fn << Mem->name() << Fn->getReturnType() << Target.Name << KeyText;
    Ctx.report(Fn->getLocation(), Diag::TargetDeclaredHere) << Fn;
  }
}

}  // namespace covet

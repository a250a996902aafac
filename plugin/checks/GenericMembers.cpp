#include "checks/GenericMembers.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace covet {

namespace {

// X of std::optional<X>, else T.
QualType unwrapOptional(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (Spec && isStdEntity(Spec->getSpecializedTemplate(), "optional") &&
      Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    return Spec->getTemplateArgs()[0].getAsType();
  return T;
}

}  // namespace

bool isOptionalType(QualType T) { return unwrapOptional(T) != T; }

bool isContentTypeIdType(QualType T) {
  return isCovetEntity(unwrapOptional(T).getCanonicalType()->getAsCXXRecordDecl(), "ContentTypeId");
}

std::vector<const Member *> genericRefsOf(const Model &Target) {
  std::vector<const Member *> Out;
  for (const Member &Mem : Target.Members)
    if (Mem.Kind == Storage::GenericRef)
      Out.push_back(&Mem);
  return Out;
}

std::vector<const Member *> genericRefsOver(const Model &Target, llvm::StringRef CtField,
                                            llvm::StringRef IdField) {
  std::vector<const Member *> Out;
  for (const Member *Mem : genericRefsOf(Target))
    if (Mem->ContentTypeField == CtField && Mem->ObjectIdField == IdField)
      Out.push_back(Mem);
  return Out;
}

bool genericRefAccepts(const Member &Ref, const Model &Owner) {
  if (Ref.GenericTargets.empty())
    return true;
  for (const Model *M = &Owner; M; M = M->Proxy ? M->Parent : nullptr)
    for (const GenericTarget &T : Ref.GenericTargets)
      if (T.TargetModel == M)
        return true;
  return false;
}

KeyKind keyKindOf(const Model &M) {
  const Member *PK = M.primaryKey();
  if (!PK)
    return KeyKind::Unknown;
  return PK->Kind == Storage::Id ? KeyKind::BigInt : PK->Kind == Storage::Uuid ? KeyKind::Uuid : KeyKind::Unknown;
}

bool holdsKey(ASTContext &Ctx, QualType T, KeyKind K) {
  const QualType V = unwrapOptional(T).getCanonicalType();
  switch (K) {
    case KeyKind::BigInt:
      // std::int64_t, long long or long where it is 64 bits: any signed
      // integer type of 64 bits (not bool, char types or enums).
      return V->isSignedIntegerType() && !V->isEnumeralType() && !V->isAnyCharacterType() &&
             Ctx.getTypeSize(V) == 64;
    case KeyKind::Uuid:
      return isCovetEntity(V->getAsCXXRecordDecl(), "Uuid");
    case KeyKind::Unknown:
      break;
  }
  return true;
}

std::optional<FixItHint> replaceWrittenType(const FieldDecl *F, llvm::StringRef Replacement) {
  const TypeSourceInfo *TSI = F->getTypeSourceInfo();
  if (!TSI)
    return std::nullopt;
  const SourceRange R = TSI->getTypeLoc().getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(R), Replacement);
}

std::string targetList(const Member &Ref) {
  std::string Out;
  for (size_t I = 0; I < Ref.GenericTargets.size(); ++I) {
    const GenericTarget &T = Ref.GenericTargets[I];
    const std::string Name = T.Decl ? T.Decl->getNameAsString() : T.Type.getAsString();
    Out += (I == 0 ? "" : I + 1 == Ref.GenericTargets.size() ? " and " : ", ") + ("'" + Name + "'");
  }
  return Out;
}

}  // namespace covet

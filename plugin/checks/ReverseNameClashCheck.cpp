#include "checks/ReverseNameClashCheck.h"

#include "ReverseRelations.h"
#include "checks/SchemaNames.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace covet {

namespace {

// The member of Target named Name that is not a declared reverse member, or
// nullptr. Also sets *Reverse to a declared reverse member of that name.
const Member *fieldNamed(const Model &Target, llvm::StringRef Name, const Member **Reverse) {
  for (const Member &Mem : Target.Members) {
    if (Mem.name() != Name)
      continue;
    if (Mem.Kind == Storage::ReverseSet || Mem.Kind == Storage::ReverseOne) {
      if (Reverse)
        *Reverse = &Mem;
      continue;
    }
    return &Mem;
  }
  return nullptr;
}

// Where a clash of R is reported: at its member, or, for a relation declared
// on an abstract base, at the model deriving from it (the clash is that
// model's; a note shows the base's member).
clang::SourceLocation clashLoc(const ReverseRelation &R) {
  return declaredOnAbstractBase(*R.Source, *R.Relation) ? R.Source->Decl->getLocation()
                                                        : R.Relation->Field->getLocation();
}

// For a relation R declared on an abstract base: a note at its name, with a
// fix-it making it one per model ("{model}_<name>") when it is a fixed name.
void noteAbstractBase(CheckContext &Ctx, const ReverseRelation &R, bool Query) {
  if (!declaredOnAbstractBase(*R.Source, *R.Relation))
    return;
  const Member &Mem = *R.Relation;
  // The option the clashing name comes from: a query name comes from
  // related_query_name, else from related_name.
  const AttrId Id = Query && Mem.RelatedQueryName ? AttrId::related_query_name : AttrId::related_name;
  const std::optional<std::string> &Written = Id == AttrId::related_name ? Mem.RelatedName
                                                                         : Mem.RelatedQueryName;
  const clang::StringLiteral *L = literalArg(findAttr(Mem.Field, Id), 0);
  const std::string Base = Mem.Owner->getName().str();
  if (!Written || llvm::StringRef(*Written).contains("{model}") || !L) {
    Ctx.report(Mem.Field->getLocation(), Diag::AbstractBaseRelation)
        << declaredMember(Mem) << Base << 0 << "{model}";
    return;
  }
  const std::string Fixed = "{model}_" + *Written;
  auto D = Ctx.report(L->getBeginLoc(), Diag::AbstractBaseRelation)
           << declaredMember(Mem) << Base << 1
           << ("covet::" + attrName(Id) + "(\"" + Fixed + "\")").str();
  if (!L->getBeginLoc().isMacroID() && L->getNumConcatenated() == 1)
    D << clang::FixItHint::CreateReplacement(L->getSourceRange(), "\"" + Fixed + "\"");
}

}  // namespace

void ReverseNameClashCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  const std::vector<ReverseRelation> Reverses = reverseRelations(Graph);
  // Each relation member is reported once, at its first clash.
  llvm::DenseSet<const Member *> Reported;

  // Two relations, one name, one target.
  for (size_t I = 0; I < Reverses.size(); ++I) {
    const ReverseRelation &R = Reverses[I];
    for (size_t J = 0; J < I; ++J) {
      const ReverseRelation &Prev = Reverses[J];
      if (Prev.Target != R.Target || Reported.count(R.Relation))
        continue;
      const bool Accessor = Prev.Accessor == R.Accessor;
      if (!Accessor && Prev.QueryName != R.QueryName)
        continue;
      Reported.insert(R.Relation);
      const std::string &Name = Accessor ? R.Accessor : R.QueryName;
      Ctx.report(clashLoc(R), Accessor ? Diag::ReverseAccessorClash : Diag::ReverseQueryNameClash)
          << Name << R.Target->Name << qualifiedMember(*R.Source, *R.Relation)
          << qualifiedMember(*Prev.Source, *Prev.Relation);
      Ctx.report(Prev.Relation->Field->getLocation(),
                 Accessor ? Diag::OtherReverseAccessor : Diag::OtherReverseQueryName)
          << qualifiedMember(*Prev.Source, *Prev.Relation) << Name << R.Target->Name;
      noteAbstractBase(Ctx, R, !Accessor);
    }
  }

  // A reverse name equal to a field of the target.
  for (const ReverseRelation &R : Reverses) {
    if (Reported.count(R.Relation))
      continue;
    const Member *Declared = nullptr;
    if (const Member *F = fieldNamed(*R.Target, R.Accessor, &Declared)) {
      Reported.insert(R.Relation);
      Ctx.report(clashLoc(R), Diag::ReverseAccessorFieldClash)
          << R.Accessor << R.Target->Name << qualifiedMember(*R.Source, *R.Relation);
      Ctx.report(F->Field->getLocation(), Diag::ClashingFieldHere)
          << qualifiedMember(*R.Target, *F);
      continue;
    }
    if (Declared && Declared->TargetModel && Declared->TargetModel != R.Source) {
      Reported.insert(R.Relation);
      Ctx.report(clashLoc(R), Diag::ReverseAccessorFieldClash)
          << R.Accessor << R.Target->Name << qualifiedMember(*R.Source, *R.Relation);
      Ctx.report(Declared->Field->getLocation(), Diag::ReverseMemberOtherSource)
          << qualifiedMember(*R.Target, *Declared) << Declared->TargetModel->Name
          << R.Source->Name;
      continue;
    }
    if (const Member *F = fieldNamed(*R.Target, R.QueryName, nullptr)) {
      Reported.insert(R.Relation);
      Ctx.report(clashLoc(R), Diag::ReverseQueryNameFieldClash)
          << R.QueryName << R.Target->Name << qualifiedMember(*R.Source, *R.Relation);
      Ctx.report(F->Field->getLocation(), Diag::ClashingFieldHere)
          << qualifiedMember(*R.Target, *F);
    }
  }
}

}  // namespace covet

#include "checks/GenericObjectIdTypeCheck.h"

#include "ReverseRelations.h"
#include "checks/GenericMembers.h"

#include <set>
#include <utility>

namespace covet {

namespace {

const char *keyDescription(KeyKind K) {
  return K == KeyKind::Uuid ? "a 'covet::Uuid'" : "a 'covet::Id', a 64-bit BIGINT";
}

const char *memberTypeFor(KeyKind K) { return K == KeyKind::Uuid ? "covet::Uuid" : "std::int64_t"; }

// The type the member should have: the key's, kept optional if it was.
std::string wanted(const Member &Id, KeyKind K) {
  const std::string Inner = memberTypeFor(K);
  return isOptionalType(Id.Field->getType()) ? "std::optional<" + Inner + ">" : Inner;
}

}  // namespace

void GenericObjectIdTypeCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // One error per object-id member and kind of key: the fix is the same
  // for every target with that kind of key.
  std::set<std::pair<const clang::FieldDecl *, KeyKind>> Reported;
  // Target: a model the reference may point at. Via: the GenericRelation
  // that lets it (null: the reference lists it).
  auto Check = [&](const Model &RefModel, const Member &Ref, const Model &Target, const Model *ViaOwner,
                   const Member *Via) {
    const Member *Id = RefModel.member(Ref.ObjectIdField);
    if (!Id || Id->isGeneric() || Id->isRelationStorage() || Id->Kind == Storage::ReverseSet ||
        Id->Kind == Storage::ReverseOne || Id->Kind == Storage::Prefetched)
      return;  // GenericRefFieldsCheck reports it
    const KeyKind K = keyKindOf(Target);
    if (holdsKey(Ctx.context(), Id->Field->getType(), K))
      return;
    if (!Reported.insert({Id->Field, K}).second)
      return;
    const std::string Want = wanted(*Id, K);
    {
      auto D = Ctx.report(Id->Field->getLocation(), Diag::GenericObjectIdType)
               << qualifiedMember(RefModel, *Id) << Id->Field->getType() << Target.Name << keyDescription(K)
               << Want;
      if (auto Fix = replaceWrittenType(Id->Field, Want))
        D << *Fix;
    }
    if (Via)
      Ctx.report(Via->Field->getLocation(), Diag::GenericObjectIdTarget)
          << Target.Name << qualifiedMember(*ViaOwner, *Via) << 1;
    else
      Ctx.report(Ref.Field->getLocation(), Diag::GenericObjectIdTarget)
          << Target.Name << qualifiedMember(RefModel, Ref) << 0;
    if (const Member *PK = Target.primaryKey())
      Ctx.report(PK->Field->getLocation(), Diag::PrimaryKeyDeclaredHere)
          << qualifiedMember(Target, *PK);
  };

  for (const auto &[M, Ref] : Graph.distinctMembers())
    if (Ref->Kind == Storage::GenericRef)
      for (const GenericTarget &T : Ref->GenericTargets)
        if (T.TargetModel && !T.TargetModel->Abstract)
          Check(*M, *Ref, *T.TargetModel, nullptr, nullptr);

  for (const auto &MP : Graph.models()) {
    const Model &Owner = *MP;
    if (Owner.Abstract)
      continue;
    for (const Member &Rel : Owner.Members) {
      if (Rel.Kind != Storage::GenericRelation || !Rel.TargetModel || Rel.TargetModel->Abstract)
        continue;
      for (const Member *Ref : genericRefsOver(*Rel.TargetModel, Rel.ContentTypeField, Rel.ObjectIdField))
        if (genericRefAccepts(*Ref, Owner))
          Check(*Rel.TargetModel, *Ref, Owner, &Owner, &Rel);
    }
  }
}

}  // namespace covet

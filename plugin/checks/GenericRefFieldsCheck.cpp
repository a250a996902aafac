#include "checks/GenericRefFieldsCheck.h"

#include "ReverseRelations.h"
#include "checks/GenericMembers.h"

namespace covet {

namespace {

// What a member that is not a plain column is, for the message.
const char *notColumn(const Member &Mem) {
  switch (Mem.Kind) {
    case Storage::Ref:
    case Storage::OptionalRef:
    case Storage::RefSet: return "a relation";
    case Storage::ReverseSet:
    case Storage::ReverseOne: return "a reverse member";
    case Storage::Prefetched: return "a prefetch target";
    case Storage::GenericRef: return "a generic reference";
    case Storage::GenericRelation: return "a generic relation";
    case Storage::Id:
    case Storage::Uuid:
    case Storage::Other: break;
  }
  return Mem.Relation != RelationAttr::None ? "a relation" : nullptr;
}

}  // namespace

void GenericRefFieldsCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Ref] : Graph.distinctMembers()) {
    if (Ref->Kind != Storage::GenericRef)
      continue;
    const std::string Label = qualifiedMember(*M, *Ref);
    const Member *Ct = M->member(Ref->ContentTypeField);
    const Member *Id = M->member(Ref->ObjectIdField);
    if (!Ct)
      Ctx.report(Ref->Field->getLocation(), Diag::GenericFieldMissing)
          << Label << 0 << Ref->ContentTypeField << M->Name;
    if (!Id)
      Ctx.report(Ref->Field->getLocation(), Diag::GenericFieldMissing)
          << Label << 1 << Ref->ObjectIdField << M->Name;
    if (Ct && !isContentTypeIdType(Ct->Field->getType())) {
      {
        auto D = Ctx.report(Ct->Field->getLocation(), Diag::GenericContentTypeFieldType)
                 << qualifiedMember(*M, *Ct) << Label << Ct->Field->getType();
        // A plain column: its type is the mistake. A relation or the like is
        // the wrong member, not the wrong type.
        if (!notColumn(*Ct))
          if (auto Fix = replaceWrittenType(Ct->Field,
                                       isOptionalType(Ct->Field->getType())
                                           ? "std::optional<covet::ContentTypeId>"
                                           : "covet::ContentTypeId"))
            D << *Fix;
      }  // emitted here, before its note
      Ctx.report(Ref->Field->getLocation(), Diag::GenericFieldReadHere) << Label << 0;
    }
    if (Id && Id != Ct)
      if (const char *What = notColumn(*Id)) {
        Ctx.report(Id->Field->getLocation(), Diag::GenericObjectIdNotColumn)
            << qualifiedMember(*M, *Id) << Label << What;
        Ctx.report(Ref->Field->getLocation(), Diag::GenericFieldReadHere) << Label << 1;
      }
  }
}

}  // namespace covet

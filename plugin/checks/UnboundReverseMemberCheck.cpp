#include "checks/UnboundReverseMemberCheck.h"

#include "ReverseRelations.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

void UnboundReverseMemberCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  const std::vector<ReverseRelation> Reverses = reverseRelations(Graph);
  llvm::DenseSet<const clang::FieldDecl *> Reported;  // a member shared by several models
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const Member &Mem : M.Members) {
      if (Mem.Kind != Storage::ReverseSet && Mem.Kind != Storage::ReverseOne)
        continue;
      if (!Mem.TargetModel || Mem.TargetModel->Abstract)
        continue;  // RelationTargetCheck reports it
      if (Reported.count(Mem.Field) || M.inherits(Mem))
        continue;  // an inherited member is checked at the concrete model declaring it
      const ReverseRelation *Match = nullptr;
      for (const ReverseRelation &R : Reverses)
        if (R.Target == &M && R.Accessor == Mem.name() && R.Source == Mem.TargetModel)
          Match = &R;
      const bool WantOne = Mem.Kind == Storage::ReverseOne;
      if (Match) {
        if (Match->ManyToMany || Match->Single == WantOne)
          continue;
        Reported.insert(Mem.Field);
        Ctx.report(Mem.Field->getLocation(), Diag::ReverseMemberKind)
            << qualifiedMember(M, Mem) << Mem.Field->getType().getCanonicalType()
            << qualifiedMember(*Match->Source, *Match->Relation)
            << (Match->Single ? "one-to-one" : "foreign key")
            << (Match->Single ? "ReverseOne" : "ReverseSet") << Match->Source->Name;
        Ctx.report(Match->Relation->Field->getLocation(), Diag::RelationDeclaredHere)
            << qualifiedMember(*Match->Source, *Match->Relation);
        continue;
      }
      // A relation that is a clash (the accessor belongs to some other model's
      // relation) is reported by ReverseNameClashCheck.
      bool Clash = false;
      for (const ReverseRelation &R : Reverses)
        Clash |= R.Target == &M && R.Accessor == Mem.name();
      if (Clash)
        continue;
      Reported.insert(Mem.Field);
      Ctx.report(Mem.Field->getLocation(), Diag::UnboundReverseMember)
          << qualifiedMember(M, Mem) << Mem.TargetModel->Name << M.Name;
      // The reverse names that do exist: those from S first, then the rest.
      std::string FromSource, Others;
      for (const ReverseRelation &R : Reverses) {
        if (R.Target != &M)
          continue;
        std::string &List = R.Source == Mem.TargetModel ? FromSource : Others;
        if (!List.empty())
          List += ", ";
        List += "'" + R.Accessor + "' (" + qualifiedMember(*R.Source, *R.Relation) + ")";
      }
      std::string All = FromSource;
      if (!Others.empty())
        All += (All.empty() ? "" : ", ") + Others;
      if (All.empty())
        Ctx.report(Mem.Field->getLocation(), Diag::NoReverseAccessors) << M.Name;
      else
        Ctx.report(Mem.Field->getLocation(), Diag::ReverseAccessorsAre) << M.Name << All;
    }
  }
}

}  // namespace covet

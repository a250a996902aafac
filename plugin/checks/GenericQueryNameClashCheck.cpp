#include "checks/GenericQueryNameClashCheck.h"

#include "ReverseRelations.h"

#include "covet/detail/naming.hpp"

namespace covet {

namespace {

// One query name a GenericRelation gives its T.
struct GenericQueryName {
  const Model *Owner = nullptr;
  const Member *Relation = nullptr;
  const Model *Target = nullptr;
  std::string Name;
};

std::vector<GenericQueryName> genericQueryNames(const ModelGraph &Graph) {
  std::vector<GenericQueryName> Out;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const Member &Mem : M.Members)
      if (Mem.Kind == Storage::GenericRelation && Mem.RelatedQueryName && Mem.TargetModel &&
          !Mem.TargetModel->Abstract && M.owner(Mem) == &M)
        Out.push_back({&M, &Mem, Mem.TargetModel,
                       detail::naming::expand_model_placeholder(*Mem.RelatedQueryName, M.Name)});
  }
  return Out;
}

// At the member, or, for one declared on an abstract base, at the model
// deriving from it (the clash is that model's), as ReverseNameClashCheck.
clang::SourceLocation clashLoc(const GenericQueryName &G) {
  return G.Relation->Owner->getCanonicalDecl() != G.Owner->Decl->getCanonicalDecl()
             ? G.Owner->Decl->getLocation()
             : G.Relation->Field->getLocation();
}

}  // namespace

void GenericQueryNameClashCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  const std::vector<ReverseRelation> Reverses = reverseRelations(Graph);
  const std::vector<GenericQueryName> Names = genericQueryNames(Graph);
  for (size_t I = 0; I < Names.size(); ++I) {
    const GenericQueryName &G = Names[I];
    const std::string Label = qualifiedMember(*G.Owner, *G.Relation);
    if (const Member *F = G.Target->member(G.Name);
        F && F->Kind != Storage::ReverseSet && F->Kind != Storage::ReverseOne) {
      Ctx.report(clashLoc(G), Diag::ReverseQueryNameFieldClash) << G.Name << G.Target->Name << Label;
      Ctx.report(F->Field->getLocation(), Diag::ClashingFieldHere) << qualifiedMember(*G.Target, *F);
      continue;
    }
    auto Clash = [&](const Model &OtherSource, const Member &Other) {
      const std::string OtherLabel = qualifiedMember(OtherSource, Other);
      Ctx.report(clashLoc(G), Diag::ReverseQueryNameClash) << G.Name << G.Target->Name << Label << OtherLabel;
      Ctx.report(Other.Field->getLocation(), Diag::OtherReverseQueryName)
          << OtherLabel << G.Name << G.Target->Name;
    };
    const ReverseRelation *R = nullptr;
    for (const ReverseRelation &Each : Reverses)
      if (Each.Target == G.Target && Each.QueryName == G.Name) {
        R = &Each;
        break;
      }
    if (R) {
      Clash(*R->Source, *R->Relation);
      continue;
    }
    for (size_t J = 0; J < I; ++J)
      if (Names[J].Target == G.Target && Names[J].Name == G.Name) {
        Clash(*Names[J].Owner, *Names[J].Relation);
        break;
      }
  }
}

}  // namespace covet

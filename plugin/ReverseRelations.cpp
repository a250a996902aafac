#include "ReverseRelations.h"

namespace covet {

bool isWellFormedRelation(const Member &M) {
  const bool Shape = ((M.Kind == Storage::Ref || M.Kind == Storage::OptionalRef) &&
                      (M.Relation == RelationAttr::ForeignKey ||
                       M.Relation == RelationAttr::OneToOne)) ||
                     (M.Kind == Storage::RefSet && M.Relation == RelationAttr::ManyToMany);
  return Shape && M.TargetModel && !M.TargetModel->Abstract;
}

bool isKeyRelation(const Member &M) {
  return isWellFormedRelation(M) && M.Relation != RelationAttr::ManyToMany;
}

std::string qualifiedMember(const Model &M, const Member &Mem) {
  return M.Name + "::" + Mem.name().str();
}

std::vector<const Member *> ownRelations(const ModelGraph &G, const Model &M) {
  std::vector<const Member *> Out;
  for (const Member &Mem : M.Members) {
    if (!isWellFormedRelation(Mem))
      continue;
    const Model *Owner = G.find(Mem.Owner);
    if (Owner && Owner != &M && !Owner->Abstract)
      continue;  // a concrete parent's relation
    Out.push_back(&Mem);
  }
  return Out;
}

bool declaredOnAbstractBase(const Model &Source, const Member &Mem) {
  return Mem.Owner->getCanonicalDecl() != Source.Decl->getCanonicalDecl();
}

bool reverseHidden(const Model &Source, const Member &Mem) {
  const bool SymmetricalSelf = naming::is_symmetrical(Mem.Relation == RelationAttr::ManyToMany,
                                                      Mem.TargetModel == &Source, Mem.Symmetrical);
  return !naming::has_reverse_side(Mem.RelatedName.value_or(""), SymmetricalSelf);
}

std::optional<naming::JoinTableNames> automaticJoinTable(const Model &Source, const Member &Mem) {
  if (Mem.Relation != RelationAttr::ManyToMany || !isWellFormedRelation(Mem) || Mem.Through)
    return std::nullopt;
  return naming::automatic_join_table(Source.Table, Mem.name(), Source.Name, Mem.TargetModel->Name);
}

std::vector<ReverseRelation> reverseRelations(const ModelGraph &G) {
  std::vector<ReverseRelation> Out;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const Member *Mem : ownRelations(G, M)) {
      if (reverseHidden(M, *Mem))
        continue;
      ReverseRelation R;
      R.Source = &M;
      R.Relation = Mem;
      R.Target = Mem->TargetModel;
      R.Single = Mem->Relation == RelationAttr::OneToOne;
      R.ManyToMany = Mem->Relation == RelationAttr::ManyToMany;
      // "{model}" is the concrete model's name: a relation of an abstract
      // base gives each model deriving from it its own reverse names.
      const std::string RelatedName =
          naming::expand_model_placeholder(Mem->RelatedName.value_or(""), M.Name);
      R.Accessor = naming::reverse_accessor(M.Name, RelatedName, R.Single);
      R.QueryName = naming::reverse_query_name(
          M.Name, RelatedName,
          naming::expand_model_placeholder(Mem->RelatedQueryName.value_or(""), M.Name));
      Out.push_back(std::move(R));
    }
  }
  return Out;
}

}  // namespace covet

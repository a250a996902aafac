#include "checks/MisplacedOptionCheck.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"

namespace covet {

namespace {

using namespace clang;

bool isString(QualType T) {
  const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!S)
    return false;
  const TemplateArgumentList &Args = S->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return false;
  if (isStdEntity(S->getSpecializedTemplate(), "optional"))
    return isString(Args[0].getAsType());
  return isStdEntity(S->getSpecializedTemplate(), "basic_string");
}

}  // namespace

void MisplacedOptionCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    const FieldDecl *F = Mem->Field;
    // What the member is, as the relation attribute and storage say.
    const bool Relation = Mem->Relation != RelationAttr::None;
    if (!Relation && Mem->isRelationStorage())
      continue;  // MissingRelationAttributeCheck reports the member
    const bool ManyToMany = Mem->Relation == RelationAttr::ManyToMany;
    const bool GenericRef = Mem->Kind == Storage::GenericRef;
    const bool GenericRelation = Mem->Kind == Storage::GenericRelation;
    const char *What = ManyToMany                                   ? "a many-to-many"
                       : Mem->Relation == RelationAttr::OneToOne    ? "a one-to-one"
                       : Mem->Relation == RelationAttr::ForeignKey  ? "a foreign key"
                       : Mem->Kind == Storage::ReverseSet ||
                               Mem->Kind == Storage::ReverseOne     ? "a reverse member"
                       : GenericRef                                 ? "a generic reference"
                       : GenericRelation                            ? "a generic relation"
                                                                    : "not a relation";
    auto Misplaced = [&](AttrId Id, const char *AppliesTo) {
      const AnnotateAttr *A = findAttr(F, Id);
      if (!A)
        return;
      Ctx.report(A->getLocation(), Diag::MisplacedOption)
          << (std::string("covet::") + attrName(Id).str()) << AppliesTo << F->getName() << What;
    };
    if (Mem->MaxLength > 0 && !isString(F->getType())) {
      const AnnotateAttr *A = findAttr(F, AttrId::max_length);
      Ctx.report(A->getLocation(), Diag::MaxLengthNotString) << F->getName() << F->getType();
    }
    if (!Relation) {
      Misplaced(AttrId::related_name, "relation members");
      // A GenericRelation's query name lets T's queries filter through it.
      if (!GenericRelation)
        Misplaced(AttrId::related_query_name, "relation members and generic relations");
      Misplaced(AttrId::db_constraint, "relation members");
    }
    if (!GenericRef && !GenericRelation)
      Misplaced(AttrId::generic_fields, "generic references and generic relations");
    if (!GenericRelation)
      Misplaced(AttrId::generic_relation, "generic relations ('covet::GenericRelation<T>')");
    // Neither has a column for these to shape.
    if (GenericRef || GenericRelation) {
      Misplaced(AttrId::column, "columns");
      Misplaced(AttrId::db_index, "columns, foreign keys and one-to-ones");
    }
    if (!Relation || ManyToMany)
      Misplaced(AttrId::to_field, "foreign keys and one-to-ones");
    if (!ManyToMany) {
      Misplaced(AttrId::through, "many-to-many members");
      Misplaced(AttrId::through_fields, "many-to-many members");
      Misplaced(AttrId::symmetrical, "many-to-many members");
    }
    if (ManyToMany || GenericRef || GenericRelation)
      Misplaced(AttrId::unique, "columns, foreign keys and one-to-ones");
  }
}

}  // namespace covet

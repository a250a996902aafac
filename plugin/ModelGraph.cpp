#include "ModelGraph.h"

#include "Names.h"

#include "covet/detail/naming.hpp"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace covet {

namespace {

// Collects model definitions and covet::enum_text enums in the order they
// appear.
class ModelCollector : public RecursiveASTVisitor<ModelCollector> {
 public:
  // With SM set, functions declared outside the main file are skipped,
  // bodies and all. A tool that limits the traversal scope to the main file
  // (clangd: everything else is its preamble) asks for that: walking every
  // inline function of the standard headers costs more than the rest of an
  // edit's rebuild, and a model inside a function body cannot be emitted
  // anyway (the generated code could not name it).
  explicit ModelCollector(const SourceManager *SM) : SM(SM) {}

  // For the same reason namespace std (no program may declare its models
  // there) is skipped: most of the preamble's declarations are in it.
  bool TraverseDecl(Decl *D) {
    if (SM && D && (isa<FunctionDecl>(D) || isa<FunctionTemplateDecl>(D)) &&
        !SM->isInMainFile(SM->getExpansionLoc(D->getLocation())))
      return true;
    if (SM && D && isa<NamespaceDecl>(D) && cast<NamespaceDecl>(D)->isStdNamespace())
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && !RD->isDependentContext() && !RD->isInvalidDecl() &&
        findAttr(RD, AttrId::model))
      Found.push_back(RD);
    return true;
  }
  bool VisitEnumDecl(EnumDecl *ED) {
    if (ED->isThisDeclarationADefinition() && !ED->isDependentContext() && !ED->isInvalidDecl() &&
        findAttr(ED, AttrId::enum_text))
      Enums.push_back(ED);
    return true;
  }
  std::vector<const CXXRecordDecl *> Found;
  std::vector<const EnumDecl *> Enums;

 private:
  const SourceManager *SM;
};

const CXXRecordDecl *definitionOr(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    return Def;
  return RD->getCanonicalDecl();
}

// If T is covet::Name<X> (a class template specialization or an alias
// template spelled so), X's record declaration.
std::optional<QualType> covetTemplateArg(QualType T, llvm::StringRef Name) {
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T.getCanonicalType()->getAsCXXRecordDecl())) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (isCovetEntity(Spec->getSpecializedTemplate(), Name) && Args.size() >= 1 &&
        Args[0].getKind() == TemplateArgument::Type)
      return Args[0].getAsType();
  }
  const Type *Cur = T.getTypePtr();
  while (Cur) {
    if (const auto *TST = dyn_cast<TemplateSpecializationType>(Cur)) {
      const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl();
      llvm::ArrayRef<TemplateArgument> Args = TST->template_arguments();
      if (TD && isCovetEntity(TD, Name) && !Args.empty() &&
          Args[0].getKind() == TemplateArgument::Type)
        return Args[0].getAsType();
    }
    QualType Next = Cur->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Cur)
      break;
    Cur = Next.getTypePtr();
  }
  return std::nullopt;
}

// The template arguments of covet::GenericRef<Targets...> when T is one (an
// empty list for GenericRef<>), or nullopt.
std::optional<std::vector<QualType>> genericRefArgs(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !isCovetEntity(Spec->getSpecializedTemplate(), "GenericRef"))
    return std::nullopt;
  std::vector<QualType> Out;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Pack) {
      for (const TemplateArgument &E : A.pack_elements())
        if (E.getKind() == TemplateArgument::Type)
          Out.push_back(E.getAsType());
    } else if (A.getKind() == TemplateArgument::Type) {
      Out.push_back(A.getAsType());
    }
  }
  return Out;
}

bool isCovetId(QualType T) {
  const Type *Cur = T.getTypePtr();
  while (Cur) {
    if (const auto *TT = dyn_cast<TypedefType>(Cur); TT && isCovetEntity(TT->getDecl(), "Id"))
      return true;
    QualType Next = Cur->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Cur)
      break;
    Cur = Next.getTypePtr();
  }
  return isCovetEntity(T.getCanonicalType()->getAsCXXRecordDecl(), "Id");
}

// X of std::optional<X>.
std::optional<QualType> optionalArg(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !isStdEntity(Spec->getSpecializedTemplate(), "optional"))
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Args[0].getAsType();
}

// The covet::enum_text enum a member of type T stores (T or std::optional<T>).
const EnumDecl *textEnum(QualType T) {
  if (auto Opt = optionalArg(T))
    T = *Opt;
  const auto *ET = T.getCanonicalType()->getAs<EnumType>();
  if (!ET)
    return nullptr;
  const EnumDecl *ED = ET->getDecl();
  if (const EnumDecl *Def = ED->getDefinition())
    ED = Def;
  return findAttr(ED, AttrId::enum_text) ? ED : nullptr;
}

std::string lower(llvm::StringRef S) { return S.lower(); }

// The named, non-inline namespaces enclosing RD, outermost first: the parts
// of its default app label (see detail::naming::app_label for why anonymous
// and inline ones are left out). Enclosing classes are not namespaces and
// add nothing, as Django's app label knows nothing of them.
std::vector<std::string> enclosingNamespaces(const CXXRecordDecl *RD) {
  std::vector<std::string> Out;
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && !NS->isAnonymousNamespace() && !NS->isInline())
      Out.insert(Out.begin(), NS->getName().str());
  return Out;
}

}  // namespace

TreeKind treeMixin(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return TreeKind::None;
  if (isCovetEntity(Spec->getSpecializedTemplate(), "TreeNode"))
    return TreeKind::AdjacencyList;
  if (isCovetEntity(Spec->getSpecializedTemplate(), "NestedSetNode"))
    return TreeKind::NestedSet;
  return TreeKind::None;
}

std::string qualifiedTypeName(ASTContext &Ctx, QualType T) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  Policy.SuppressScope = false;
  Policy.SuppressUnwrittenScope = false;
  Policy.FullyQualifiedName = true;
  Policy.PrintCanonicalTypes = false;
  std::string Name = TypeName::getFullyQualifiedName(T, Ctx, Policy, /*WithGlobalNsPrefix=*/true);
  // "TreeNode< ::Category>" -> "TreeNode<::Category>" (valid since C++11).
  for (size_t Pos; (Pos = Name.find("< ::")) != std::string::npos;)
    Name.erase(Pos + 1, 1);
  return Name;
}

const Member *Model::member(llvm::StringRef Name) const {
  for (const Member &Mem : Members)
    if (Mem.name() == Name)
      return &Mem;
  return nullptr;
}

const Model *Model::owner(const Member &Mem) const {
  const Model *Owner = this;
  for (const Model *P = Parent; P; P = P->Parent) {
    bool Has = false;
    for (const Member &Other : P->Members)
      if (Other.Field == Mem.Field) {
        Has = true;
        break;
      }
    if (!Has)
      break;
    Owner = P;
  }
  return Owner;
}

const Model *ModelGraph::find(const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def;
  return ByDecl.lookup(RD);
}

std::vector<std::pair<const Model *, const Member *>> ModelGraph::distinctMembers() const {
  std::vector<std::pair<const Model *, const Member *>> Out;
  llvm::DenseSet<const FieldDecl *> Seen;
  for (const auto &M : Models)
    for (const Member &Mem : M->Members)
      if (Seen.insert(Mem.Field).second)
        Out.emplace_back(M.get(), &Mem);
  return Out;
}

Member ModelGraphBuilder::classify(const FieldDecl *F, const CXXRecordDecl *Owner) const {
  Member M;
  M.Field = F;
  M.Owner = Owner;
  M.HasDefault = F->hasInClassInitializer();
  const QualType T = F->getType();

  auto SetTarget = [&](QualType Arg) {
    M.TargetType = Arg;
    M.Target = definitionOr(Arg->getAsCXXRecordDecl());
  };
  if (isCovetId(T)) {
    M.Kind = Storage::Id;
  } else if (isCovetEntity(T.getCanonicalType()->getAsCXXRecordDecl(), "Uuid")) {
    M.Kind = Storage::Uuid;
  } else if (auto Arg = covetTemplateArg(T, "Ref")) {
    M.Kind = Storage::Ref;
    SetTarget(*Arg);
  } else if (auto Opt = optionalArg(T); Opt && covetTemplateArg(*Opt, "Ref")) {
    M.Kind = Storage::OptionalRef;
    SetTarget(*covetTemplateArg(*Opt, "Ref"));
  } else if (auto Arg = covetTemplateArg(T, "RefSet")) {
    M.Kind = Storage::RefSet;
    SetTarget(*Arg);
  } else if (auto Arg = covetTemplateArg(T, "ReverseSet")) {
    M.Kind = Storage::ReverseSet;
    SetTarget(*Arg);
  } else if (auto Arg = covetTemplateArg(T, "ReverseOne")) {
    M.Kind = Storage::ReverseOne;
    SetTarget(*Arg);
  } else if (auto Arg = covetTemplateArg(T, "Prefetched")) {
    M.Kind = Storage::Prefetched;
    SetTarget(*Arg);
  } else if (auto Targets = genericRefArgs(T)) {
    M.Kind = Storage::GenericRef;
    for (QualType Target : *Targets)
      M.GenericTargets.push_back({Target, definitionOr(Target->getAsCXXRecordDecl()), nullptr});
  } else if (auto Arg = covetTemplateArg(T, "GenericRelation")) {
    M.Kind = Storage::GenericRelation;
    SetTarget(*Arg);
  }

  if (const AnnotateAttr *A = findAttr(F, AttrId::foreign_key)) {
    M.Relation = RelationAttr::ForeignKey;
    M.RelationAnnotation = A;
  } else if (const AnnotateAttr *A = findAttr(F, AttrId::one_to_one)) {
    M.Relation = RelationAttr::OneToOne;
    M.RelationAnnotation = A;
  } else if (const AnnotateAttr *A = findAttr(F, AttrId::many_to_many)) {
    M.Relation = RelationAttr::ManyToMany;
    M.RelationAnnotation = A;
  }
  if (M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne)
    if (auto P = onDeleteArg(Ctx, M.RelationAnnotation))
      M.OnDelete = *P;

  M.GenericFieldsAnnotation = findAttr(F, AttrId::generic_fields);
  M.GenericRelationAnnotation = findAttr(F, AttrId::generic_relation);
  if (M.isGeneric()) {
    M.ContentTypeField = stringArg(M.GenericFieldsAnnotation, 0)
                             .value_or(std::string(detail::naming::default_content_type_field));
    M.ObjectIdField = stringArg(M.GenericFieldsAnnotation, 1)
                          .value_or(std::string(detail::naming::default_object_id_field));
  }
  if (auto P = onDeleteArg(Ctx, M.GenericRelationAnnotation))
    M.GenericOnDelete = *P;

  M.RelatedName = stringArg(findAttr(F, AttrId::related_name), 0);
  M.RelatedQueryName = stringArg(findAttr(F, AttrId::related_query_name), 0);
  M.ToField = stringArg(findAttr(F, AttrId::to_field), 0);
  M.Through = stringArg(findAttr(F, AttrId::through), 0);
  if (const AnnotateAttr *A = findAttr(F, AttrId::through_fields)) {
    M.ThroughSource = stringArg(A, 0);
    M.ThroughTarget = stringArg(A, 1);
  }
  if (auto N = intArg(Ctx, findAttr(F, AttrId::max_length), 0))
    M.MaxLength = static_cast<int>(N->getExtValue());
  M.Unique = findAttr(F, AttrId::unique) != nullptr;
  M.PrimaryKeyAnnotation = findAttr(F, AttrId::primary_key);
  // A covet::primary_key on another type is PrimaryKeyCheck's error, not a
  // second key.
  M.PrimaryKey = M.Kind == Storage::Id || (M.PrimaryKeyAnnotation && M.Kind == Storage::Uuid);
  M.AutoNow = findAttr(F, AttrId::auto_now);
  M.AutoNowAdd = findAttr(F, AttrId::auto_now_add);
  M.EnumText = textEnum(T);
  if (const AnnotateAttr *A = findAttr(F, AttrId::db_index)) {
    auto B = intArg(Ctx, A, 0);
    M.DbIndex = !B || B->getBoolValue();
  }
  if (auto B = intArg(Ctx, findAttr(F, AttrId::db_constraint), 0))
    M.DbConstraint = B->getBoolValue();
  if (auto B = intArg(Ctx, findAttr(F, AttrId::symmetrical), 0))
    M.Symmetrical = B->getBoolValue() ? 1 : 0;

  std::optional<std::string> Column = stringArg(findAttr(F, AttrId::column), 0);
  const bool KeyRelation =
      M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne;
  if (M.Kind == Storage::ReverseSet || M.Kind == Storage::ReverseOne || M.Kind == Storage::Prefetched ||
      M.isGeneric())
    ;  // no column
  else if (M.Kind == Storage::RefSet && M.Relation == RelationAttr::ManyToMany)
    ;  // the through table holds the keys
  else if ((M.Kind == Storage::Ref || M.Kind == Storage::OptionalRef) && KeyRelation)
    M.Column = Column ? *Column : F->getName().str() + "_id";
  else
    M.Column = Column ? *Column : F->getName().str();
  return M;
}

// Only the data members of model bases, and of Covet's own tree mixins (all
// of whose bases are Covet's), are columns: those of a plain struct a model
// derives from are not (Django's rule for a mixin's attributes), and
// NonModelBaseCheck rejects such a base when it has any, so none is silently
// left out of the table.
void ModelGraphBuilder::addMembers(const CXXRecordDecl *RD, Model &M, unsigned Depth,
                                   bool InMixin) {
  if (Depth > 64)  // a base chain this deep is not a model hierarchy
    return;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base || !(Base = Base->getDefinition()))
      continue;
    const bool Mixin = InMixin || treeMixin(Base) != TreeKind::None;
    if (Mixin || findAttr(Base, AttrId::model))
      addMembers(Base, M, Depth + 1, Mixin);
  }
  // A tree mixin's non-public members are its own state (the database
  // handle, detail/tree_binding.hpp), not columns.
  const bool OwnMixinState = treeMixin(RD) != TreeKind::None;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier() && !(OwnMixinState && F->getAccess() != AS_public))
      M.Members.push_back(classify(F, RD));
}

// Django's rules, with the guide's single-table strategy added: a proxy uses
// its parent's rows; below a root declaring covet::polymorphic_on every model
// shares the root's table; any other model deriving from a concrete model is
// multi-table, whether covet::multi_table says so or not (Django's default).
// Contradictions (multi_table in a single-table hierarchy, an identity
// without polymorphic_on) are the inheritance checks' errors; the shape here
// is what the emitter writes once they pass.
void ModelGraphBuilder::resolveInheritance(Model &M) {
  M.Root = &M;
  for (const Model *P = M.Parent; P; P = P->Parent)
    M.Root = P;
  if (M.Parent)
    M.Strategy = M.Proxy                            ? Inheritance::Proxy
                 : !M.Root->PolymorphicOn.empty() ? Inheritance::SingleTable
                                                  : Inheritance::MultiTable;
  if (!M.Root->PolymorphicOn.empty()) {
    M.Discriminator = M.Root->PolymorphicOn;
    M.Identity = M.Strategy == Inheritance::Proxy ? M.Parent->Identity
                 : !M.PolymorphicIdentity.empty() ? M.PolymorphicIdentity
                                                  : detail::naming::model_name(M.Name);
  }
  if (M.Strategy == Inheritance::MultiTable)
    M.ParentLink = detail::naming::parent_link_column(M.Parent->Name);
}

ModelGraph ModelGraphBuilder::build() {
  ModelGraph G;
  // A tool may have limited the traversal to some declarations (clangd
  // scopes clang-tidy to the main file's, to skip the preamble), and the
  // visitor honours that from the translation unit down; the graph needs
  // every model the file sees, so walk the whole unit, then restore it.
  const std::vector<Decl *> Scope = Ctx.getTraversalScope();
  const bool Limited = Scope.size() != 1 || !isa<TranslationUnitDecl>(Scope.front());
  ModelCollector Collector(Limited ? &Ctx.getSourceManager() : nullptr);
  {
    if (Limited)
      Ctx.setTraversalScope({Ctx.getTranslationUnitDecl()});
    Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
    if (Limited)
      Ctx.setTraversalScope(Scope);
  }
  G.TextEnums = Collector.Enums;

  for (const CXXRecordDecl *RD : Collector.Found) {
    auto M = std::make_unique<Model>();
    M->Decl = RD;
    M->Name = RD->getName().str();
    M->TypeName = qualifiedTypeName(Ctx, Ctx.getRecordType(RD));
    M->Abstract = findAttr(RD, AttrId::abstract) != nullptr;
    M->Proxy = findAttr(RD, AttrId::proxy) != nullptr;
    M->MultiTable = findAttr(RD, AttrId::multi_table) != nullptr;
    M->PolymorphicOn = stringArg(findAttr(RD, AttrId::polymorphic_on), 0).value_or("");
    M->PolymorphicIdentity = stringArg(findAttr(RD, AttrId::polymorphic_identity), 0).value_or("");

    // Bases are complete before the derived class, so they are already in G.
    for (const CXXBaseSpecifier &B : RD->bases()) {
      const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
      if (!Base)
        continue;
      if (TreeKind K = treeMixin(Base); K != TreeKind::None)
        M->Tree = K;
      else if (const Model *BM = G.find(Base); BM && !M->Base)
        M->Base = BM;
    }
    // The first concrete model reached through the model bases, directly or
    // through an abstract one (MultipleParentsCheck reports a second one).
    for (const CXXBaseSpecifier &B : RD->bases()) {
      const Model *BM = G.find(B.getType()->getAsCXXRecordDecl());
      if (const Model *P = !BM ? nullptr : BM->Abstract ? BM->Parent : BM) {
        M->Parent = P;
        break;
      }
    }
    // Else the kind a model base brings (the first that brings one: a second
    // mixin is TreeMixinConflictCheck's error).
    for (const CXXBaseSpecifier &B : RD->bases()) {
      if (M->Tree != TreeKind::None)
        break;
      if (const Model *BM = G.find(B.getType()->getAsCXXRecordDecl()))
        M->Tree = BM->Tree;
    }

    resolveInheritance(*M);
    std::optional<std::string> Table = stringArg(findAttr(RD, AttrId::model), 0);
    if (M->Strategy == Inheritance::Proxy || M->Strategy == Inheritance::SingleTable) {
      M->Table = M->Parent->Table;  // proxy and single-table children share the parent's table
    } else if (Table) {
      M->Table = *Table;
    } else {
      M->Table = lower(M->Name);
    }

    addMembers(RD, *M, 0);
    for (const AnnotateAttr *A : findAttrs(RD, AttrId::unique_together)) {
      UniqueTogether U;
      U.Attr = A;
      for (unsigned I = 0; I < A->args_size(); ++I)
        if (std::optional<std::string> Name = stringArg(A, I))
          U.Names.push_back(std::move(*Name));
      M->UniqueTogethers.push_back(std::move(U));
    }
    if (M->UniqueTogethers.empty() && M->Base && M->Base->Abstract)
      M->UniqueTogethers = M->Base->UniqueTogethers;
    if (const AnnotateAttr *A = findAttr(RD, AttrId::ordering)) {
      M->OrderingAttr = A;
      for (unsigned I = 0; I < A->args_size(); ++I)
        if (std::optional<std::string> Field = stringArg(A, I))
          M->Ordering.push_back(std::move(*Field));
    } else if (M->Base) {
      M->OrderingAttr = M->Base->OrderingAttr;
      M->Ordering = M->Base->Ordering;
    }
    M->ContentTypeAttr = findAttr(RD, AttrId::content_type);
    if (!M->Abstract)
      M->ContentType = M->ContentTypeAttr ? stringArg(M->ContentTypeAttr, 0).value_or("")
                                          : detail::naming::content_type_name(enclosingNamespaces(RD), M->Name);
    G.ByDecl[RD] = M.get();
    G.Models.push_back(std::move(M));
  }

  // Resolve relation targets once every model is known.
  for (auto &M : G.Models)
    for (Member &Mem : M->Members)
      if (Mem.Target)
        Mem.TargetModel = G.find(Mem.Target);
  for (auto &M : G.Models)
    for (Member &Mem : M->Members)
      for (GenericTarget &T : Mem.GenericTargets)
        T.TargetModel = G.find(T.Decl);
  return G;
}

}  // namespace covet

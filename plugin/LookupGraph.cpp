#include "LookupGraph.h"

#include "Names.h"
#include "ReverseRelations.h"

#include "clang/AST/DeclTemplate.h"

#include <covet/detail/naming.hpp>

#include <algorithm>
#include <tuple>

using namespace clang;

namespace covet {

namespace {

const char *const ValueKindNames[] = {"integer", "real", "bool",    "text", "blob",         "timestamp",
                                      "date",    "enum", "decimal", "uuid", "content_type", "other"};
const char *const MemberKindNames[] = {"primary_key", "column",      "foreign_key",
                                       "one_to_one",  "many_to_many", "reverse_set",
                                       "reverse_one", "prefetched",  "generic_ref",
                                       "generic_relation", "other"};

const ClassTemplateSpecializationDecl *stdSpecialization(QualType T, llvm::StringRef Name) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !isStdEntity(Spec->getSpecializedTemplate(), Name))
    return nullptr;
  return Spec;
}

// Whether D is declared in std::chrono (through inline namespaces: libc++'s std::__1).
bool inChrono(const NamedDecl *D) {
  const DeclContext *DC = D->getDeclContext();
  while (DC && DC->isInlineNamespace())
    DC = DC->getParent();
  const auto *NS = dyn_cast_or_null<NamespaceDecl>(DC);
  if (!NS || !NS->getIdentifier() || NS->getName() != "chrono")
    return false;
  DC = NS->getParent();
  while (DC && DC->isInlineNamespace())
    DC = DC->getParent();
  return DC && DC->isStdNamespace();
}

// std::chrono::<Name><...> (a specialization) or std::chrono::<Name> (a class).
bool isChrono(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const NamedDecl *D = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    D = Spec->getSpecializedTemplate();
  return D->getIdentifier() && D->getName() == Name && inChrono(D);
}

// time_point<system_clock, D> where D is a duration of whole days: sys_days.
bool isDayTimePoint(const ClassTemplateSpecializationDecl *Spec) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Type)
    return false;
  const auto *Dur = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Args[1].getAsType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Dur || Dur->getTemplateArgs().size() < 2 ||
      Dur->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return false;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Dur->getTemplateArgs()[1].getAsType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() < 2)
    return false;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0];
  const TemplateArgument &Den = Ratio->getTemplateArgs()[1];
  return Num.getKind() == TemplateArgument::Integral && Den.getKind() == TemplateArgument::Integral &&
         Num.getAsIntegral() == 86400 && Den.getAsIntegral() == 1;
}

}  // namespace

llvm::StringRef valueKindName(ValueKind K) { return ValueKindNames[static_cast<unsigned>(K)]; }

std::optional<ValueKind> valueKindNamed(llvm::StringRef Name) {
  for (unsigned I = 0; I < std::size(ValueKindNames); ++I)
    if (Name == ValueKindNames[I])
      return static_cast<ValueKind>(I);
  return std::nullopt;
}

llvm::StringRef memberKindName(MemberKind K) { return MemberKindNames[static_cast<unsigned>(K)]; }

std::optional<MemberKind> memberKindNamed(llvm::StringRef Name) {
  for (unsigned I = 0; I < std::size(MemberKindNames); ++I)
    if (Name == MemberKindNames[I])
      return static_cast<MemberKind>(I);
  return std::nullopt;
}

std::optional<QualType> optionalValueType(QualType T) {
  const ClassTemplateSpecializationDecl *Spec = stdSpecialization(T, "optional");
  if (!Spec)
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Args[0].getAsType();
}

ValueKind storedValueKind(QualType T) {
  T = T.getNonReferenceType();
  // covet::ReadOnly<X> (a column only Covet writes: NestedSetNode's lft,
  // rgt, tree_id, level) holds X's values.
  if (const auto *RO = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T.getCanonicalType()->getAsCXXRecordDecl());
      RO && isCovetEntity(RO->getSpecializedTemplate(), "ReadOnly") &&
      RO->getTemplateArgs().size() >= 1 &&
      RO->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    T = RO->getTemplateArgs()[0].getAsType();
  if (auto Inner = optionalValueType(T))
    T = *Inner;
  const QualType C = T.getCanonicalType();
  if (C->isBooleanType())
    return ValueKind::Bool;
  if (C->isEnumeralType())
    return ValueKind::Enum;
  if (C->isIntegerType())
    return ValueKind::Integer;
  if (C->isRealFloatingType())
    return ValueKind::Real;
  const CXXRecordDecl *RD = C->getAsCXXRecordDecl();
  if (!RD)
    return ValueKind::Other;
  if (isCovetEntity(RD, "Id"))
    return ValueKind::Integer;
  if (isCovetEntity(RD, "Uuid"))
    return ValueKind::Uuid;
  if (isCovetEntity(RD, "ContentTypeId"))
    return ValueKind::ContentType;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD); Spec && isCovetEntity(Spec, "Decimal"))
    return ValueKind::Decimal;
  if (stdSpecialization(C, "basic_string"))
    return ValueKind::Text;
  if (const ClassTemplateSpecializationDecl *Vec = stdSpecialization(C, "vector")) {
    const TemplateArgumentList &Args = Vec->getTemplateArgs();
    if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type) {
      const QualType E = Args[0].getAsType().getCanonicalType();
      // std::byte is declared inside extern "C++" in libstdc++: isStdEntity
      // does not look through that.
      if (const auto *ET = E->getAs<EnumType>(); ET && ET->getDecl()->isInStdNamespace() &&
                                                 ET->getDecl()->getIdentifier() &&
                                                 ET->getDecl()->getName() == "byte")
        return ValueKind::Blob;
      if (E->isSpecificBuiltinType(BuiltinType::UChar))
        return ValueKind::Blob;
    }
    return ValueKind::Other;
  }
  if (isChrono(C, "year_month_day"))
    return ValueKind::Date;
  if (isChrono(C, "time_point")) {
    const auto *Spec = cast<ClassTemplateSpecializationDecl>(RD);
    return isDayTimePoint(Spec) ? ValueKind::Date : ValueKind::Timestamp;
  }
  return ValueKind::Other;
}

const LookupMember *LookupModel::primaryKey() const {
  for (const LookupMember &M : Members)
    if (M.Kind == MemberKind::PrimaryKey)
      return &M;
  return nullptr;
}

const LookupMember *LookupModel::member(llvm::StringRef N) const {
  for (const LookupMember &M : Members)
    if (M.Name == N)
      return &M;
  return nullptr;
}

std::vector<const LookupReverse *> LookupModel::inheritedReverses() const {
  std::vector<const LookupReverse *> Out;
  // A proxy already holds its concrete model's reverse relations: the
  // ancestors' lists repeat them.
  for (const LookupModel *M = this; M; M = M->Parent)
    for (const LookupReverse &R : M->Reverses)
      if (llvm::none_of(Out, [&](const LookupReverse *Seen) {
            return Seen->SourceType == R.SourceType && Seen->Member == R.Member;
          }))
        Out.push_back(&R);
  return Out;
}

const LookupModel *LookupModel::childNamed(llvm::StringRef N) const {
  for (const LookupModel *C : Children)
    if (C->Strategy == Inheritance::MultiTable && detail::naming::model_name(C->Name) == N)
      return C;
  return nullptr;
}

std::vector<std::string> LookupModel::childNames() const {
  std::vector<std::string> Out;
  for (const LookupModel *C : Children)
    if (C->Strategy == Inheritance::MultiTable)
      Out.push_back(detail::naming::model_name(C->Name));
  return Out;
}

bool LookupModel::sameHierarchy(const LookupModel &Other) const {
  for (const LookupModel *P = this; P; P = P->Parent)
    if (P == &Other)
      return true;
  for (const LookupModel *P = &Other; P; P = P->Parent)
    if (P == this)
      return true;
  return false;
}

LookupModel &LookupGraph::add(std::unique_ptr<LookupModel> M) {
  LookupModel &Ref = *M;
  ByType[M->TypeName] = M.get();
  if (M->Decl)
    ByDecl[M->Decl] = M.get();
  Models.push_back(std::move(M));
  return Ref;
}

const LookupModel *LookupGraph::find(llvm::StringRef TypeName) const {
  return ByType.lookup(TypeName);
}

const LookupModel *LookupGraph::find(ASTContext &Ctx, const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def;
  if (const LookupModel *M = ByDecl.lookup(RD))
    return M;
  return find(qualifiedTypeName(Ctx, Ctx.getRecordType(RD)));
}

LookupGraph LookupGraph::fromGraph(ASTContext &Ctx, const ModelGraph &G) {
  LookupGraph Out;
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    auto L = std::make_unique<LookupModel>();
    L->Name = M.Name;
    L->TypeName = M.TypeName;
    L->Abstract = M.Abstract;
    L->Proxy = M.Proxy;
    L->Strategy = M.Strategy;
    if (M.Parent)
      L->ParentType = M.Parent->TypeName;
    for (const CXXBaseSpecifier &B : M.Decl->bases())
      if (const Model *BM = G.find(B.getType()->getAsCXXRecordDecl()))
        L->BaseTypes.push_back(BM->TypeName);
    L->Decl = M.Decl;
    for (const Member &Mem : M.Members) {
      LookupMember LM;
      LM.Name = Mem.name().str();
      LM.Field = Mem.Field;
      LM.Column = Mem.Column;
      LM.TypeName = Mem.Field->getType().getAsString(Policy);
      LM.ToField = Mem.ToField;
      const bool KeyAttr =
          Mem.Relation == RelationAttr::ForeignKey || Mem.Relation == RelationAttr::OneToOne;
      switch (Mem.Kind) {
        case Storage::Id:
          LM.Kind = MemberKind::PrimaryKey;
          LM.Value = ValueKind::Integer;
          break;
        case Storage::Uuid:
          LM.Kind = Mem.PrimaryKey ? MemberKind::PrimaryKey : MemberKind::Column;
          LM.Value = ValueKind::Uuid;
          LM.Nullable = optionalValueType(Mem.Field->getType()).has_value();
          break;
        case Storage::Ref:
        case Storage::OptionalRef:
          LM.Kind = !KeyAttr ? MemberKind::Other
                    : Mem.Relation == RelationAttr::OneToOne ? MemberKind::OneToOne
                                                             : MemberKind::ForeignKey;
          LM.Nullable = Mem.Kind == Storage::OptionalRef;
          break;
        case Storage::RefSet:
          LM.Kind = Mem.Relation == RelationAttr::ManyToMany ? MemberKind::ManyToMany
                                                              : MemberKind::Other;
          break;
        case Storage::ReverseSet: LM.Kind = MemberKind::ReverseSet; break;
        case Storage::ReverseOne: LM.Kind = MemberKind::ReverseOne; break;
        case Storage::Prefetched: LM.Kind = MemberKind::Prefetched; break;
        case Storage::GenericRef: LM.Kind = MemberKind::GenericRef; break;
        case Storage::GenericRelation: LM.Kind = MemberKind::GenericRelation; break;
        case Storage::Other:
          LM.Kind = Mem.Relation == RelationAttr::None ? MemberKind::Column : MemberKind::Other;
          LM.Value = storedValueKind(Mem.Field->getType());
          LM.Nullable = optionalValueType(Mem.Field->getType()).has_value();
          break;
      }
      if (Mem.Target)
        LM.TargetType = qualifiedTypeName(Ctx, Mem.TargetType);
      LM.ContentTypeField = Mem.ContentTypeField;
      LM.ObjectIdField = Mem.ObjectIdField;
      for (const GenericTarget &T : Mem.GenericTargets)
        LM.GenericTargetTypes.push_back(qualifiedTypeName(Ctx, T.Type));
      L->Members.push_back(std::move(LM));
    }
    Out.add(std::move(L));
  }
  // A proxy has the rows of its parent, so it has the parent's reverse
  // relations as well as those that target the proxy itself (Django: a
  // proxy's _meta has its concrete model's related objects).
  llvm::DenseMap<const Model *, std::vector<LookupModel *>> SeenBy;
  for (const auto &MP : G.models())
    for (const Model *P = MP.get(); P->Proxy && P->Parent; P = P->Parent)
      SeenBy[P->Parent].push_back(Out.ByType.lookup(MP->TypeName));
  for (const ReverseRelation &R : reverseRelations(G)) {
    LookupModel *Target = Out.ByType.lookup(R.Target->TypeName);
    if (!Target)
      continue;
    LookupReverse LR;
    LR.SourceType = R.Source->TypeName;
    LR.Member = R.Relation->name().str();
    LR.Accessor = R.Accessor;
    LR.QueryName = R.QueryName;
    LR.Single = R.Single;
    LR.ManyToMany = R.ManyToMany;
    for (LookupModel *Proxy : SeenBy.lookup(R.Target))
      Proxy->Reverses.push_back(LR);
    Target->Reverses.push_back(std::move(LR));
  }
  // A GenericRelation<T> with a related_query_name lets queries of T filter
  // through it, from T's rows to the objects they point at (Django's
  // GenericRelation(related_query_name=...)).
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    for (const Member &Mem : M.Members) {
      if (Mem.Kind != Storage::GenericRelation || !Mem.RelatedQueryName || !Mem.TargetModel ||
          M.owner(Mem) != &M)
        continue;
      LookupModel *Target = Out.ByType.lookup(Mem.TargetModel->TypeName);
      if (!Target)
        continue;
      LookupReverse LR;
      LR.SourceType = M.TypeName;
      LR.Member = Mem.name().str();
      LR.QueryName = detail::naming::expand_model_placeholder(*Mem.RelatedQueryName, M.Name);
      LR.Generic = true;
      for (LookupModel *Proxy : SeenBy.lookup(Mem.TargetModel))  // as for relations, above
        Proxy->Reverses.push_back(LR);
      Target->Reverses.push_back(std::move(LR));
    }
  }
  Out.link();
  return Out;
}

void LookupGraph::fill(const LookupGraph &Other) {
  for (const auto &OM : Other.Models) {
    if (ByType.count(OM->TypeName))
      continue;
    auto Copy = std::make_unique<LookupModel>(*OM);
    Copy->Decl = nullptr;
    Copy->Parent = nullptr;
    Copy->Children.clear();
    Copy->Bases.clear();
    for (LookupMember &M : Copy->Members) {
      M.Target = nullptr;
      M.Field = nullptr;
    }
    for (LookupReverse &R : Copy->Reverses) {
      R.Source = nullptr;
      R.Relation = nullptr;
    }
    add(std::move(Copy));
  }
  for (const auto &OM : Other.Models) {
    LookupModel *Target = ByType.lookup(OM->TypeName);
    for (const LookupReverse &R : OM->Reverses) {
      const bool Known = llvm::any_of(Target->Reverses, [&](const LookupReverse &Mine) {
        return Mine.SourceType == R.SourceType && Mine.Member == R.Member;
      });
      if (Known)
        continue;
      LookupReverse Copy = R;
      Copy.Source = nullptr;
      Copy.Relation = nullptr;
      Target->Reverses.push_back(std::move(Copy));
    }
  }
  link();
}

void LookupGraph::link() {
  for (const auto &MP : Models)
    MP->Children.clear();
  for (const auto &MP : Models) {
    LookupModel &M = *MP;
    M.Parent = M.ParentType.empty() ? nullptr : find(M.ParentType);
    if (M.Parent)
      ByType.lookup(M.Parent->TypeName)->Children.push_back(&M);
    M.Bases.clear();
    for (const std::string &B : M.BaseTypes)
      if (const LookupModel *BM = find(B))
        M.Bases.push_back(BM);
    for (LookupMember &Mem : M.Members)
      Mem.Target = Mem.TargetType.empty() ? nullptr : find(Mem.TargetType);
    std::vector<LookupReverse> Linked;
    for (LookupReverse &R : M.Reverses) {
      R.Source = find(R.SourceType);
      R.Relation = R.Source ? R.Source->member(R.Member) : nullptr;
      if (R.Relation)
        Linked.push_back(std::move(R));
    }
    // The runtime's order: by source model name, then declaration order.
    auto Key = [](const LookupReverse &R) {
      const size_t Index = static_cast<size_t>(R.Relation - R.Source->Members.data());
      return std::make_tuple(llvm::StringRef(R.Source->Name), llvm::StringRef(R.SourceType), Index);
    };
    std::sort(Linked.begin(), Linked.end(),
              [&](const LookupReverse &A, const LookupReverse &B) { return Key(A) < Key(B); });
    M.Reverses = std::move(Linked);
  }
  // The registry lists a model's children by name.
  for (const auto &MP : Models)
    std::sort(MP->Children.begin(), MP->Children.end(), [](const LookupModel *A, const LookupModel *B) {
      return std::tie(A->Name, A->TypeName) < std::tie(B->Name, B->TypeName);
    });
}

namespace {

// Whether M derives from A through abstract models only (M's own bases
// included).
bool reachesThroughAbstract(const LookupModel &M, const LookupModel &A, unsigned Depth) {
  if (Depth > 64)
    return false;
  for (const LookupModel *B : M.Bases)
    if (B == &A || (B->Abstract && reachesThroughAbstract(*B, A, Depth + 1)))
      return true;
  return false;
}

}  // namespace

std::vector<const LookupModel *> LookupGraph::concreteModelsOf(const LookupModel &A) const {
  std::vector<const LookupModel *> Out;
  for (const auto &M : Models)
    if (!M->Abstract && reachesThroughAbstract(*M, A, 0))
      Out.push_back(M.get());
  return Out;
}

std::vector<const LookupModel *> LookupGraph::polymorphicModelsOf(const LookupModel &M) const {
  std::vector<const LookupModel *> Out;
  for (const auto &C : Models) {
    if (C->Abstract || C->Proxy || C.get() == &M)
      continue;
    for (const LookupModel *P = C->Parent; P; P = P->Parent)
      if (P == &M) {
        Out.push_back(C.get());
        break;
      }
  }
  return Out;
}

}  // namespace covet

#include "checks/LookupValueCheck.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace covet {

namespace {

// What one value is, as far as its type tells.
struct Scalar {
  enum What { Unknown, Null, Kind, Model } W = Unknown;
  ValueKind K = ValueKind::Other;
  const LookupModel *M = nullptr;  // Model: an object or a covet::Ref of it
};

// The right-hand side of a lookup: one value, a list (a container, a braced
// list) or a pair, as covet::detail::filter_value() sees it.
struct Shape {
  enum Form { Single, List, Pair } F = Single;
  Scalar First, Second;  // Single: the value; List: its elements; Pair: both
  QualType FirstType, SecondType;
  int Count = -1;  // a braced list's length
};

const ClassTemplateSpecializationDecl *specialization(QualType T) {
  return dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
}

bool isStd(const ClassTemplateSpecializationDecl *Spec, llvm::StringRef Name) {
  return Spec && isStdEntity(Spec->getSpecializedTemplate(), Name);
}

std::optional<QualType> typeArg(const ClassTemplateSpecializationDecl *Spec, unsigned I) {
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() <= I || Args[I].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Args[I].getAsType();
}

// Argument I of T as written when T is spelled as a template specialization
// (std::vector<std::string> keeps 'std::string'), else the specialization's.
std::optional<QualType> typeArgAsWritten(QualType T, const ClassTemplateSpecializationDecl *Spec,
                                         unsigned I) {
  if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    llvm::ArrayRef<TemplateArgument> Args = TST->template_arguments();
    if (Args.size() > I && Args[I].getKind() == TemplateArgument::Type)
      return Args[I].getAsType();
  }
  return typeArg(Spec, I);
}

class Classifier {
 public:
  Classifier(ASTContext &Ctx, const LookupGraph &G) : Ctx(Ctx), G(G) {}

  Scalar scalar(QualType T) const {
    Scalar S;
    T = T.getNonReferenceType();
    const QualType C = T.getCanonicalType();
    if (C->isNullPtrType())
      return {Scalar::Null};
    const CXXRecordDecl *RD = C->getAsCXXRecordDecl();
    if (RD && isStdEntity(RD, "nullopt_t"))
      return {Scalar::Null};
    if (auto Inner = optionalValueType(C))
      return scalar(*Inner);
    const ClassTemplateSpecializationDecl *Spec = specialization(C);
    if (Spec && isCovetEntity(Spec->getSpecializedTemplate(), "Ref")) {
      if (auto Arg = typeArg(Spec, 0))
        if (const LookupModel *M = G.find(Ctx, (*Arg)->getAsCXXRecordDecl()))
          return {Scalar::Model, ValueKind::Other, M};
      return S;
    }
    if (const ArrayType *AT = C->getAsArrayTypeUnsafe())
      return AT->getElementType()->isAnyCharacterType() ? Scalar{Scalar::Kind, ValueKind::Text}
                                                        : S;
    if (const auto *PT = C->getAs<PointerType>())
      return PT->getPointeeType()->isAnyCharacterType() ? Scalar{Scalar::Kind, ValueKind::Text}
                                                        : S;
    if (isStd(Spec, "basic_string_view"))
      return {Scalar::Kind, ValueKind::Text};
    // A content type stands for its id (ContentType::key()).
    if (RD && isCovetEntity(RD, "ContentType"))
      return {Scalar::Kind, ValueKind::ContentType};
    if (ValueKind K = storedValueKind(C); K != ValueKind::Other)
      return {Scalar::Kind, K};
    if (RD)
      if (const LookupModel *M = G.find(Ctx, RD))
        return {Scalar::Model, ValueKind::Other, M};
    return S;
  }

  Shape shape(const Expr *E) const {
    Shape Out;
    const QualType T = E->getType().getNonReferenceType();
    const QualType C = T.getCanonicalType();
    const ClassTemplateSpecializationDecl *Spec = specialization(C);
    auto List = [&](QualType Elem) {
      Out.F = Shape::List;
      Out.First = scalar(Elem);
      Out.FirstType = Elem;
      return Out;
    };
    if ((isStd(Spec, "pair") || isStd(Spec, "tuple")) && Spec->getTemplateArgs().size() >= 1) {
      // std::tuple's arguments are one pack.
      llvm::ArrayRef<TemplateArgument> Args = Spec->getTemplateArgs().asArray();
      if (isStd(Spec, "tuple") && Args.size() == 1 && Args[0].getKind() == TemplateArgument::Pack)
        Args = Args[0].getPackAsArray();
      if (Args.size() == 2 && Args[0].getKind() == TemplateArgument::Type &&
          Args[1].getKind() == TemplateArgument::Type) {
        Out.F = Shape::Pair;
        Out.FirstType = Args[0].getAsType();
        Out.SecondType = Args[1].getAsType();
        Out.First = scalar(Out.FirstType);
        Out.Second = scalar(Out.SecondType);
        return Out;
      }
      return Out;  // a pair-like of another arity: left to the run time
    }
    if (isStd(Spec, "initializer_list")) {
      if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(E->IgnoreImplicit()))
        if (const auto *Init = dyn_cast<InitListExpr>(IL->getSubExpr()->IgnoreImplicit()))
          Out.Count = static_cast<int>(Init->getNumInits());
      if (auto Elem = typeArgAsWritten(T, Spec, 0))
        return List(*Elem);
      return Out;
    }
    static const llvm::StringRef Containers[] = {"vector", "array", "set", "multiset",
                                                 "unordered_set", "list", "deque", "span"};
    if (Spec && storedValueKind(C) != ValueKind::Blob)
      for (llvm::StringRef Name : Containers)
        if (isStd(Spec, Name)) {
          if (auto Elem = typeArgAsWritten(T, Spec, 0))
            return List(*Elem);
          return Out;
        }
    if (const ArrayType *AT = C->getAsArrayTypeUnsafe(); AT && !AT->getElementType()->isAnyCharacterType())
      return List(AT->getElementType());
    Out.First = scalar(T);
    Out.FirstType = T;
    return Out;
  }

 private:
  ASTContext &Ctx;
  const LookupGraph &G;
};

// Whether a column of kind Column can be compared with a value of kind Value
// (the value converts as Django's get_prep_value would, or is of that kind).
bool fits(ValueKind Column, ValueKind Value) {
  switch (Column) {
    case ValueKind::Integer:
    case ValueKind::Real:
    case ValueKind::Bool:
      return Value != ValueKind::Text && Value != ValueKind::Blob && Value != ValueKind::Timestamp &&
             Value != ValueKind::Date && Value != ValueKind::Uuid && Value != ValueKind::ContentType;
    case ValueKind::Text:
      // An enum may be stored by name (covet::enum_text): its value is text.
      return Value == ValueKind::Text || Value == ValueKind::Enum;
    case ValueKind::Decimal:
      return Value == ValueKind::Decimal || Value == ValueKind::Integer;
    case ValueKind::Uuid:
      return Value == ValueKind::Uuid;
    case ValueKind::ContentType:  // a ContentTypeId column: a ContentType, its id, or an integer
      return Value == ValueKind::ContentType || Value == ValueKind::Integer;
    case ValueKind::Blob:
      return Value == ValueKind::Blob;
    case ValueKind::Timestamp:
    case ValueKind::Date:
      return Value == ValueKind::Timestamp || Value == ValueKind::Date || Value == ValueKind::Text;
    case ValueKind::Enum:
    case ValueKind::Other:
      break;
  }
  return true;
}

bool isPatternLookup(llvm::StringRef L) {
  return L == "iexact" || L == "contains" || L == "icontains" || L == "startswith" ||
         L == "istartswith" || L == "endswith" || L == "iendswith";
}

// The type to name in a message: what was written, without the const of a
// `const T&` (a literal keeps its 'const char[N]').
QualType shown(QualType T) {
  T = T.getNonReferenceType();
  return T->isArrayType() ? T : T.getUnqualifiedType();
}

class ValueChecker {
 public:
  ValueChecker(const LookupGraph &G, CheckContext &Ctx, const LookupTarget &T, const Expr *Value)
      : Ctx(Ctx), T(T), Value(Value), C(Ctx.context(), G) {}

  bool run() {
    if (!T.Column && !T.Relation)
      return false;
    const Shape S = C.shape(Value);
    const llvm::StringRef L = T.Lookup;
    const QualType Whole = shown(Value->getType());
    const bool Known = S.F != Shape::Single || S.First.W != Scalar::Unknown;
    if (L == "in") {
      if (S.F == Shape::List)
        return scalar(S.First, S.FirstType, /*Elements=*/true);
      return Known && shapeError("a list (a container or a braced list)", Whole);
    }
    if (L == "range") {
      if (S.F == Shape::Pair)
        return scalar(S.First, S.FirstType, false) || scalar(S.Second, S.SecondType, false);
      if (S.F == Shape::List) {
        if (S.Count >= 0 && S.Count != 2)
          return shapeError("two values (a std::pair or a braced list of two)", Whole);
        return scalar(S.First, S.FirstType, true);
      }
      return Known && shapeError("two values (a std::pair or a braced list of two)", Whole);
    }
    if (S.F != Shape::Single)
      return shapeError("a single value (lists go with 'in' and 'range')", Whole);
    if (L == "isnull")
      return S.First.W != Scalar::Unknown &&
             !(S.First.W == Scalar::Kind && S.First.K == ValueKind::Bool) &&
             shapeError("true or false", Whole);
    if (S.First.W == Scalar::Null) {
      if (L == "exact" || L == "iexact")
        return false;
      Ctx.report(Value->getBeginLoc(), Diag::LookupValueNull) << L << label() << Value->getSourceRange();
      return true;
    }
    if (isPatternLookup(L))
      return false;  // Django compares these as text, whatever the value
    return scalar(S.First, S.FirstType, false);
  }

 private:
  std::string label() const {
    if (T.Relation)
      return T.RelationLabel;
    return T.ColumnModel->Name + "::" + T.Column->Name;
  }

  bool shapeError(llvm::StringRef Takes, QualType Type) {
    Ctx.report(Value->getBeginLoc(), Diag::LookupValueShape)
        << T.Lookup << label() << Takes << Type << Value->getSourceRange();
    return true;
  }

  // Reports a value (or the elements of a list) of type Type that does not
  // fit; true when it reported.
  bool scalar(const Scalar &S, QualType Type, bool Elements) {
    if (S.W == Scalar::Unknown || S.W == Scalar::Null)
      return false;
    if (T.Relation) {
      const bool Fits = S.W == Scalar::Model ? T.Relation->sameHierarchy(*S.M)
                                             : !T.Column || fits(T.Column->Value, S.K);
      if (Fits)
        return false;
      Ctx.report(Value->getBeginLoc(), Diag::LookupValueRelation)
          << T.RelationLabel << T.Relation->Name << unsigned(Elements) << shown(Type)
          << Value->getSourceRange();
      if (T.Column)
        Ctx.report(Value->getBeginLoc(), Diag::LookupValueRelationTakes)
            << T.Relation->Name << (T.ColumnModel->Name + "::" + T.Column->Name)
            << T.Column->TypeName;
      if (T.RelationField)
        Ctx.report(T.RelationField->getLocation(), Diag::RelationDeclaredHere)
            << T.RelationFieldLabel;
      return true;
    }
    const bool Fits = S.W == Scalar::Model
                          ? T.Column->Kind == MemberKind::PrimaryKey &&
                                T.ColumnModel->sameHierarchy(*S.M)
                          : fits(T.Column->Value, S.K);
    if (Fits)
      return false;
    Ctx.report(Value->getBeginLoc(), Diag::LookupValueType)
        << label() << T.Column->TypeName << unsigned(Elements) << shown(Type)
        << Value->getSourceRange();
    if (T.Column->Field)
      Ctx.report(T.Column->Field->getLocation(), Diag::RelationDeclaredHere) << label();
    return true;
  }

  CheckContext &Ctx;
  const LookupTarget &T;
  const Expr *Value;
  Classifier C;
};

}  // namespace

bool checkLookupValue(const LookupGraph &Graph, CheckContext &Ctx, const LookupTarget &Target,
                      const Expr *Value) {
  return ValueChecker(Graph, Ctx, Target, Value).run();
}

}  // namespace covet

#include "checks/LookupStringCheck.h"

#include "Names.h"
#include "checks/LookupValueCheck.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>

using namespace clang;

namespace covet {

namespace {

// The runtime's lookups (runtime/query/lookups.cpp), in its order.
const llvm::StringRef Lookups[] = {"exact",      "iexact",      "gt",        "gte",
                                   "lt",         "lte",         "in",        "contains",
                                   "icontains",  "startswith",  "istartswith", "endswith",
                                   "iendswith",  "isnull",      "range"};

bool isLookup(llvm::StringRef S) { return llvm::is_contained(Lookups, S); }

std::string lookupList() {
  std::string Out;
  for (llvm::StringRef L : Lookups)
    Out += (Out.empty() ? "" : ", ") + L.str();
  return Out;
}

enum class CallKind { Filter, OrderBy, SelectRelated, PrefetchRelated, LoadFields };

const char *callName(CallKind K) {
  switch (K) {
    case CallKind::SelectRelated: return "select_related";
    case CallKind::PrefetchRelated: return "prefetch_related";
    default: return "lookups";
  }
}

// One segment of a path, with its byte offset in the literal.
struct Segment {
  llvm::StringRef Text;
  unsigned Offset = 0;
};

std::vector<Segment> split(llvm::StringRef Text, unsigned Base) {
  std::vector<Segment> Out;
  size_t Start = 0;
  while (true) {
    size_t Pos = Text.find("__", Start);
    if (Pos == llvm::StringRef::npos) {
      Out.push_back({Text.substr(Start), static_cast<unsigned>(Base + Start)});
      return Out;
    }
    Out.push_back({Text.substr(Start, Pos - Start), static_cast<unsigned>(Base + Start)});
    Start = Pos + 2;
  }
}

// A relation's target when lookups can follow it: a known, concrete model.
// Otherwise the path is left alone (the relation-target check, or the model
// headers' run, reports the relation itself).
const LookupModel *followable(const LookupModel *Target) {
  return Target && !Target->Abstract ? Target : nullptr;
}

// What a segment names on a model (runtime: lookup_path.cpp, find()).
struct Named {
  const LookupMember *M = nullptr;
  bool Attname = false;
  const LookupReverse *Reverse = nullptr;
  const LookupModel *Child = nullptr;  // a multi-table child, by its lower-case name
  explicit operator bool() const { return M || Reverse || Child; }
};

// Reverse relations go by their query name in lookups and select_related,
// by their accessor in prefetch_related (and on objects).
enum class ReverseName { Query, Accessor };

llvm::StringRef reverseName(const LookupReverse &R, ReverseName N) {
  return N == ReverseName::Query ? llvm::StringRef(R.QueryName) : llvm::StringRef(R.Accessor);
}

// What a name reaches beyond the model's own members and reverse relations:
// lookups (filter, order_by) reach the ancestors' reverse relations and the
// multi-table children; prefetch_related the ancestors' reverse relations
// (runtime: relation_step.cpp resolve_step); select_related neither
// (select_related.cpp reverse_one_named).
enum class Reach { Lookup, Prefetch, Own };

Named find(const LookupModel &M, llvm::StringRef Name, ReverseName By = ReverseName::Query,
           Reach Scope = Reach::Lookup) {
  Named Out;
  if (Name == "pk") {
    Out.M = M.primaryKey();
    return Out;
  }
  for (const LookupMember &Mem : M.Members)
    if (!Mem.isReverseMember() && Mem.Name == Name) {
      Out.M = &Mem;
      return Out;
    }
  for (const LookupMember &Mem : M.Members)
    if (Mem.isKeyRelation() && Name.size() == Mem.Name.size() + 3 && Name.starts_with(Mem.Name) &&
        Name.ends_with("_id")) {
      Out.M = &Mem;
      Out.Attname = true;
      return Out;
    }
  if (Scope == Reach::Own) {
    for (const LookupReverse &R : M.Reverses)
      if (reverseName(R, By) == Name) {
        Out.Reverse = &R;
        return Out;
      }
    return Out;
  }
  for (const LookupReverse *R : M.inheritedReverses())
    if (reverseName(*R, By) == Name) {
      Out.Reverse = R;
      return Out;
    }
  if (Scope == Reach::Lookup)
    Out.Child = M.childNamed(Name);
  return Out;
}

// The names a segment may take on M, as the runtime lists them.
std::vector<std::string> choices(const LookupModel &M) {
  std::vector<std::string> Out;
  for (const LookupMember &Mem : M.Members)
    if (!Mem.isReverseMember() && Mem.Kind != MemberKind::GenericRef)
      Out.push_back(Mem.Name);
  for (const LookupReverse *R : M.inheritedReverses())
    Out.push_back(R->QueryName);
  for (std::string &C : M.childNames())
    Out.push_back(std::move(C));
  return Out;
}

// The member a key relation refers to: to_field or the primary key.
const LookupMember *referenced(const LookupMember &Rel) {
  const LookupModel *T = Rel.Target;
  if (!T)
    return nullptr;
  if (Rel.ToField)
    if (const LookupMember *M = T->member(*Rel.ToField))
      return M;
  return T->primaryKey();
}

// The problem found in a path, if any.
struct Problem {
  enum Kind { None, UnknownField, UnsupportedLookup, OrderLookup, OrderToMany,
              NotRelation, NotColumn, CrossesRelation, ThroughGenericRef } K = None;
  size_t Index = 0;                 // the segment at fault
  const LookupModel *In = nullptr;  // the model it was looked up in
  std::string Label;                // "Author::name" for lookups, the to-many step for OrderToMany
  bool LookupsToo = false;          // UnknownField: a lookup name would also fit here
  std::string What;                 // NotColumn: "a reverse relation" / "a many-to-many relation"
  const LookupMember *Generic = nullptr;  // ThroughGenericRef: the GenericRef named
};

struct Path {
  bool ToMany = false;
  std::string ToManyStep;
  LookupTarget Target;  // where it ends, for the value check
};

std::string labelOf(const LookupModel &M, llvm::StringRef Member) {
  return M.Name + "::" + Member.str();
}

// Mirrors resolve() of runtime/query/lookup_path.cpp.
Problem resolve(const LookupModel &Root, const std::vector<Segment> &Segs, Path &Out) {
  const LookupModel *M = &Root;
  LookupTarget &T = Out.Target;
  auto Finish = [&](size_t Next, const std::string &Label) {
    Problem P;
    if (Next == Segs.size())
      return P;
    if (Next + 1 == Segs.size() && isLookup(Segs[Next].Text)) {
      T.Lookup = Segs[Next].Text.str();
      return P;
    }
    P.K = Problem::UnsupportedLookup;
    P.Index = Next;
    P.Label = Label;
    return P;
  };
  auto Unknown = [&](size_t I, const LookupModel *In, bool LookupsToo) {
    Problem P;
    P.K = Problem::UnknownField;
    P.Index = I;
    P.In = In;
    P.LookupsToo = LookupsToo;
    return P;
  };
  // The path ends on the related objects themselves (compared by key).
  auto EndsOnRelated = [&](const LookupModel &From, llvm::StringRef Name, const LookupModel &To,
                           const LookupModel &Declaring, const LookupMember &Relation) {
    T.Column = To.primaryKey();
    T.ColumnModel = &To;
    T.Relation = &To;
    T.RelationLabel = labelOf(From, Name);
    T.RelationField = Relation.Field;
    T.RelationFieldLabel = labelOf(Declaring, Relation.Name);
  };
  for (size_t I = 0; I < Segs.size(); ++I) {
    llvm::StringRef Seg = Segs[I].Text;
    Named N = find(*M, Seg);
    // A many-to-many, forward or by its reverse query name: a to-many step.
    // A GenericRelation is one too: T's rows pointing at this one.
    const LookupModel *Many = nullptr;
    const bool ManyMember =
        N.M && (N.M->Kind == MemberKind::ManyToMany || N.M->Kind == MemberKind::GenericRelation);
    if (ManyMember)
      Many = followable(N.M->Target);
    else if (N.Reverse && N.Reverse->ManyToMany)
      Many = N.Reverse->Source;
    if (ManyMember && !Many)
      return Problem();  // a malformed relation or an unknown target: reported elsewhere
    // A GenericRef has no column and no one target to join: Django's
    // FieldError ("does not generate an automatic reverse relation").
    if (N.M && N.M->Kind == MemberKind::GenericRef) {
      Problem P;
      P.K = Problem::ThroughGenericRef;
      P.Index = I;
      P.In = M;
      P.Generic = N.M;
      return P;
    }
    const auto Last = [&](const LookupModel &Next) {
      return I + 1 == Segs.size() || (I + 2 == Segs.size() && isLookup(Segs[I + 1].Text) &&
                                      !find(Next, Segs[I + 1].Text));
    };
    if (Many) {
      const LookupModel *From = M;
      Out.ToMany = true;
      if (Out.ToManyStep.empty())
        Out.ToManyStep = Seg.str();
      M = Many;
      if (Last(*M)) {
        if (N.M)
          EndsOnRelated(*From, Seg, *M, *From, *N.M);
        else
          EndsOnRelated(*From, Seg, *M, *N.Reverse->Source, *N.Reverse->Relation);
        const LookupMember *PK = M->primaryKey();
        return Finish(I + 1, labelOf(*M, PK ? llvm::StringRef(PK->Name) : "id"));
      }
      continue;
    }
    if (N.M && (!N.M->isKeyRelation() || N.Attname)) {
      if (N.Attname) {
        if (const LookupModel *Target = followable(N.M->Target)) {
          T.Column = referenced(*N.M);
          T.ColumnModel = Target;
          T.Relation = Target;
          T.RelationLabel = labelOf(*M, N.M->Name);
          T.RelationField = N.M->Field;
          T.RelationFieldLabel = T.RelationLabel;
        }
      } else if (N.M->Kind == MemberKind::PrimaryKey || N.M->Kind == MemberKind::Column) {
        T.Column = N.M;
        T.ColumnModel = M;
      }
      return Finish(I + 1, labelOf(*M, Seg));
    }
    if (N.M) {
      const LookupMember &Rel = *N.M;
      const LookupModel *Target = followable(Rel.Target);
      if (!Target)
        return Problem();
      const std::string Label = labelOf(*M, Rel.Name);
      const LookupMember *Ref = referenced(Rel);
      T.Column = Ref;
      T.ColumnModel = Target;
      T.Relation = Target;
      T.RelationLabel = Label;
      T.RelationField = Rel.Field;
      T.RelationFieldLabel = Label;
      if (I + 1 == Segs.size())
        return Problem();
      llvm::StringRef Next = Segs[I + 1].Text;
      if (Ref && (Next == Ref->Name || (Next == "pk" && Ref == Target->primaryKey())))
        return Finish(I + 2, Label);
      if (!find(*Target, Next)) {
        if (I + 2 == Segs.size() && isLookup(Next)) {
          T.Lookup = Next.str();
          return Problem();
        }
        return Unknown(I + 1, Target, I + 2 == Segs.size());
      }
      T = LookupTarget();
      M = Target;
      continue;
    }
    if (N.Child) {
      // A parent's step into its child's row: one row or none.
      const LookupModel *From = M;
      M = N.Child;
      if (Last(*M)) {
        T.Column = M->primaryKey();
        T.ColumnModel = M;
        T.Relation = M;
        T.RelationLabel = labelOf(*From, Seg);
        T.RelationField = nullptr;
        T.RelationFieldLabel = T.RelationLabel;
        const LookupMember *PK = M->primaryKey();
        return Finish(I + 1, labelOf(*M, PK ? llvm::StringRef(PK->Name) : "id"));
      }
      continue;
    }
    if (N.Reverse) {
      const LookupReverse &R = *N.Reverse;
      const LookupModel *From = M;
      if (!R.Single && !R.Generic) {  // a generic row points at one object
        Out.ToMany = true;
        if (Out.ToManyStep.empty())
          Out.ToManyStep = R.QueryName;
      }
      M = R.Source;
      if (Last(*M)) {
        EndsOnRelated(*From, R.QueryName, *M, *R.Source, *R.Relation);
        const LookupMember *PK = M->primaryKey();
        return Finish(I + 1, labelOf(*M, PK ? llvm::StringRef(PK->Name) : "id"));
      }
      continue;
    }
    return Unknown(I, M, false);
  }
  return Problem();
}

// select_related / prefetch_related: a chain of relations.
Problem resolveRelated(const LookupModel &Root, const std::vector<Segment> &Segs, bool Prefetch) {
  const LookupModel *M = &Root;
  const ReverseName By = Prefetch ? ReverseName::Accessor : ReverseName::Query;
  for (size_t I = 0; I < Segs.size(); ++I) {
    Problem P;
    P.Index = I;
    P.In = M;
    Named N = find(*M, Segs[I].Text, By, Prefetch ? Reach::Prefetch : Reach::Own);
    if (N.M && !N.Attname &&
        (N.M->isKeyRelation() ||
         (Prefetch && (N.M->Kind == MemberKind::ManyToMany || N.M->Kind == MemberKind::GenericRelation)))) {
      M = followable(N.M->Target);
      if (!M)
        return Problem();
      continue;
    }
    // prefetch_related("content_object"): its objects' models are known
    // only per row, so what follows it is the runtime's to check.
    if (Prefetch && N.M && N.M->Kind == MemberKind::GenericRef)
      return Problem();
    if (N.Reverse && (Prefetch || N.Reverse->Single)) {
      M = N.Reverse->Source;
      continue;
    }
    // select_related of a reverse foreign key or many-to-many, by either name.
    const bool ToManyReverse = !Prefetch && llvm::any_of(M->Reverses, [&](const LookupReverse &R) {
      return !R.Single && (R.QueryName == Segs[I].Text || R.Accessor == Segs[I].Text);
    });
    P.K = N || ToManyReverse ? Problem::NotRelation : Problem::UnknownField;
    return P;
  }
  return Problem();
}

// only / defer: a column of the model itself (runtime: deferred_fields.cpp).
Problem resolveLoadField(const LookupModel &Root, llvm::StringRef Text,
                         const std::vector<Segment> &Segs) {
  Problem P;
  P.In = &Root;
  auto ReverseNamed = [&](llvm::StringRef Name) {
    return llvm::any_of(Root.Reverses, [&](const LookupReverse &R) {
      return R.Accessor == Name || R.QueryName == Name;
    });
  };
  if (Text == "pk")
    return P;
  if (Segs.size() > 1) {
    const LookupMember *Head = Root.member(Segs[0].Text);
    if ((Head && Head->Column.empty()) || (Head && Head->isRelation()) || ReverseNamed(Segs[0].Text)) {
      P.K = Problem::CrossesRelation;
      P.Label = Segs[0].Text.str();
      return P;
    }
    P.K = Problem::UnknownField;
    P.Index = Head ? 1 : 0;
    return P;
  }
  if (const LookupMember *M = Root.member(Text)) {
    if (!M->Column.empty())
      return P;
    if (M->Kind == MemberKind::Other)
      return P;  // malformed: the shape checks report it
    P.K = Problem::NotColumn;
    P.What = M->isReverseMember()                         ? "a reverse relation"
             : M->Kind == MemberKind::GenericRef          ? "a generic reference"
             : M->Kind == MemberKind::GenericRelation     ? "a generic relation"
                                                          : "a many-to-many relation";
    return P;
  }
  if (find(Root, Text).Attname)
    return P;
  if (ReverseNamed(Text)) {
    P.K = Problem::NotColumn;
    P.What = "a reverse relation";
    return P;
  }
  P.K = Problem::UnknownField;
  return P;
}

// The names of M that select_related / prefetch_related can follow.
std::vector<std::string> relationNames(const LookupModel &M, bool Prefetch) {
  std::vector<std::string> Out;
  for (const LookupMember &Mem : M.Members)
    if (Mem.isKeyRelation() ||
        (Prefetch && (Mem.Kind == MemberKind::ManyToMany || Mem.Kind == MemberKind::GenericRef ||
                      Mem.Kind == MemberKind::GenericRelation)))
      Out.push_back(Mem.Name);
  if (Prefetch) {
    for (const LookupReverse *R : M.inheritedReverses())
      if (!R->Generic)  // a lookup name only
        Out.push_back(R->Accessor);
  } else {
    for (const LookupReverse &R : M.Reverses)
      if (R.Single)
        Out.push_back(R.QueryName);
  }
  return Out;
}

std::vector<std::string> columnNames(const LookupModel &M) {
  std::vector<std::string> Out;
  for (const LookupMember &Mem : M.Members)
    if (!Mem.Column.empty())
      Out.push_back(Mem.Name);
  return Out;
}

// The closest candidate to S, if close enough to be a typo.
std::optional<std::string> closest(llvm::StringRef S, const std::vector<std::string> &Candidates) {
  unsigned Best = ~0u;
  std::optional<std::string> Out;
  const unsigned Limit = std::max<unsigned>(1, (S.size() + 2) / 3);
  for (const std::string &C : Candidates) {
    if (C.empty() || C == S)
      continue;
    unsigned D = S.edit_distance(C, /*AllowReplacements=*/true, Limit + 1);
    if (D <= Limit && D < Best) {
      Best = D;
      Out = C;
    }
  }
  return Out;
}

std::string join(const std::vector<std::string> &Names) {
  std::string Out;
  for (const std::string &N : Names)
    Out += (Out.empty() ? "" : ", ") + N;
  return Out.empty() ? std::string("(none)") : Out;
}

// A reverse relation of M that S names in the other spelling than call K
// takes (the accessor in a lookup, the query name in prefetch_related), and
// the spelling K takes.
struct OtherSpelling {
  const LookupReverse *Reverse = nullptr;
  bool IsAccessor = false;  // S is the accessor
  std::string Right;
};
OtherSpelling otherSpelling(const LookupModel &M, llvm::StringRef S, CallKind K) {
  OtherSpelling Out;
  std::vector<const LookupReverse *> Reverses;
  if (K == CallKind::SelectRelated)
    for (const LookupReverse &R : M.Reverses)
      Reverses.push_back(&R);
  else
    Reverses = M.inheritedReverses();
  for (const LookupReverse *RP : Reverses) {
    const LookupReverse &R = *RP;
    if (R.Accessor == R.QueryName || R.Generic)
      continue;
    if (K == CallKind::PrefetchRelated && R.QueryName == S) {
      Out = {&R, false, R.Accessor};
      return Out;
    }
    if ((K == CallKind::Filter || K == CallKind::OrderBy ||
         (K == CallKind::SelectRelated && R.Single)) &&
        R.Accessor == S) {
      Out = {&R, true, R.QueryName};
      return Out;
    }
  }
  return Out;
}

// A lookup on a single-table model names only its own fields and its
// ancestors': when the topmost single-table subclass on a branch has Name,
// the runtime's FieldError says so (runtime/inheritance/subclass_fields.cpp),
// and so does the note: the subclasses quoted ("'Car' and 'Truck'") and the
// queries that have the field.
struct SubclassHint {
  std::string Models, Queries;
};
std::optional<SubclassHint> subclassHint(const LookupModel &M, llvm::StringRef Name) {
  std::vector<const LookupModel *> Found;
  std::vector<const LookupModel *> Pending(M.Children.begin(), M.Children.end());
  for (size_t I = 0; I < Pending.size(); ++I) {
    const LookupModel *Child = Pending[I];
    if (Child->Strategy != Inheritance::SingleTable)
      continue;  // proxies add no field
    if (find(*Child, Name)) {
      Found.push_back(Child);  // its subclasses inherit it: name the topmost
      continue;
    }
    Pending.insert(Pending.end(), Child->Children.begin(), Child->Children.end());
  }
  if (Found.empty())
    return std::nullopt;
  SubclassHint H;
  for (size_t I = 0; I < Found.size(); ++I) {
    const bool Final = I + 1 == Found.size();
    H.Models += (I == 0 ? "" : Final ? " and " : ", ") + ("'" + Found[I]->Name + "'");
    H.Queries += (I == 0 ? "" : Final ? " or " : ", ") + ("'db.objects<" + Found[I]->Name + ">()'");
  }
  return H;
}

// Strips what lies between an expression and what was written.
const Expr *stripped(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ConstantExpr>(E))
      E = C->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *EC = dyn_cast<ExprWithCleanups>(E))
      E = EC->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else
      break;
  }
  return E;
}

// The string literal an argument is, through a std::string_view /
// std::string parameter.
const StringLiteral *literalArg(const Expr *E) {
  while ((E = stripped(E))) {
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE)
      break;
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || CE->getNumArgs() < 1 ||
        !(isStdEntity(Spec->getSpecializedTemplate(), "basic_string_view") ||
          isStdEntity(Spec->getSpecializedTemplate(), "basic_string")))
      return nullptr;
    E = CE->getArg(0);
  }
  const auto *SL = dyn_cast_or_null<StringLiteral>(E);
  return SL && (SL->isOrdinary() || SL->isUTF8()) ? SL : nullptr;
}

// The lookup literal of covet::Prefetch("books", ...) given to prefetch_related.
const StringLiteral *prefetchLiteral(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(stripped(E));
  if (!CE || !isCovetEntity(CE->getConstructor()->getParent(), "Prefetch") || CE->getNumArgs() < 1)
    return nullptr;
  return literalArg(CE->getArg(0));
}

bool isQ(const CXXRecordDecl *RD) { return isCovetEntity(RD, "Q"); }

class LookupVisitor : public RecursiveASTVisitor<LookupVisitor> {
 public:
  LookupVisitor(const LookupGraph &G, CheckContext &Ctx) : G(G), Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return true;
    llvm::StringRef Name = MD->getName();
    CallKind K;
    if (Name == "filter" || Name == "exclude" || Name == "get")
      K = CallKind::Filter;
    else if (Name == "order_by")
      K = CallKind::OrderBy;
    else if (Name == "select_related")
      K = CallKind::SelectRelated;
    else if (Name == "prefetch_related")
      K = CallKind::PrefetchRelated;
    else if (Name == "only" || Name == "defer")
      K = CallKind::LoadFields;
    else
      return true;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent());
    if (!Spec)
      return true;
    const NamedDecl *Tmpl = Spec->getSpecializedTemplate();
    // The managers' read methods live in covet::detail::ManagerQueries<
    // Manager, T>, whose model is its second argument; the rest take it first.
    unsigned ModelArg = 0;
    if (Tmpl->getQualifiedNameAsString() == "covet::detail::ManagerQueries")
      ModelArg = 1;
    else if (!isCovetEntity(Tmpl, "QuerySet") && !isCovetEntity(Tmpl, "RelatedManager") &&
             !isCovetEntity(Tmpl, "ReverseSet") && !isCovetEntity(Tmpl, "RefSet") &&
             !isCovetEntity(Tmpl, "ManyRelatedManager"))
      return true;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() <= ModelArg || Args[ModelArg].getKind() != TemplateArgument::Type)
      return true;
    const LookupModel *M = G.find(Ctx.context(), Args[ModelArg].getAsType()->getAsCXXRecordDecl());
    if (!M)
      return true;
    const SourceManager &SM = Ctx.context().getSourceManager();
    if (SM.isInSystemHeader(Call->getExprLoc()))
      return true;
    LoadCall = Name.str();

    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (isa<CXXDefaultArgExpr>(Arg))
        continue;
      if (K == CallKind::Filter) {
        if (I == 0 && MD->getNumParams() >= 1 &&
            !isQ(MD->getParamDecl(0)->getType().getNonReferenceType()->getAsCXXRecordDecl()))
          if (const StringLiteral *SL = literalArg(Arg)) {
            Path P;
            if (check(*M, SL, K, &P) && Call->getNumArgs() >= 2 &&
                !isa<CXXDefaultArgExpr>(Call->getArg(1)))
              checkValue(P.Target, Call->getArg(1));
          }
        walkQ(*M, Arg);
      } else if (const StringLiteral *SL = literalArg(Arg)) {
        check(*M, SL, K, nullptr);
      } else if (K == CallKind::PrefetchRelated) {
        if (const StringLiteral *PL = prefetchLiteral(Arg))
          check(*M, PL, K, nullptr);
      }
    }
    return true;
  }

  bool checkOrderField(const LookupModel &Root, const Expr *Field) {
    const StringLiteral *SL = literalArg(Field);
    return !SL || check(Root, SL, CallKind::OrderBy, nullptr);
  }

 private:
  // The Q conditions built inside a call's argument: Q("a", 1), Q(...) | Q(...), ~Q(...).
  void walkQ(const LookupModel &M, const Expr *E) {
    E = stripped(E);
    if (!E)
      return;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (!isQ(CE->getConstructor()->getParent()))
        return;
      if (CE->getNumArgs() >= 2) {
        Path P;
        if (const StringLiteral *SL = literalArg(CE->getArg(0)))
          if (check(M, SL, CallKind::Filter, &P))
            checkValue(P.Target, CE->getArg(1));
      } else if (CE->getNumArgs() == 1) {
        walkQ(M, CE->getArg(0));  // a copy or move of a Q
      }
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const auto *FD = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
      if (!FD || !FD->isOverloadedOperator() || !isQ(FD->getReturnType()->getAsCXXRecordDecl()))
        return;
      const OverloadedOperatorKind Op = FD->getOverloadedOperator();
      if (Op != OO_Amp && Op != OO_Pipe && Op != OO_Tilde)
        return;
      for (const Expr *A : Call->arguments())
        walkQ(M, A);
    }
  }

  void checkValue(const LookupTarget &T, const Expr *Value) {
    const unsigned Key = Value->getBeginLoc().getRawEncoding();
    if (ValuesReported.count(Key))
      return;
    if (checkLookupValue(G, Ctx, T, Value))
      ValuesReported.insert(Key);
  }

  // Where byte Offset of the literal is, and the range of Length bytes from
  // there when the literal is written plainly (no escapes, not concatenated).
  SourceLocation at(const StringLiteral *SL, unsigned Offset, unsigned Length,
                    CharSourceRange *Range) {
    const SourceManager &SM = Ctx.context().getSourceManager();
    SourceLocation Begin = SL->getBeginLoc();
    if (Begin.isMacroID())
      return SM.getExpansionLoc(Begin);
    if (SL->getNumConcatenated() != 1)
      return Begin;
    const LangOptions &LO = Ctx.context().getLangOpts();
    llvm::StringRef Source =
        Lexer::getSourceText(CharSourceRange::getTokenRange(SL->getSourceRange()), SM, LO);
    const unsigned Prefix = SL->isUTF8() ? 3 : 1;  // u8" or "
    if (Source.size() != SL->getByteLength() + Prefix + 1)
      return Begin;
    SourceLocation L = Begin.getLocWithOffset(Prefix + Offset);
    if (Range)
      *Range = CharSourceRange::getCharRange(L, L.getLocWithOffset(Length));
    return L;
  }

  void didYouMean(const StringLiteral *SL, const Segment &S, const std::string &Fix) {
    CharSourceRange R;
    SourceLocation L = at(SL, S.Offset, S.Text.size(), &R);
    auto D = Ctx.report(L, Diag::LookupDidYouMean) << Fix;
    if (R.isValid())
      D << FixItHint::CreateReplacement(R, Fix);
  }

  // Checks one literal of a call of kind K on Root; true when the path is
  // valid (Out, if given, then says where it ends).
  bool check(const LookupModel &Root, const StringLiteral *SL, CallKind K, Path *Out) {
    const unsigned Key = SL->getBeginLoc().getRawEncoding();
    if (Reported.count(Key))
      return false;
    llvm::StringRef Text = SL->getString();
    unsigned Base = 0;
    if (K == CallKind::OrderBy && Text.starts_with("-")) {
      Text = Text.drop_front();
      Base = 1;
    }
    if (Text.empty())
      return false;  // "" is a runtime matter
    const std::vector<Segment> Segs = split(Text, Base);
    for (const Segment &S : Segs)
      if (S.Text.starts_with("_") && S.Text.ends_with("+"))
        return false;  // a hidden many-to-many name (the runtime's own managers)
    Problem P;
    Path Info;
    if (K == CallKind::SelectRelated || K == CallKind::PrefetchRelated) {
      P = resolveRelated(Root, Segs, K == CallKind::PrefetchRelated);
    } else if (K == CallKind::LoadFields) {
      P = resolveLoadField(Root, Text, Segs);
    } else {
      P = resolve(Root, Segs, Info);
      if (P.K == Problem::None && K == CallKind::OrderBy) {
        if (Info.Target.Lookup != "exact" || Text.ends_with("__exact"))
          P.K = Problem::OrderLookup;
        else if (Info.ToMany)
          P.K = Problem::OrderToMany;
      }
    }
    if (P.K == Problem::None) {
      if (Out)
        *Out = std::move(Info);
      return true;
    }
    Reported.insert(Key);
    const Segment &S = Segs[std::min(P.Index, Segs.size() - 1)];
    const SourceLocation L = at(SL, S.Offset, S.Text.size(), nullptr);
    const bool Related = K == CallKind::SelectRelated || K == CallKind::PrefetchRelated;
    const bool Prefetch = K == CallKind::PrefetchRelated;
    switch (P.K) {
      case Problem::None:
        break;
      case Problem::UnknownField: {
        if (K == CallKind::LoadFields && Segs.size() > 1 && P.Index == 1) {
          // only("title__x"): the runtime names the whole string.
          Ctx.report(SL->getBeginLoc(), Diag::LookupUnknownField) << Text << P.In->Name;
          Ctx.report(SL->getBeginLoc(), Diag::LookupColumnChoices)
              << P.In->Name << join(columnNames(*P.In));
          break;
        }
        Ctx.report(L, Diag::LookupUnknownField) << S.Text << P.In->Name;
        if (OtherSpelling O = otherSpelling(*P.In, S.Text, K); O.Reverse) {
          didYouMean(SL, S, O.Right);
          Ctx.report(L, Diag::LookupReverseSpelling)
              << S.Text << (O.IsAccessor ? "reverse accessor" : "reverse query name")
              << labelOf(*O.Reverse->Source, O.Reverse->Member) << callName(K)
              << (K == CallKind::Filter || K == CallKind::OrderBy ? "name" : "names") << O.Right;
          break;
        }
        if (K == CallKind::LoadFields) {
          if (auto Fix = closest(S.Text, columnNames(*P.In)))
            didYouMean(SL, S, *Fix);
          else
            Ctx.report(L, Diag::LookupColumnChoices) << P.In->Name << join(columnNames(*P.In));
          break;
        }
        if (Related) {
          if (auto Fix = closest(S.Text, relationNames(*P.In, Prefetch)))
            didYouMean(SL, S, *Fix);
          Ctx.report(L, Diag::LookupRelationChoices)
              << P.In->Name << join(relationNames(*P.In, Prefetch));
          break;
        }
        std::vector<std::string> Names = choices(*P.In);
        if (std::optional<SubclassHint> H = subclassHint(*P.In, S.Text)) {
          Ctx.report(L, Diag::LookupSubclassField) << S.Text << H->Models << P.In->Name << H->Queries;
          Ctx.report(L, Diag::LookupFieldChoices) << P.In->Name << join(Names);
          break;
        }
        std::vector<std::string> Candidates = Names;
        Candidates.push_back("pk");
        if (P.LookupsToo)
          for (llvm::StringRef Lk : Lookups)
            Candidates.push_back(Lk.str());
        if (auto Fix = closest(S.Text, Candidates))
          didYouMean(SL, S, *Fix);
        else
          Ctx.report(L, Diag::LookupFieldChoices) << P.In->Name << join(Names);
        if (K == CallKind::OrderBy && S.Text == "?")
          Ctx.report(L, Diag::OrderByRandom);
        break;
      }
      case Problem::UnsupportedLookup: {
        Ctx.report(L, Diag::LookupUnsupported) << S.Text << P.Label;
        std::vector<std::string> Candidates;
        for (llvm::StringRef Lk : Lookups)
          Candidates.push_back(Lk.str());
        if (auto Fix = closest(S.Text, Candidates))
          didYouMean(SL, S, *Fix);
        Ctx.report(L, Diag::LookupValidLookups) << lookupList();
        break;
      }
      case Problem::OrderLookup:
        Ctx.report(SL->getBeginLoc(), Diag::OrderByLookup) << Root.Name << SL->getString();
        break;
      case Problem::OrderToMany:
        Ctx.report(SL->getBeginLoc(), Diag::OrderByToMany)
            << Root.Name << SL->getString() << Info.ToManyStep;
        break;
      case Problem::NotRelation:
        Ctx.report(L, Diag::LookupNotRelation)
            << callName(K) << S.Text << P.In->Name
            << (K == CallKind::SelectRelated ? "foreign key, one-to-one or reverse one-to-one"
                                             : "relation");
        Ctx.report(L, Diag::LookupRelationChoices)
            << P.In->Name << join(relationNames(*P.In, Prefetch));
        break;
      case Problem::NotColumn:
        Ctx.report(L, Diag::LoadFieldsNotColumn) << S.Text << P.What << P.In->Name << LoadCall;
        Ctx.report(L, Diag::LookupColumnChoices) << P.In->Name << join(columnNames(*P.In));
        break;
      case Problem::CrossesRelation:
        Ctx.report(SL->getBeginLoc(), Diag::LoadFieldsCrossesRelation)
            << LoadCall << P.In->Name << Text << P.Label;
        break;
      case Problem::ThroughGenericRef:
        Ctx.report(L, Diag::LookupThroughGenericRef)
            << labelOf(*P.In, P.Generic->Name) << P.Generic->ContentTypeField << P.Generic->ObjectIdField
            << P.In->Name;
        if (P.Generic->Field)
          Ctx.report(P.Generic->Field->getLocation(), Diag::RelationDeclaredHere)
              << labelOf(*P.In, P.Generic->Name);
        break;
    }
    return false;
  }

  const LookupGraph &G;
  CheckContext &Ctx;
  std::string LoadCall;                     // "only" / "defer", for messages
  llvm::DenseSet<unsigned> Reported;        // literals already reported (by location)
  llvm::DenseSet<unsigned> ValuesReported;  // values already reported (by location)
};

}  // namespace

void checkLookupStrings(const LookupGraph &Graph, CheckContext &Ctx) {
  if (Graph.models().empty())
    return;
  LookupVisitor V(Graph, Ctx);
  V.TraverseDecl(Ctx.context().getTranslationUnitDecl());
}

bool checkOrderField(const LookupGraph &Graph, CheckContext &Ctx, const LookupModel &Root,
                     const Expr *Field) {
  LookupVisitor V(Graph, Ctx);
  return V.checkOrderField(Root, Field);
}

void LookupStringCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  if (Graph.models().empty())
    return;
  checkLookupStrings(LookupGraph::fromGraph(Ctx.context(), Graph), Ctx);
}

}  // namespace covet

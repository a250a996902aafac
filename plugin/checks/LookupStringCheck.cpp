#include "checks/LookupStringCheck.h"

#include "Names.h"
#include "ReverseRelations.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <functional>

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

enum class CallKind { Filter, OrderBy, SelectRelated, PrefetchRelated };

bool isReverseStorage(const Member &M) {
  return M.Kind == Storage::ReverseSet || M.Kind == Storage::ReverseOne || M.Kind == Storage::Prefetched;
}
bool isManyToMany(const Member &M) {
  return M.Kind == Storage::RefSet && M.Relation == RelationAttr::ManyToMany;
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

// What a segment names on a model (runtime: lookup_path.cpp, find()).
struct Named {
  const Member *M = nullptr;
  bool Attname = false;
  const ReverseRelation *Reverse = nullptr;
  explicit operator bool() const { return M || Reverse; }
};

class Resolver {
 public:
  explicit Resolver(const ModelGraph &G) {
    Reverses = reverseRelations(G);
    for (const ReverseRelation &R : Reverses)
      ByTarget[R.Target].push_back(&R);
    // The runtime lists reverse relations by source model name, then in
    // declaration order; the entries point into `Reverses`, whose order is
    // the declaration order, so the address breaks ties. (std::stable_sort
    // would do, but libstdc++ 12's implementation trips -Wdeprecated under
    // Clang 19.)
    for (auto &Entry : ByTarget)
      std::sort(Entry.second.begin(), Entry.second.end(),
                [](const ReverseRelation *A, const ReverseRelation *B) {
                  if (A->Source->Name != B->Source->Name)
                    return A->Source->Name < B->Source->Name;
                  return std::less<const ReverseRelation *>()(A, B);
                });
  }

  static const Member *primaryKey(const Model &M) {
    for (const Member &Mem : M.Members)
      if (Mem.Kind == Storage::Id)
        return &Mem;
    return nullptr;
  }

  Named find(const Model &M, llvm::StringRef Name) const {
    Named Out;
    if (Name == "pk") {
      Out.M = primaryKey(M);
      return Out;
    }
    for (const Member &Mem : M.Members)
      if (!isReverseStorage(Mem) && Mem.name() == Name) {
        Out.M = &Mem;
        return Out;
      }
    for (const Member &Mem : M.Members)
      if (isKeyRelation(Mem) && Name.size() == Mem.name().size() + 3 &&
          Name.starts_with(Mem.name()) && Name.ends_with("_id")) {
        Out.M = &Mem;
        Out.Attname = true;
        return Out;
      }
    for (const ReverseRelation *R : reverses(M))
      if (R->QueryName == Name) {
        Out.Reverse = R;
        return Out;
      }
    return Out;
  }

  llvm::ArrayRef<const ReverseRelation *> reverses(const Model &M) const {
    auto It = ByTarget.find(&M);
    if (It == ByTarget.end())
      return {};
    return It->second;
  }

  // The names a segment may take on M, as the runtime lists them.
  std::vector<std::string> choices(const Model &M) const {
    std::vector<std::string> Out;
    for (const Member &Mem : M.Members)
      if (!isReverseStorage(Mem))
        Out.push_back(Mem.name().str());
    for (const ReverseRelation *R : reverses(M))
      Out.push_back(R->QueryName);
    return Out;
  }

  // The member a key relation refers to: to_field or the primary key.
  static const Member *referenced(const Member &Rel) {
    const Model &T = *Rel.TargetModel;
    if (Rel.ToField)
      for (const Member &Mem : T.Members)
        if (Mem.name() == *Rel.ToField)
          return &Mem;
    return primaryKey(T);
  }

 private:
  std::vector<ReverseRelation> Reverses;
  llvm::DenseMap<const Model *, std::vector<const ReverseRelation *>> ByTarget;
};

// The problem found in a path, if any.
struct Problem {
  enum Kind { None, UnknownField, UnsupportedLookup, OrderLookup, OrderToMany,
              NotRelation } K = None;
  size_t Index = 0;              // the segment at fault
  const Model *In = nullptr;     // the model it was looked up in
  std::string Label;             // "Author::name" for lookups, the to-many step for OrderToMany
  bool LookupsToo = false;       // UnknownField: a lookup name would also fit here
};

struct Path {
  std::string Lookup = "exact";
  bool ToMany = false;
  std::string ToManyStep;
};

// Mirrors resolve() of runtime/query/lookup_path.cpp.
Problem resolve(const Resolver &Res, const Model &Root, const std::vector<Segment> &Segs,
                Path &Out) {
  const Model *M = &Root;
  auto Finish = [&](size_t Next, const std::string &Label) {
    Problem P;
    if (Next == Segs.size())
      return P;
    if (Next + 1 == Segs.size() && isLookup(Segs[Next].Text)) {
      Out.Lookup = Segs[Next].Text.str();
      return P;
    }
    P.K = Problem::UnsupportedLookup;
    P.Index = Next;
    P.Label = Label;
    return P;
  };
  auto Unknown = [&](size_t I, const Model *In, bool LookupsToo) {
    Problem P;
    P.K = Problem::UnknownField;
    P.Index = I;
    P.In = In;
    P.LookupsToo = LookupsToo;
    return P;
  };
  for (size_t I = 0; I < Segs.size(); ++I) {
    llvm::StringRef Seg = Segs[I].Text;
    Named N = Res.find(*M, Seg);
    // A many-to-many, forward or by its reverse query name: a to-many step.
    const Model *Many = nullptr;
    if (N.M && isManyToMany(*N.M))
      Many = isWellFormedRelation(*N.M) ? N.M->TargetModel : nullptr;
    else if (N.Reverse && N.Reverse->ManyToMany)
      Many = N.Reverse->Source;
    if (N.M && isManyToMany(*N.M) && !Many)
      return Problem();  // a malformed relation: the shape checks report it
    if (Many) {
      Out.ToMany = true;
      if (Out.ToManyStep.empty())
        Out.ToManyStep = Seg.str();
      M = Many;
      if (I + 1 == Segs.size() ||
          (I + 2 == Segs.size() && isLookup(Segs[I + 1].Text) && !Res.find(*M, Segs[I + 1].Text))) {
        const Member *PK = Resolver::primaryKey(*M);
        return Finish(I + 1, M->Name + "::" + (PK ? PK->name().str() : std::string("id")));
      }
      continue;
    }
    if (N.M && (!isKeyRelation(*N.M) || N.Attname))
      return Finish(I + 1, M->Name + "::" + Seg.str());
    if (N.M) {
      const Member &Rel = *N.M;
      const Model &Target = *Rel.TargetModel;
      const std::string Label = M->Name + "::" + Rel.name().str();
      if (I + 1 == Segs.size())
        return Problem();
      llvm::StringRef Next = Segs[I + 1].Text;
      const Member *Ref = Resolver::referenced(Rel);
      if (Ref && (Next == Ref->name() || (Next == "pk" && Ref == Resolver::primaryKey(Target))))
        return Finish(I + 2, Label);
      if (!Res.find(Target, Next)) {
        if (I + 2 == Segs.size() && isLookup(Next)) {
          Out.Lookup = Next.str();
          return Problem();
        }
        return Unknown(I + 1, &Target, I + 2 == Segs.size());
      }
      M = &Target;
      continue;
    }
    if (N.Reverse) {
      const ReverseRelation &R = *N.Reverse;
      if (!R.Single) {
        Out.ToMany = true;
        if (Out.ToManyStep.empty())
          Out.ToManyStep = R.QueryName;
      }
      M = R.Source;
      if (I + 1 == Segs.size() ||
          (I + 2 == Segs.size() && isLookup(Segs[I + 1].Text) && !Res.find(*M, Segs[I + 1].Text))) {
        const Member *PK = Resolver::primaryKey(*M);
        return Finish(I + 1, M->Name + "::" + (PK ? PK->name().str() : std::string("id")));
      }
      continue;
    }
    return Unknown(I, M, false);
  }
  return Problem();
}

// select_related / prefetch_related: a chain of relations.
Problem resolveRelated(const Resolver &Res, const Model &Root, const std::vector<Segment> &Segs,
                       bool Prefetch) {
  const Model *M = &Root;
  for (size_t I = 0; I < Segs.size(); ++I) {
    Named N = Res.find(*M, Segs[I].Text);
    const Model *Next = nullptr;
    if (N.M && !N.Attname && isKeyRelation(*N.M))
      Next = N.M->TargetModel;
    else if (N.M && !N.Attname && Prefetch && isManyToMany(*N.M) && isWellFormedRelation(*N.M))
      Next = N.M->TargetModel;
    else if (N.Reverse && (Prefetch || N.Reverse->Single))
      Next = N.Reverse->Source;
    if (Next) {
      M = Next;
      continue;
    }
    Problem P;
    P.K = N ? Problem::NotRelation : Problem::UnknownField;
    P.Index = I;
    P.In = M;
    return P;
  }
  return Problem();
}

// The names of M that select_related / prefetch_related can follow.
std::string relationChoices(const Resolver &Res, const Model &M, bool Prefetch) {
  std::string Out;
  auto Add = [&](llvm::StringRef S) { Out += (Out.empty() ? "" : ", ") + S.str(); };
  for (const Member &Mem : M.Members)
    if (isKeyRelation(Mem) || (Prefetch && isManyToMany(Mem) && isWellFormedRelation(Mem)))
      Add(Mem.name());
  for (const ReverseRelation *R : Res.reverses(M))
    if (Prefetch || R->Single)
      Add(R->QueryName);
  return Out.empty() ? std::string("(none)") : Out;
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
  return Out;
}

// Strips what lies between a string literal and a std::string_view /
// std::string parameter.
const StringLiteral *literalArg(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ConstantExpr>(E)) {
      E = C->getSubExpr();
    } else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
    } else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
    } else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      const CXXRecordDecl *RD = CE->getConstructor()->getParent();
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      if (!Spec || CE->getNumArgs() < 1 ||
          !(isStdEntity(Spec->getSpecializedTemplate(), "basic_string_view") ||
            isStdEntity(Spec->getSpecializedTemplate(), "basic_string")))
        return nullptr;
      E = CE->getArg(0);
    } else {
      break;
    }
  }
  const auto *SL = dyn_cast_or_null<StringLiteral>(E);
  return SL && (SL->isOrdinary() || SL->isUTF8()) ? SL : nullptr;
}

bool isQ(const CXXRecordDecl *RD) { return isCovetEntity(RD, "Q"); }

class LookupVisitor : public RecursiveASTVisitor<LookupVisitor> {
 public:
  LookupVisitor(const ModelGraph &G, CheckContext &Ctx) : G(G), Ctx(Ctx), Res(G) {}

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
    const Model *M = G.find(Args[ModelArg].getAsType()->getAsCXXRecordDecl());
    if (!M)
      return true;
    const SourceManager &SM = Ctx.context().getSourceManager();
    if (SM.isInSystemHeader(Call->getExprLoc()))
      return true;

    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (isa<CXXDefaultArgExpr>(Arg))
        continue;
      if (K == CallKind::Filter) {
        if (I == 0 && MD->getNumParams() >= 1 && !isQ(MD->getParamDecl(0)->getType()
                                                          .getNonReferenceType()
                                                          ->getAsCXXRecordDecl()))
          if (const StringLiteral *SL = literalArg(Arg))
            check(*M, SL, K);
        walkQ(*M, Arg);
      } else if (const StringLiteral *SL = literalArg(Arg)) {
        check(*M, SL, K);
      }
    }
    return true;
  }

 private:
  // The Q conditions built inside a call's argument: Q("a", 1), Q(...) | Q(...), ~Q(...).
  void walkQ(const Model &M, const Expr *E) {
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
    if (!E)
      return;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (!isQ(CE->getConstructor()->getParent()))
        return;
      if (CE->getNumArgs() >= 2) {
        if (const StringLiteral *SL = literalArg(CE->getArg(0)))
          check(M, SL, CallKind::Filter);
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

  void check(const Model &Root, const StringLiteral *SL, CallKind K) {
    const unsigned Key = SL->getBeginLoc().getRawEncoding();
    if (Reported.count(Key))
      return;
    llvm::StringRef Text = SL->getString();
    unsigned Base = 0;
    if (K == CallKind::OrderBy && Text.starts_with("-")) {
      Text = Text.drop_front();
      Base = 1;
    }
    if (Text.empty())
      return;  // "" is a runtime matter
    const std::vector<Segment> Segs = split(Text, Base);
    for (const Segment &S : Segs)
      if (S.Text.starts_with("_") && S.Text.ends_with("+"))
        return;  // a hidden many-to-many name (the runtime's own managers)
    Problem P;
    Path Info;
    if (K == CallKind::SelectRelated || K == CallKind::PrefetchRelated) {
      P = resolveRelated(Res, Root, Segs, K == CallKind::PrefetchRelated);
    } else {
      P = resolve(Res, Root, Segs, Info);
      if (P.K == Problem::None && K == CallKind::OrderBy) {
        if (Info.Lookup != "exact" || Text.ends_with("__exact"))
          P.K = Problem::OrderLookup;
        else if (Info.ToMany)
          P.K = Problem::OrderToMany;
      }
    }
    if (P.K == Problem::None)
      return;
    Reported.insert(Key);
    const Segment &S = Segs[std::min(P.Index, Segs.size() - 1)];
    const SourceLocation L = at(SL, S.Offset, S.Text.size(), nullptr);
    switch (P.K) {
      case Problem::None:
        break;
      case Problem::UnknownField: {
        Ctx.report(L, Diag::LookupUnknownField) << S.Text << P.In->Name;
        std::vector<std::string> Names = Res.choices(*P.In);
        std::vector<std::string> Candidates = Names;
        Candidates.push_back("pk");
        if (P.LookupsToo)
          for (llvm::StringRef Lk : Lookups)
            Candidates.push_back(Lk.str());
        if (K == CallKind::SelectRelated || K == CallKind::PrefetchRelated) {
          if (auto Fix = closest(S.Text, Candidates))
            didYouMean(SL, S, *Fix);
          Ctx.report(L, Diag::LookupRelationChoices)
              << P.In->Name << relationChoices(Res, *P.In, K == CallKind::PrefetchRelated);
        } else if (auto Fix = closest(S.Text, Candidates)) {
          didYouMean(SL, S, *Fix);
        } else {
          Ctx.report(L, Diag::LookupFieldChoices) << P.In->Name << join(Names);
        }
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
            << (K == CallKind::SelectRelated ? "select_related" : "prefetch_related") << S.Text
            << P.In->Name
            << (K == CallKind::SelectRelated ? "foreign key, one-to-one or reverse one-to-one"
                                             : "relation");
        Ctx.report(L, Diag::LookupRelationChoices)
            << P.In->Name << relationChoices(Res, *P.In, K == CallKind::PrefetchRelated);
        break;
    }
  }

  const ModelGraph &G;
  CheckContext &Ctx;
  Resolver Res;
  llvm::DenseSet<unsigned> Reported;  // literals already reported (by location)
};

}  // namespace

void LookupStringCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  if (Graph.models().empty())
    return;
  LookupVisitor V(Graph, Ctx);
  V.TraverseDecl(Ctx.context().getTranslationUnitDecl());
}

}  // namespace covet

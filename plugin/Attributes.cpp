// The Covet attributes as ParsedAttrInfo subclasses. They only do attribute
// work: spellings, the kind of declaration they apply to, argument checks,
// and an AnnotateAttr that carries the attribute to later passes.
#include "Attributes.h"

#include "Diagnostics.h"
#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/SmallVector.h"

#include <climits>

using namespace clang;

namespace covet {

namespace {

enum class Subject { Record, Field, Enum };
enum class Args { None, OptString, String, TwoStrings, Strings, Bool, OptBool, PositiveInt, OnDelete, OptOnDelete };

struct AttrDesc {
  llvm::StringRef Name;
  const char *ScopedName;
  Subject On;
  Args Takes;
};

const AttrDesc Descs[] = {
#define COVET_ATTR(Name, Subj, Arg) {#Name, "covet::" #Name, Subject::Subj, Args::Arg},
#include "Attributes.inc"
#undef COVET_ATTR
};

const llvm::StringRef Names[] = {
#define COVET_ATTR(Name, Subj, Arg) #Name,
#include "Attributes.inc"
#undef COVET_ATTR
};

const AttrDesc &desc(AttrId Id) { return Descs[static_cast<unsigned>(Id)]; }

// Strips the wrappers Sema puts around an annotation argument.
const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<ConstantExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else
      break;
  }
  return E;
}

const StringLiteral *asString(const Expr *E) {
  const auto *S = dyn_cast_or_null<StringLiteral>(strip(E));
  return S && (S->isOrdinary() || S->isUTF8() || S->isUnevaluated()) ? S : nullptr;
}

// The function named by the argument of covet::SET(fn) (`fn` or `&fn`).
const FunctionDecl *setFunction(const Expr *Arg) {
  const Expr *E = strip(Arg);
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = strip(UO->getSubExpr());
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return nullptr;
  const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD); MD && !MD->isStatic())
    return nullptr;
  return FD;
}

// The covet::SET(...) call E is, or nullptr.
const CallExpr *asSetCall(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
  if (!Call)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && isCovetEntity(Callee, "SET") ? Call : nullptr;
}

constexpr unsigned OnDeleteSet = 6;  // covet::OnDelete::Set

// The enum a member's type is, through std::optional; nullptr for others.
const EnumDecl *enumOf(QualType T) {
  T = T.getCanonicalType();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
      Spec && isStdEntity(Spec->getSpecializedTemplate(), "optional") && Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    T = Spec->getTemplateArgs()[0].getAsType().getCanonicalType();
  const auto *ET = T->getAs<EnumType>();
  return ET ? ET->getDecl() : nullptr;
}

class CovetAttrInfo : public ParsedAttrInfo {
 public:
  explicit CovetAttrInfo(AttrId Id) : Id(Id) {
    OptArgs = 15;  // argument counts are checked here, with our own messages
    Spells[0] = {AttributeCommonInfo::AS_CXX11, desc(Id).ScopedName};
    // The bare spelling makes Clang parse the arguments of the scoped one
    // (see "The attribute trap" in DESIGN.md); its use is rejected below.
    Spells[1] = {AttributeCommonInfo::AS_CXX11, desc(Id).Name.data()};
    Spellings = Spells;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr, const Decl *D) const override {
    const AttrDesc &A = desc(Id);
    if (A.On == Subject::Record) {
      const auto *RD = dyn_cast<CXXRecordDecl>(D);
      if (RD && !RD->isUnion() && !RD->isLambda())
        return true;
      report(S.getDiagnostics(), Attr.getLoc(), Diag::AttributeOnRecordOnly) << A.ScopedName;
      return false;
    }
    if (A.On == Subject::Enum) {
      if (isa<EnumDecl>(D))
        return true;
      report(S.getDiagnostics(), Attr.getLoc(), Diag::AttributeOnEnumOnly) << A.ScopedName;
      // On a member of an enum type, point at the enum it belongs on.
      if (const auto *F = dyn_cast<FieldDecl>(D))
        if (const EnumDecl *E = enumOf(F->getType()))
          report(S.getDiagnostics(), E->getLocation(), Diag::EnumAttributeGoesHere)
              << A.ScopedName << E
              << FixItHint::CreateInsertion(E->getLocation(), std::string("[[") + A.ScopedName + "]] ");
      return false;
    }
    if (isa<FieldDecl>(D))
      return true;
    report(S.getDiagnostics(), Attr.getLoc(), Diag::AttributeOnFieldOnly) << A.ScopedName;
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D, const ParsedAttr &Attr) const override {
    const AttrDesc &A = desc(Id);
    DiagnosticsEngine &Diags = S.getDiagnostics();
    if (!Attr.hasScope()) {
      report(Diags, Attr.getLoc(), Diag::UnscopedAttribute)
          << A.Name << FixItHint::CreateInsertion(Attr.getLoc(), "covet::");
      // Recover as if it were written `covet::NAME`, so later passes do not
      // report the consequences of the missing attribute.
    }

    llvm::SmallVector<Expr *, 2> ArgExprs;
    for (unsigned I = 0, N = Attr.getNumArgs(); I < N; ++I) {
      Expr *E = Attr.isArgIdent(I) ? identifierArg(S, Attr.getArgAsIdent(I)) : Attr.getArgAsExpr(I);
      if (!E)
        return recover(S, D, Attr);
      ArgExprs.push_back(E);
    }
    if (!checkArgs(S, Attr, ArgExprs))
      return recover(S, D, Attr);
    if (!checkUnique(S, D, Attr))
      return AttributeNotApplied;

    // Arguments parsed as unevaluated strings (Clang does so for `model`, a
    // builtin attribute name) become ordinary literals, so that Sema can fold
    // every argument into a ConstantExpr as for [[clang::annotate]].
    for (Expr *&E : ArgExprs)
      if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParens()); SL && SL->isUnevaluated())
        E = StringLiteral::Create(
            S.Context, SL->getString(), StringLiteralKind::Ordinary, /*Pascal=*/false,
            S.Context.getStringLiteralArrayType(S.Context.CharTy, SL->getLength()),
            SL->getBeginLoc());
    AttributeCommonInfo Info(&S.Context.Idents.get("annotate"), nullptr, Attr.getRange(),
                             SourceLocation(), AttributeCommonInfo::AT_Annotate,
                             AttributeCommonInfo::Form::GNU());
    S.AddAnnotationAttr(D, Info, A.ScopedName, ArgExprs);
    return AttributeApplied;
  }

 private:
  // Clang keeps a lone identifier argument (`foreign_key(CASCADE)` under
  // `using namespace covet`) as an identifier; look it up as an expression.
  Expr *identifierArg(Sema &S, IdentifierLoc *IL) const {
    LookupResult R(S, IL->Ident, IL->Loc, Sema::LookupOrdinaryName);
    if (S.LookupName(R, S.getCurScope()) && !R.isAmbiguous()) {
      ExprResult E = S.BuildDeclarationNameExpr(CXXScopeSpec(), R, /*NeedsADL=*/false);
      if (E.isUsable())
        return E.get();
      return nullptr;  // Sema said why
    }
    // Not a name in scope: say what the attribute takes instead.
    DiagnosticsEngine &Diags = S.getDiagnostics();
    const AttrDesc &A = desc(Id);
    switch (A.Takes) {
      case Args::None:
        report(Diags, IL->Loc, Diag::AttributeTakesNoArgs) << A.ScopedName;
        break;
      case Args::OptString:
      case Args::String:
      case Args::TwoStrings:
      case Args::Strings:
        report(Diags, IL->Loc, Diag::AttributeTakesString) << A.ScopedName;
        break;
      case Args::Bool:
      case Args::OptBool:
        report(Diags, IL->Loc, Diag::AttributeTakesBool) << A.ScopedName;
        break;
      case Args::PositiveInt:
        report(Diags, IL->Loc, Diag::AttributeTakesPositiveInt) << A.ScopedName;
        break;
      case Args::OnDelete:
      case Args::OptOnDelete:
        report(Diags, IL->Loc, Diag::BadOnDelete) << IL->Ident->getName();
        break;
    }
    return nullptr;
  }

  // After an argument error: a relation attribute is still recorded (without
  // arguments) so that the member is not also reported as lacking one; so is
  // covet::primary_key, so that its model is not reported as keyless.
  AttrHandling recover(Sema &S, Decl *D, const ParsedAttr &Attr) const {
    if (Id == AttrId::primary_key) {
      if (!findAttr(D, Id))
        D->addAttr(AnnotateAttr::Create(S.Context, desc(Id).ScopedName, nullptr, 0, Attr.getRange()));
      return AttributeApplied;
    }
    if (Id != AttrId::foreign_key && Id != AttrId::one_to_one && Id != AttrId::many_to_many)
      return AttributeNotApplied;
    if (findAttr(D, AttrId::foreign_key) || findAttr(D, AttrId::one_to_one) ||
        findAttr(D, AttrId::many_to_many))
      return AttributeNotApplied;
    D->addAttr(AnnotateAttr::Create(S.Context, desc(Id).ScopedName, nullptr, 0, Attr.getRange()));
    return AttributeApplied;
  }

  bool checkArgs(Sema &S, const ParsedAttr &Attr, llvm::ArrayRef<Expr *> ArgExprs) const {
    const AttrDesc &A = desc(Id);
    DiagnosticsEngine &Diags = S.getDiagnostics();
    const unsigned N = ArgExprs.size();
    auto Count = [&](unsigned Expected) {
      report(Diags, Attr.getLoc(), Diag::AttributeArgCount) << A.ScopedName << Expected;
      return false;
    };
    auto ErrAt = [&](const Expr *E, Diag D) {
      report(Diags, E->getBeginLoc(), D) << A.ScopedName << E->getSourceRange();
      return false;
    };
    for (const Expr *E : ArgExprs)
      if (E->isValueDependent() || E->isTypeDependent())
        return true;  // in a template: checked where it is instantiated

    auto IsString = [&](const Expr *E) {
      const StringLiteral *SL = asString(E);
      if (!SL)
        return ErrAt(E, Diag::AttributeTakesString);
      if (SL->getLength() == 0)
        return ErrAt(E, Diag::AttributeEmptyString);
      return true;
    };
    auto IsBool = [&](const Expr *E) {
      Expr::EvalResult R;
      if (!E->getType()->isBooleanType() || !E->EvaluateAsInt(R, S.Context))
        return ErrAt(E, Diag::AttributeTakesBool);
      return true;
    };

    switch (A.Takes) {
      case Args::None:
        if (N != 0) {
          report(Diags, Attr.getLoc(), Diag::AttributeTakesNoArgs) << A.ScopedName;
          return false;
        }
        return true;
      case Args::OptString:
        return N == 0 || (N == 1 ? IsString(ArgExprs[0]) : Count(1));
      case Args::String:
        return N == 1 ? IsString(ArgExprs[0]) : Count(1);
      case Args::TwoStrings:
        return N == 2 ? IsString(ArgExprs[0]) && IsString(ArgExprs[1]) : Count(2);
      case Args::Strings:
        // How many names make sense is the model graph's rule
        // (checks/UniqueTogetherCheck.h), which can point at the members.
        return llvm::all_of(ArgExprs, IsString);
      case Args::Bool:
        return N == 1 ? IsBool(ArgExprs[0]) : Count(1);
      case Args::OptBool:
        return N == 0 || (N == 1 ? IsBool(ArgExprs[0]) : Count(1));
      case Args::PositiveInt: {
        if (N != 1)
          return Count(1);
        const Expr *E = ArgExprs[0];
        Expr::EvalResult R;
        if (!E->getType()->isIntegerType() || E->getType()->isBooleanType() ||
            !E->EvaluateAsInt(R, S.Context) || R.Val.getInt().isNonPositive() ||
            R.Val.getInt().getActiveBits() > 31)
          return ErrAt(E, Diag::AttributeTakesPositiveInt);
        return true;
      }
      case Args::OnDelete:
        if (N == 0) {
          report(Diags, Attr.getLoc(), Diag::MissingOnDelete) << A.ScopedName;
          return false;
        }
        if (N != 1)
          return Count(1);
        return checkOnDelete(S, ArgExprs[0]);
      case Args::OptOnDelete:
        // Which policies a generic relation allows is
        // checks/GenericRelationOnDeleteCheck.h's rule, which can name them.
        return N == 0 || (N == 1 ? checkOnDelete(S, ArgExprs[0]) : Count(1));
    }
    return true;
  }

  bool checkOnDelete(Sema &S, const Expr *E) const {
    DiagnosticsEngine &Diags = S.getDiagnostics();
    if (const CallExpr *Call = asSetCall(E)) {
      if (Call->getNumArgs() == 1 && setFunction(Call->getArg(0)))
        return true;
      report(Diags, Call->getBeginLoc(), Diag::SetNeedsFunction) << Call->getSourceRange();
      return false;
    }
    Expr::EvalResult R;
    const auto *ET = E->getType()->getAs<EnumType>();
    if (ET && isCovetEntity(ET->getDecl(), "OnDelete") && E->EvaluateAsInt(R, S.Context) &&
        R.Val.getInt().getExtValue() >= 0 && R.Val.getInt().getExtValue() < OnDeleteSet)
      return true;
    llvm::StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                                                S.getSourceManager(), S.getLangOpts());
    report(Diags, E->getBeginLoc(), Diag::BadOnDelete) << Text << E->getSourceRange();
    return false;
  }

  // One attribute of a kind per declaration (but covet::unique_together,
  // once per constraint), one relation kind per member.
  bool checkUnique(Sema &S, const Decl *D, const ParsedAttr &Attr) const {
    DiagnosticsEngine &Diags = S.getDiagnostics();
    if (const AnnotateAttr *Prev = Id == AttrId::unique_together ? nullptr : findAttr(D, Id)) {
      report(Diags, Attr.getLoc(), Diag::DuplicateAttribute) << desc(Id).ScopedName;
      report(Diags, Prev->getLocation(), Diag::PreviousAttribute) << desc(Id).ScopedName;
      return false;
    }
    const AttrId Relations[] = {AttrId::foreign_key, AttrId::one_to_one, AttrId::many_to_many};
    if (!llvm::is_contained(Relations, Id))
      return true;
    for (AttrId Other : Relations) {
      if (const AnnotateAttr *Prev = findAttr(D, Other)) {
        report(Diags, Attr.getLoc(), Diag::ConflictingRelation)
            << desc(Id).ScopedName << desc(Other).ScopedName;
        report(Diags, Prev->getLocation(), Diag::PreviousAttribute) << desc(Other).ScopedName;
        return false;
      }
    }
    return true;
  }

  AttrId Id;
  Spelling Spells[2];
};

template <AttrId Which>
struct AttrInfo : CovetAttrInfo {
  AttrInfo() : CovetAttrInfo(Which) {}
};

#define COVET_ATTR(Name, Subj, Arg)                                     \
  const ParsedAttrInfoRegistry::Add<AttrInfo<AttrId::Name>> Register_##Name( \
      "covet::" #Name, "Covet attribute covet::" #Name);
#include "Attributes.inc"
#undef COVET_ATTR

}  // namespace

llvm::StringRef attrName(AttrId Id) { return desc(Id).Name; }

llvm::ArrayRef<llvm::StringRef> allAttrNames() { return Names; }

const AnnotateAttr *findAttr(const Decl *D, AttrId Id) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == desc(Id).ScopedName)
      return A;
  return nullptr;
}

llvm::SmallVector<const AnnotateAttr *, 2> findAttrs(const Decl *D, AttrId Id) {
  llvm::SmallVector<const AnnotateAttr *, 2> Out;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == desc(Id).ScopedName)
      Out.push_back(A);
  return Out;
}

std::optional<std::string> stringArg(const AnnotateAttr *A, unsigned I) {
  if (!A || I >= A->args_size())
    return std::nullopt;
  if (const StringLiteral *S = asString(A->args_begin()[I]))
    return S->getString().str();
  return std::nullopt;
}

std::optional<llvm::APSInt> intArg(const ASTContext &Ctx, const AnnotateAttr *A, unsigned I) {
  if (!A || I >= A->args_size())
    return std::nullopt;
  Expr::EvalResult R;
  if (!A->args_begin()[I]->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

std::optional<OnDeletePolicy> onDeleteArg(const ASTContext &Ctx, const AnnotateAttr *A) {
  if (!A || A->args_size() != 1)
    return std::nullopt;
  const Expr *E = A->args_begin()[0];
  if (const CallExpr *Call = asSetCall(E)) {
    if (Call->getNumArgs() != 1)
      return std::nullopt;
    return OnDeletePolicy{OnDeleteSet, setFunction(Call->getArg(0))};
  }
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return OnDeletePolicy{static_cast<unsigned>(R.Val.getInt().getExtValue()), nullptr};
}

llvm::StringRef onDeletePolicyName(unsigned Value) {
  static constexpr llvm::StringLiteral Names[] = {"CASCADE",  "PROTECT",    "SET_NULL", "SET_DEFAULT",
                                                  "RESTRICT", "DO_NOTHING", "SET"};
  return Value < std::size(Names) ? llvm::StringRef(Names[Value]) : llvm::StringRef("CASCADE");
}

}  // namespace covet

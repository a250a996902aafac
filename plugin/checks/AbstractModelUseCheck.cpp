#include "checks/AbstractModelUseCheck.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

namespace covet {

namespace {

using namespace clang;

// What a covet::Database call does with rows of its model, for the message;
// null for a member function that is not one of those (related(o, &X::m)
// deduces the class declaring the member, which is an abstract base's for an
// inherited one, and Database's private helpers are its own business).
const char *verb(llvm::StringRef Method) {
  return llvm::StringSwitch<const char *>(Method)
      .Case("objects", "query")
      .Cases("create", "bulk_create", "insert")
      .Cases("save", "update", "bulk_update", "update")
      .Case("erase", "delete")
      .Cases("refresh", "prefetch", "load")
      .Default(nullptr);
}

// Whether D is declared inside namespace covet: Covet's own templates
// instantiated for a model, whose calls are the user's call, already checked.
bool inCovet(const Decl *D) {
  for (const DeclContext *C = D ? D->getDeclContext() : nullptr; C; C = C->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(C);
        NS && NS->getIdentifier() && NS->getName() == "covet" &&
        NS->getParent()->getRedeclContext()->isTranslationUnit())
      return true;
  return false;
}

// The model T of covet::Ref<T>, std::optional<covet::Ref<T>> or covet::RefSet<T>.
const CXXRecordDecl *referredModel(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T.getCanonicalType()->getAsCXXRecordDecl());
  if (Spec && isStdEntity(Spec->getSpecializedTemplate(), "optional") &&
      Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Spec->getTemplateArgs()[0].getAsType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !(isCovetEntity(Spec->getSpecializedTemplate(), "Ref") ||
                 isCovetEntity(Spec->getSpecializedTemplate(), "RefSet")))
    return nullptr;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 1 || Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Args[0].getAsType()->getAsCXXRecordDecl();
}

std::string concreteList(const LookupGraph &G, const LookupModel &A) {
  std::vector<std::string> Names;
  for (const LookupModel *M : G.concreteModelsOf(A))
    Names.push_back("'" + M->Name + "'");
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I)
    Out += (I == 0 ? "" : I + 1 == Names.size() ? " or " : ", ") + Names[I];
  return Out;
}

class UseVisitor : public RecursiveASTVisitor<UseVisitor> {
 public:
  UseVisitor(const LookupGraph &G, CheckContext &Ctx) : G(G), Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  // Tracks the function whose body is being visited (see inCovet).
  bool TraverseDecl(Decl *D) {
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    const FunctionDecl *Outer = Function;
    if (FD)
      Function = FD;
    const bool Continue = RecursiveASTVisitor::TraverseDecl(D);
    Function = Outer;
    return Continue;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() || !isCovetEntity(MD->getParent(), "Database") ||
        !verb(MD->getName()) || inCovet(Function))
      return true;
    const TemplateArgumentList *Args = MD->getTemplateSpecializationArgs();
    if (!Args || Args->size() < 1 || Args->get(0).getKind() != TemplateArgument::Type)
      return true;
    const LookupModel *M = abstractModel(Args->get(0).getAsType()->getAsCXXRecordDecl());
    if (!M || !fresh(Call->getExprLoc()))
      return true;
    const std::string Concrete = concreteList(G, *M);
    Ctx.report(Call->getExprLoc(), Diag::AbstractModelCall)
        << MD->getName() << M->Name << verb(MD->getName()) << Concrete << (Concrete.empty() ? 1 : 0)
        << Call->getSourceRange();
    return true;
  }

  bool VisitVarDecl(VarDecl *D) {
    checkDecl(D, D->getType());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *D) {
    const auto *RD = dyn_cast<CXXRecordDecl>(D->getParent());
    if (!RD || !G.find(Ctx.context(), RD))  // a model's member: AbstractTargetCheck
      checkDecl(D, D->getType());
    return true;
  }

 private:
  const LookupModel *abstractModel(const CXXRecordDecl *RD) {
    const LookupModel *M = RD ? G.find(Ctx.context(), RD) : nullptr;
    return M && M->Abstract ? M : nullptr;
  }

  bool fresh(SourceLocation Loc) {
    const SourceManager &SM = Ctx.context().getSourceManager();
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      return false;
    return Reported.insert(Loc.getRawEncoding()).second;
  }

  void checkDecl(const DeclaratorDecl *D, QualType T) {
    if (D->isImplicit() || T->isDependentType())
      return;
    const LookupModel *M = abstractModel(referredModel(T));
    if (!M || !fresh(D->getLocation()))
      return;
    const std::string Concrete = concreteList(G, *M);
    Ctx.report(D->getLocation(), Diag::AbstractModelReference)
        << T << M->Name << Concrete << (Concrete.empty() ? 1 : 0);
  }

  const LookupGraph &G;
  CheckContext &Ctx;
  const FunctionDecl *Function = nullptr;
  llvm::DenseSet<unsigned> Reported;  // by location: a template's instantiations report once
};

}  // namespace

void checkAbstractModelUses(const LookupGraph &Graph, CheckContext &Ctx) {
  if (llvm::none_of(Graph.models(), [](const auto &M) { return M->Abstract; }))
    return;
  UseVisitor V(Graph, Ctx);
  V.TraverseDecl(Ctx.context().getTranslationUnitDecl());
}

void AbstractModelUseCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  checkAbstractModelUses(LookupGraph::fromGraph(Ctx.context(), Graph), Ctx);
}

}  // namespace covet

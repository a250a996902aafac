#include "checks/PolymorphicListCheck.h"

#include "Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

namespace covet {

namespace {

using namespace clang;

// The types of a template argument list, packs expanded.
void flatten(llvm::ArrayRef<TemplateArgument> Args, std::vector<QualType> &Out) {
  for (const TemplateArgument &A : Args) {
    if (A.getKind() == TemplateArgument::Pack)
      flatten(A.pack_elements(), Out);
    else if (A.getKind() == TemplateArgument::Type)
      Out.push_back(A.getAsType());
  }
}

std::string spelled(const LookupModel &M) { return llvm::StringRef(M.TypeName).ltrim(':').str(); }

// Whether E is in an instantiation of a template: its source then spells
// template parameters, not the models, and a fix-it would rewrite the
// template for every instantiation.
bool inInstantiation(ASTContext &Ctx, const Expr &E) {
  DynTypedNodeList Parents = Ctx.getParents(E);
  for (unsigned Depth = 0; !Parents.empty() && Depth < 256; ++Depth) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD->isTemplateInstantiation();
    Parents = Ctx.getParents(Parents[0]);
  }
  return false;
}

class PolymorphicVisitor : public RecursiveASTVisitor<PolymorphicVisitor> {
 public:
  PolymorphicVisitor(const LookupGraph &G, CheckContext &Ctx) : G(G), Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != "polymorphic")
      return true;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent());
    if (!Spec || !isCovetEntity(Spec->getSpecializedTemplate(), "QuerySet") ||
        Spec->getTemplateArgs().size() < 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return true;
    const LookupModel *Root =
        G.find(Ctx.context(), Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
    if (!Root || Root->Abstract)
      return true;  // an abstract model's query is AbstractModelUseCheck's
    const SourceManager &SM = Ctx.context().getSourceManager();
    const SourceLocation Loc = Call->getExprLoc();
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc) || Reported.contains(Loc.getRawEncoding()))
      return true;

    std::vector<QualType> Listed;
    if (const TemplateArgumentList *Args = MD->getTemplateSpecializationArgs())
      flatten(Args->asArray(), Listed);
    const std::vector<const LookupModel *> Expected = G.polymorphicModelsOf(*Root);

    std::vector<std::string> Problems;
    std::vector<const LookupModel *> Seen;
    PrintingPolicy Policy = Ctx.context().getPrintingPolicy();
    Policy.SuppressTagKeyword = true;
    for (QualType T : Listed) {
      const LookupModel *M = G.find(Ctx.context(), T->getAsCXXRecordDecl());
      const std::string Name = M ? M->Name : T.getAsString(Policy);
      if (!M)
        Problems.push_back("'" + Name + "' is not a model");
      else if (llvm::is_contained(Seen, M))
        Problems.push_back("'" + Name + "' is listed twice");
      else if (M == Root)
        Problems.push_back("'" + Name + "' is the queried model, the first alternative already");
      else if (M->Abstract)
        Problems.push_back("'" + Name + "' is abstract");
      else if (M->Proxy && M->Parent)
        Problems.push_back("'" + Name + "' is a proxy, whose rows load as '" + M->Parent->Name + "'");
      else if (!llvm::is_contained(Expected, M))
        Problems.push_back("'" + Name + "' is not below '" + Root->Name + "'");
      if (M)
        Seen.push_back(M);
    }
    std::vector<std::string> Missing;
    for (const LookupModel *M : Expected)
      if (!llvm::is_contained(Seen, M))
        Missing.push_back("'" + M->Name + "'");
    if (!Missing.empty()) {
      std::string List;
      for (size_t I = 0; I < Missing.size(); ++I)
        List += (I == 0 ? "" : I + 1 == Missing.size() ? " and " : ", ") + Missing[I];
      Problems.insert(Problems.begin(), List + (Missing.size() == 1 ? " is missing" : " are missing"));
    }
    if (Problems.empty())
      return true;
    // Once per call: a template's instantiations are checked until one is
    // wrong.
    Reported.insert(Loc.getRawEncoding());

    std::string Details;
    for (const std::string &P : Problems)
      Details += (Details.empty() ? "" : "; ") + P;
    Ctx.report(Loc, Diag::PolymorphicList)
        << Root->Name << Details << Call->getSourceRange();

    // The whole list, as the user spelled the models already listed.
    const bool Instantiated = inInstantiation(Ctx.context(), *Call);
    const auto *ME = Instantiated ? nullptr : dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
    std::string Fixed;
    for (const LookupModel *M : Expected) {
      std::string Spelling = spelled(*M);
      if (ME)
        for (const TemplateArgumentLoc &A : ME->template_arguments())
          if (A.getArgument().getKind() == TemplateArgument::Type &&
              G.find(Ctx.context(), A.getArgument().getAsType()->getAsCXXRecordDecl()) == M) {
            CharSourceRange R = CharSourceRange::getTokenRange(A.getSourceRange());
            llvm::StringRef Text = Lexer::getSourceText(R, SM, Ctx.context().getLangOpts());
            if (!Text.empty() && !R.getBegin().isMacroID())
              Spelling = Text.str();
          }
      Fixed += (Fixed.empty() ? "" : ", ") + Spelling;
    }
    auto Note = Ctx.report(Loc, Diag::PolymorphicListFix) << Fixed;
    if (!ME || ME->getMemberLoc().isMacroID())
      return true;
    if (ME->hasExplicitTemplateArgs()) {
      Note << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(ME->getLAngleLoc(), ME->getRAngleLoc()), "<" + Fixed + ">");
    } else {
      SourceLocation End =
          Lexer::getLocForEndOfToken(ME->getMemberLoc(), 0, SM, Ctx.context().getLangOpts());
      if (End.isValid())
        Note << FixItHint::CreateInsertion(End, "<" + Fixed + ">");
    }
    return true;
  }

 private:
  const LookupGraph &G;
  CheckContext &Ctx;
  llvm::DenseSet<unsigned> Reported;  // by location: a template's instantiations report once
};

}  // namespace

void checkPolymorphicLists(const LookupGraph &Graph, CheckContext &Ctx) {
  if (Graph.models().empty())
    return;
  PolymorphicVisitor V(Graph, Ctx);
  V.TraverseDecl(Ctx.context().getTranslationUnitDecl());
}

void PolymorphicListCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  checkPolymorphicLists(LookupGraph::fromGraph(Ctx.context(), Graph), Ctx);
}

}  // namespace covet

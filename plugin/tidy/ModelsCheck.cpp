// covet-models (ModelsCheck.h): builds the model graph at the end of the
// translation unit and runs the model rules over it through a TidyReporter.
#include "tidy/ModelsCheck.h"

#include "ModelGraph.h"
#include "UnknownAttributeConsumer.h"
#include "checks/Check.h"
#include "tidy/SharedGraph.h"
#include "tidy/TidyReporter.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace covet::tidy {

namespace {

bool declaredInMainFile(const SourceManager &SM, const Decl *D) {
  return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
}

}  // namespace

void ModelsCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP, Preprocessor *) {
  // The earliest point a check sees the compiler's DiagnosticsEngine: before
  // parsing, so Clang's "unknown attribute ... ignored" for a misspelled
  // covet:: attribute is caught and turned into an error below.
  Unknown = UnknownAttributeConsumer::install(PP->getDiagnostics());
}

void ModelsCheck::registerMatchers(MatchFinder *Finder) {
  // One match per translation unit, whatever the traversal scope: it only
  // hands over the ASTContext; the work is done once, at the end.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ModelsCheck::check(const MatchFinder::MatchResult &Result) { Ctx = Result.Context; }

void ModelsCheck::onStartOfTranslationUnit() { SharedGraph::acquire(); }

void ModelsCheck::onEndOfTranslationUnit() {
  TidyReporter Out(*this);
  if (Unknown)
    Unknown->flush(Out);
  if (Ctx) {
    const ModelGraph &Graph = SharedGraph::get(*Ctx);
    const SourceManager &SM = Ctx->getSourceManager();
    const bool DeclaresModel = llvm::any_of(
        Graph.models(), [&](const auto &M) { return declaredInMainFile(SM, M->Decl); });
    if (DeclaresModel) {
      CheckContext Checks(*Ctx, Out);
      runChecks(Graph, Checks, CheckSet::Model);
    }
    Ctx = nullptr;
  }
  SharedGraph::release();
}

}  // namespace covet::tidy

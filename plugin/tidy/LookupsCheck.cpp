// covet-lookups (LookupsCheck.h): at the end of the translation unit, the
// models it sees plus those of the GraphFiles, then the code rules over the
// translation unit, through a TidyReporter.
#include "tidy/LookupsCheck.h"

#include "GraphJson.h"
#include "LookupGraph.h"
#include "ModelGraph.h"
#include "checks/AbstractModelUseCheck.h"
#include "checks/Check.h"
#include "checks/LookupStringCheck.h"
#include "checks/PolymorphicListCheck.h"
#include "tidy/SharedGraph.h"
#include "tidy/TidyReporter.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/FileManager.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace covet::tidy {

LookupsCheck::LookupsCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), GraphFiles(Options.get("GraphFiles", "")) {}

void LookupsCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "GraphFiles", GraphFiles);
}

void LookupsCheck::registerMatchers(MatchFinder *Finder) {
  // As covet-models: the match only hands over the ASTContext.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void LookupsCheck::check(const MatchFinder::MatchResult &Result) { Ctx = Result.Context; }

void LookupsCheck::onStartOfTranslationUnit() { SharedGraph::acquire(); }

void LookupsCheck::onEndOfTranslationUnit() {
  if (Ctx)
    checkUnit(*Ctx);
  Ctx = nullptr;
  SharedGraph::release();
}

void LookupsCheck::checkUnit(ASTContext &AST) {
  TidyReporter Out(*this);
  LookupGraph Lookups = LookupGraph::fromGraph(AST, SharedGraph::get(AST));

  llvm::SmallVector<llvm::StringRef, 4> Paths;
  llvm::StringRef(GraphFiles).split(Paths, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Path : Paths) {
    Path = Path.trim();
    llvm::SmallString<256> Full(Path);
    // The compile command's directory is the file manager's working
    // directory, as for the command's own relative paths.
    AST.getSourceManager().getFileManager().makeAbsolutePath(Full);
    LookupGraph FromJson;
    std::string Error;
    if (!readGraphJson(std::string(Full), FromJson, Error)) {
      Out.report(SourceLocation(), Diag::CannotReadGraph) << Full.str() << Error;
      return;
    }
    Lookups.fill(FromJson);
  }

  CheckContext Checks(AST, Out);
  checkLookupStrings(Lookups, Checks);
  checkAbstractModelUses(Lookups, Checks);
  checkPolymorphicLists(Lookups, Checks);
}

}  // namespace covet::tidy

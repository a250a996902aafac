// covet-lookups (LookupsCheck.h): at the end of the translation unit, the
// models it sees plus those of the GraphFiles, then the code rules over the
// translation unit, through a TidyReporter.
#include "tidy/LookupsCheck.h"

#include "checks/Check.h"
#include "tidy/SharedGraph.h"
#include "tidy/TidyReporter.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/FileManager.h"
#include "llvm/Support/Path.h"

#include <string>
#include <vector>

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
  llvm::SmallVector<llvm::StringRef, 4> Paths;
  llvm::StringRef(GraphFiles).split(Paths, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> GraphPaths;
  for (llvm::StringRef Path : Paths) {
    llvm::SmallString<256> Full(Path.trim());
    // The compile command's directory is the file manager's working
    // directory, as for the command's own relative paths.
    AST.getSourceManager().getFileManager().makeAbsolutePath(Full);
    GraphPaths.push_back(std::string(Full));
  }
  TidyReporter Out(*this);
  CheckContext Checks(AST, Out);
  runCodeChecks(SharedGraph::get(AST), GraphPaths, Checks);
}

}  // namespace covet::tidy

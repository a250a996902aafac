// covet-models: the model-graph rules of checks/Checks.inc (every
// COVET_CHECK), and misspelled `covet::` attributes, as a clang-tidy check.
//
// What the plugin reports on a model header, clang-tidy and covet-clangd
// report here, with the same wording, notes and fix-its. The rules run when
// the main file itself declares a model: a source file that only includes the
// model headers leaves them to the headers' own run (opening the header in
// the editor, or `clang-tidy models.hpp`), so one model is not reported once
// per file that includes it.
//
// In clangd the check sees the whole translation unit for the graph
// (ModelGraphBuilder widens clangd's main-file traversal scope), so models
// declared in included headers are known as relation targets.
#pragma once

#include "clang-tidy/ClangTidyCheck.h"

namespace covet {
class UnknownAttributeConsumer;
}

namespace covet::tidy {

class ModelsCheck : public clang::tidy::ClangTidyCheck {
 public:
  ModelsCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

 private:
  clang::ASTContext *Ctx = nullptr;
  // Owned by the compiler's DiagnosticsEngine, which outlives the check's
  // run over the translation unit.
  UnknownAttributeConsumer *Unknown = nullptr;
};

}  // namespace covet::tidy

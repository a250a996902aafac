// covet-lookups: the rules about code that uses the models (every
// COVET_CODE_CHECK of checks/Checks.inc: lookup strings such as
// filter("author__name", ...), uses of abstract models, polymorphic type
// lists), as a clang-tidy check, in any source file. The plugin runs the same
// rules in check-only mode.
//
// Option (CheckOptions):
//   covet-lookups.GraphFiles   ';'-separated model graph JSON files (written
//                              by the plugin's emit-graph=, as
//                              covet_add_models() does beside
//                              models.covet.cpp): their models are checked
//                              against too, like -fplugin-arg-covet-graph=,
//                              so the file need not include every model
//                              header. Relative paths are taken from the
//                              compile command's directory.
//
// In clangd the check walks the main file's declarations only (clangd's
// traversal scope), which is where an edit can add a typo; the models
// themselves come from the whole translation unit.
#pragma once

#include "clang-tidy/ClangTidyCheck.h"

#include <string>
#include <vector>

namespace covet::tidy {

class LookupsCheck : public clang::tidy::ClangTidyCheck {
 public:
  LookupsCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

 private:
  void checkUnit(clang::ASTContext &AST);

  const std::string GraphFiles;
  clang::ASTContext *Ctx = nullptr;
};

}  // namespace covet::tidy

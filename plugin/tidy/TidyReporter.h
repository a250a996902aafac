// A Reporter (Diagnostics.h) that reports through a clang-tidy check: the
// text and level come from Diagnostics.inc, so clang-tidy and covet-clangd
// show the plugin's wording; clang-tidy appends the check's name
// ("[covet-models]"), clangd strips it again and shows it as the source.
#pragma once

#include "Diagnostics.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace covet::tidy {

class TidyReporter : public Reporter {
 public:
  explicit TidyReporter(clang::tidy::ClangTidyCheck &Check) : Check(Check) {}

  clang::DiagnosticBuilder report(clang::SourceLocation Loc, Diag D) override {
    // ClangTidyCheck::diag(Loc, ...) wants a location; a diagnostic about the
    // run itself (an unreadable graph file) goes out without one.
    if (Loc.isInvalid())
      return Check.diag(diagText(D), diagLevel(D));
    return Check.diag(Loc, diagText(D), diagLevel(D));
  }

 private:
  clang::tidy::ClangTidyCheck &Check;
};

}  // namespace covet::tidy

// The Covet plugin's diagnostics, from the one table in Diagnostics.inc: the
// wording and level of each (diagText, diagLevel), and the two ways they
// reach a user.
//
//   * covet::report(Engine, Loc, D): straight into a DiagnosticsEngine (the
//     -fplugin action, and the attribute checks, which run inside Sema);
//   * a Reporter: what the model-graph and lookup checks report through, so
//     that they do not care whether they run inside the plugin
//     (EngineReporter) or a clang-tidy check (tidy/TidyReporter.h, used by
//     clang-tidy --load and covet-clangd).
//
// Both return a clang::DiagnosticBuilder, so `<< Arg << FixItHint` streams
// the same way whoever reports.
#pragma once

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/ADT/StringRef.h"

namespace covet {

enum class Diag : unsigned {
#define COVET_DIAG(Name, Level, Text) Name,
#include "Diagnostics.inc"
#undef COVET_DIAG
  NumDiags
};

// The format string of `D` (Clang's %0 / %select syntax).
llvm::StringRef diagText(Diag D);

// Error, Warning or Note.
clang::DiagnosticIDs::Level diagLevel(Diag D);

// The custom diagnostic ID of `D` in `Engine`.
unsigned diagID(clang::DiagnosticsEngine &Engine, Diag D);

inline clang::DiagnosticBuilder report(clang::DiagnosticsEngine &Engine, clang::SourceLocation Loc,
                                       Diag D) {
  return Engine.Report(Loc, diagID(Engine, D));
}

// Where a check's diagnostics go. A note follows the error or warning it
// belongs to, as with DiagnosticsEngine::Report.
class Reporter {
 public:
  virtual ~Reporter() = default;
  // `Loc` may be invalid (a diagnostic about the run, not the code).
  virtual clang::DiagnosticBuilder report(clang::SourceLocation Loc, Diag D) = 0;
};

// Reports into a DiagnosticsEngine, as the -fplugin action does.
class EngineReporter : public Reporter {
 public:
  explicit EngineReporter(clang::DiagnosticsEngine &Engine) : Engine(Engine) {}
  clang::DiagnosticBuilder report(clang::SourceLocation Loc, Diag D) override {
    return covet::report(Engine, Loc, D);
  }

 private:
  clang::DiagnosticsEngine &Engine;
};

}  // namespace covet

// The interface of a model-graph check. Each rule lives in its own
// checks/<Rule>Check.h/.cpp, whose header comment states the rule, why it
// matters and the fix; checks/Checks.inc lists them all and CheckRegistry.cpp
// runs them, once, at the end of the translation unit.
//
// A check reports through CheckContext::report(), which forwards to a
// Reporter (Diagnostics.h): the plugin's reports into the compiler's
// DiagnosticsEngine, the clang-tidy module's through ClangTidyCheck::diag()
// (tidy/TidyReporter.h). So one rule serves the -fplugin action,
// `clang-tidy --load` and covet-clangd alike.
//
// To add a rule: write the class (derive from Check, implement run()), add its
// diagnostics to Diagnostics.inc, add COVET_CHECK(Name) to Checks.inc (or
// COVET_CODE_CHECK(Name) for a rule about code that uses the models) and the
// .cpp to plugin/CMakeLists.txt, and a lit test under lit-tests/.
#pragma once

#include "Diagnostics.h"
#include "ModelGraph.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>

namespace covet {

class CheckContext {
 public:
  // Reports into Diags (the plugin).
  CheckContext(clang::ASTContext &Ctx, clang::DiagnosticsEngine &Diags)
      : Ctx(Ctx), Own(std::in_place, Diags), Out(*Own) {}
  // Reports through Out, which must outlive this context.
  CheckContext(clang::ASTContext &Ctx, Reporter &Out) : Ctx(Ctx), Out(Out) {}
  CheckContext(const CheckContext &) = delete;
  CheckContext &operator=(const CheckContext &) = delete;

  clang::DiagnosticBuilder report(clang::SourceLocation Loc, Diag D) { return Out.report(Loc, D); }
  clang::ASTContext &context() { return Ctx; }

 private:
  clang::ASTContext &Ctx;
  std::optional<EngineReporter> Own;  // Out, when made from a DiagnosticsEngine
  Reporter &Out;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const ModelGraph &Graph, CheckContext &Ctx) = 0;
};

// Which rules of Checks.inc to run.
enum class CheckSet {
  All,    // every rule, in the order listed (the plugin on model headers)
  Model,  // the COVET_CHECK rules: the model graph's own
};

// Runs the checks of Checks.inc in `Which` over the graph.
void runChecks(const ModelGraph &Graph, CheckContext &Ctx, CheckSet Which = CheckSet::All);

// The rules about code that uses the models (the COVET_CODE_CHECK rules)
// over a source file: its own models, filled in with those of the model
// graph JSON files at GraphPaths (GraphJson.h), so that the file need not
// include every model header. A graph that cannot be read is reported
// (CannotReadGraph) and nothing is checked. The plugin's check-only mode
// and the clang-tidy check covet-lookups both run this.
void runCodeChecks(const ModelGraph &Graph, llvm::ArrayRef<std::string> GraphPaths, CheckContext &Ctx);

}  // namespace covet

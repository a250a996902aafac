// Makes a misspelled Covet attribute an error.
//
// Clang only warns "unknown attribute 'foriegn_key' ignored" for an attribute
// no plugin spells, so `[[covet::foriegn_key(covet::CASCADE)]]` would silently
// leave a plain column behind. This consumer sits in front of the compiler's
// diagnostic client: it swallows that warning when the attribute is scoped
// `covet::` and remembers it; the plugin's AST consumer then reports it, via
// flush(), as a real error (counted by the DiagnosticsEngine, seen by -verify)
// with a "did you mean" fix-it. Everything else is forwarded unchanged.
//
// The clang-tidy check covet-models (tidy/ModelsCheck.h) installs one too and
// flushes it through its Reporter, so clang-tidy and covet-clangd report the
// same error instead of Clang's warning.
#pragma once

#include "Diagnostics.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"

#include <memory>
#include <string>
#include <vector>

namespace covet {

class UnknownAttributeConsumer : public clang::DiagnosticConsumer {
 public:
  // Puts a consumer in front of Diags' current client.
  static UnknownAttributeConsumer *install(clang::DiagnosticsEngine &Diags);

  // Reports the misspelled attributes seen so far as errors.
  void flush(clang::DiagnosticsEngine &Diags);
  void flush(Reporter &Out);

  void BeginSourceFile(const clang::LangOptions &LangOpts, const clang::Preprocessor *PP) override;
  void EndSourceFile() override;
  void finish() override;
  void clear() override;
  bool IncludeInDiagnosticCounts() const override;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

 private:
  UnknownAttributeConsumer(clang::DiagnosticConsumer *Inner,
                           std::unique_ptr<clang::DiagnosticConsumer> Owned)
      : Inner(Inner), Owned(std::move(Owned)) {}
  void syncCounts();

  struct Pending {
    clang::SourceLocation NameLoc;
    std::string Name;
  };

  clang::DiagnosticConsumer *Inner;
  std::unique_ptr<clang::DiagnosticConsumer> Owned;
  std::vector<Pending> Misspelled;
};

}  // namespace covet

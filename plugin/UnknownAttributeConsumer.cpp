// Misspelled `covet::` attributes: swallow Clang's warning, report an error.
#include "UnknownAttributeConsumer.h"

#include "Attributes.h"
#include "Diagnostics.h"

#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <cstring>

using namespace clang;

namespace covet {

namespace {

bool isIdentChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9') || C == '_';
}

// If the attribute whose range starts at Begin is written `covet::name`, the
// location of `name`; else an invalid location.
SourceLocation covetScopedName(const SourceManager &SM, SourceLocation Begin) {
  if (Begin.isInvalid() || Begin.isMacroID())
    return SourceLocation();
  bool Invalid = false;
  const char *P = SM.getCharacterData(Begin, &Invalid);
  if (Invalid || !P || std::strncmp(P, "covet", 5) != 0 || isIdentChar(P[5]))
    return SourceLocation();
  unsigned I = 5;
  while (P[I] == ' ' || P[I] == '\t')
    ++I;
  if (P[I] != ':' || P[I + 1] != ':')
    return SourceLocation();
  I += 2;
  while (P[I] == ' ' || P[I] == '\t')
    ++I;
  return Begin.getLocWithOffset(I);
}

}  // namespace

UnknownAttributeConsumer *UnknownAttributeConsumer::install(DiagnosticsEngine &Diags) {
  DiagnosticConsumer *Current = Diags.getClient();
  std::unique_ptr<DiagnosticConsumer> Owned =
      Diags.ownsClient() ? Diags.takeClient() : nullptr;
  auto *C = new UnknownAttributeConsumer(Current, std::move(Owned));
  C->syncCounts();
  Diags.setClient(C, /*ShouldOwnClient=*/true);
  return C;
}

void UnknownAttributeConsumer::syncCounts() {
  // CompilerInstance reads the error count from the outermost client; under
  // -verify the inner client counts verification failures, not diagnostics.
  NumErrors = Inner->getNumErrors();
  NumWarnings = Inner->getNumWarnings();
}

void UnknownAttributeConsumer::BeginSourceFile(const LangOptions &LangOpts,
                                               const Preprocessor *PP) {
  Inner->BeginSourceFile(LangOpts, PP);
  syncCounts();
}

void UnknownAttributeConsumer::EndSourceFile() {
  Inner->EndSourceFile();
  syncCounts();
}

void UnknownAttributeConsumer::finish() {
  Inner->finish();
  syncCounts();
}

void UnknownAttributeConsumer::clear() {
  Inner->clear();
  syncCounts();
}

bool UnknownAttributeConsumer::IncludeInDiagnosticCounts() const {
  return Inner->IncludeInDiagnosticCounts();
}

void UnknownAttributeConsumer::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                                const Diagnostic &Info) {
  if (Info.getID() == diag::warn_unknown_attribute_ignored && Info.hasSourceManager() &&
      Info.getNumArgs() > 0 && Info.getArgKind(0) == DiagnosticsEngine::ak_identifierinfo) {
    SourceLocation Begin =
        Info.getNumRanges() > 0 ? Info.getRange(0).getBegin() : Info.getLocation();
    SourceLocation NameLoc = covetScopedName(Info.getSourceManager(), Begin);
    const IdentifierInfo *II = Info.getArgIdentifier(0);
    if (NameLoc.isValid() && II) {
      Misspelled.push_back({NameLoc, II->getName().str()});
      return;
    }
  }
  Inner->HandleDiagnostic(Level, Info);
  syncCounts();
}

void UnknownAttributeConsumer::flush(DiagnosticsEngine &Diags) {
  EngineReporter Out(Diags);
  flush(Out);
}

void UnknownAttributeConsumer::flush(Reporter &Out) {
  std::vector<Pending> Todo;
  Todo.swap(Misspelled);
  for (const Pending &P : Todo) {
    llvm::StringRef Best;
    unsigned BestDistance = ~0u;
    const unsigned Limit = std::max<unsigned>(1, (P.Name.size() + 2) / 3);
    for (llvm::StringRef Known : allAttrNames()) {
      unsigned D = llvm::StringRef(P.Name).edit_distance(Known, /*AllowReplacements=*/true, Limit);
      if (D <= Limit && D < BestDistance) {
        Best = Known;
        BestDistance = D;
      }
    }
    if (Best.empty()) {
      Out.report(P.NameLoc, Diag::UnknownAttribute) << P.Name;
      continue;
    }
    SourceRange NameRange(P.NameLoc, P.NameLoc);
    Out.report(P.NameLoc, Diag::UnknownAttributeSuggest)
        << P.Name << Best << FixItHint::CreateReplacement(NameRange, Best);
  }
}

}  // namespace covet

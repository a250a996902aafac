// The table of Diagnostics.inc, read back: text and level per diagnostic,
// and their custom IDs in a DiagnosticsEngine.
#include "Diagnostics.h"

#include <iterator>

namespace covet {

namespace {

struct Entry {
  llvm::StringRef Text;
  clang::DiagnosticIDs::Level Level;
};

constexpr Entry Table[] = {
#define COVET_DIAG(Name, Level, Text) {Text, clang::DiagnosticIDs::Level},
#include "Diagnostics.inc"
#undef COVET_DIAG
};
static_assert(std::size(Table) == static_cast<unsigned>(Diag::NumDiags));

}  // namespace

llvm::StringRef diagText(Diag D) { return Table[static_cast<unsigned>(D)].Text; }

clang::DiagnosticIDs::Level diagLevel(Diag D) { return Table[static_cast<unsigned>(D)].Level; }

unsigned diagID(clang::DiagnosticsEngine &Engine, Diag D) {
  // DiagnosticIDs keeps one ID per (level, text), so asking again returns the
  // same ID without making a new one. No cache of our own: covet-clangd builds
  // many translation units at once, on several threads, each with its own
  // engine, and an engine's address may be reused by the next one.
  return Engine.getDiagnosticIDs()->getCustomDiagID(diagLevel(D), diagText(D));
}

}  // namespace covet

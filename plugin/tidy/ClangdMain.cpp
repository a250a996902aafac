// covet-clangd: Debian's clangd 19 (libclangdMain.a) with Covet linked in, so
// an editor shows Covet's diagnostics as you type, without -fplugin (which
// clangd drops from compile commands):
//
//   * Attributes.cpp's ParsedAttrInfo entries make `[[covet::...]]` known
//     attributes, with the plugin's argument checks (no "unknown attribute
//     ignored" warnings);
//   * the clang-tidy module (CovetTidyModule.cpp) adds covet-models and
//     covet-lookups to the checks clangd can run; docs/ide.md says how to
//     enable them in .clangd.
//
// Everything else is clangd, unchanged: this file only forwards to its main,
// after one default (below).
#include <cstring>
#include <string>
#include <vector>

namespace clang::clangd {
// Declared in clang-tools-extra's tool/ClangdMain.h, which Debian does not
// install.
int clangdMain(int argc, char *argv[]);
}  // namespace clang::clangd

int main(int argc, char *argv[]) {
  // clangd finds Clang's builtin headers (<stddef.h>, <stdarg.h>, the
  // intrinsics) in a resource directory next to its own binary, which this
  // binary, built in build/plugin/ or installed in <prefix>/bin/, does not
  // have; point it at the Clang 19 installation it was built against, unless
  // the user chose one.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (std::strncmp(argv[I], "--resource-dir", 14) == 0 || std::strncmp(argv[I], "-resource-dir", 13) == 0)
      HasResourceDir = true;
  std::string ResourceDir = std::string("--resource-dir=") + COVET_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  const int Count = static_cast<int>(Args.size());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(Count, Args.data());
}

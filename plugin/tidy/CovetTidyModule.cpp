// The Covet clang-tidy module: registers covet-models (ModelsCheck.h) and
// covet-lookups (LookupsCheck.h). Built twice over the same objects:
//
//   covet-tidy.so   for `clang-tidy-19 --load=covet-tidy.so --checks='-*,covet-*'`.
//                   It links no Clang library: clang-tidy exports the
//                   clang-tidy API (ClangTidyCheck, the module registry) and
//                   libclang-cpp the rest, and a second copy of either would
//                   register into a registry clang-tidy never reads.
//   covet-clangd    linked into clangd (ClangdMain.cpp).
//
// Either way the objects include Attributes.cpp, whose ParsedAttrInfo
// registry entries make `[[covet::...]]` known attributes to the parser, as
// -fplugin=covet.so does for clang.
#include "tidy/LookupsCheck.h"
#include "tidy/ModelsCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace covet::tidy {

namespace {

class CovetTidyModule : public clang::tidy::ClangTidyModule {
 public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ModelsCheck>("covet-models");
    Factories.registerCheck<LookupsCheck>("covet-lookups");
  }
};

const clang::tidy::ClangTidyModuleRegistry::Add<CovetTidyModule> Registration(
    "covet-module", "Covet ORM: [[covet::model]] structs and the lookup strings that use them");

}  // namespace

}  // namespace covet::tidy

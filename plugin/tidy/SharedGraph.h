// The model graph of the translation unit being checked, built once for
// both clang-tidy checks (covet-models and covet-lookups) instead of once per
// check: building it walks the whole unit, which is most of what the checks
// cost in clangd.
//
// Each check calls acquire() when the unit starts (onStartOfTranslationUnit)
// and release() when it is done with the graph (onEndOfTranslationUnit);
// the last release frees it, so no graph outlives the AST it points into.
// The state is per thread: clang-tidy runs the checks of one unit on one
// thread, and clangd builds different units on different threads.
#pragma once

#include "ModelGraph.h"

namespace covet::tidy {

class SharedGraph {
 public:
  static void acquire();
  // The graph of Ctx's translation unit, built on the first call.
  static const ModelGraph &get(clang::ASTContext &Ctx);
  static void release();
};

}  // namespace covet::tidy

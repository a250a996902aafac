// SharedGraph.h: one model graph per translation unit and thread.
#include "tidy/SharedGraph.h"

#include <optional>

namespace covet::tidy {

namespace {

struct State {
  unsigned Users = 0;
  const clang::ASTContext *Ctx = nullptr;
  std::optional<ModelGraph> Graph;
};

thread_local State Current;

}  // namespace

void SharedGraph::acquire() {
  // A check of the previous unit that never released (it cannot happen with
  // clang-tidy's MatchFinder, which ends every unit it starts) must not
  // keep that unit's graph alive for this one.
  if (Current.Users == 0)
    Current.Graph.reset();
  ++Current.Users;
}

const ModelGraph &SharedGraph::get(clang::ASTContext &Ctx) {
  if (!Current.Graph || Current.Ctx != &Ctx) {
    Current.Graph.emplace(ModelGraphBuilder(Ctx).build());
    Current.Ctx = &Ctx;
  }
  return *Current.Graph;
}

void SharedGraph::release() {
  if (Current.Users > 0 && --Current.Users == 0) {
    Current.Graph.reset();
    Current.Ctx = nullptr;
  }
}

}  // namespace covet::tidy

#include "checks/EnumTextCheck.h"

namespace covet {

void EnumTextCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const clang::EnumDecl *E : Graph.textEnums())
    if (E->enumerators().empty())
      Ctx.report(E->getLocation(), Diag::EnumTextNoEnumerators) << E;
}

}  // namespace covet

#include "checks/OrderingFieldCheck.h"

#include "LookupGraph.h"
#include "checks/LookupStringCheck.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

void OrderingFieldCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  const bool Any = llvm::any_of(Graph.models(), [](const auto &M) { return M->OrderingAttr; });
  if (!Any)
    return;
  const LookupGraph Lookups = LookupGraph::fromGraph(Ctx.context(), Graph);
  // An inherited ordering is checked on each model that uses it, since a
  // path may hold on one child and not on another (a reverse relation that
  // targets one of them); each field is reported once.
  llvm::DenseSet<const clang::Expr *> Reported;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const clang::AnnotateAttr *A = M.OrderingAttr;
    const LookupModel *Root = Lookups.find(M.TypeName);
    if (!A || M.Abstract || !Root)
      continue;
    const bool Inherited = !llvm::is_contained(M.Decl->specific_attrs<clang::AnnotateAttr>(), A);
    for (unsigned I = 0; I < A->args_size(); ++I) {
      const clang::Expr *Field = A->args_begin()[I];
      if (Reported.contains(Field))
        continue;
      const std::optional<std::string> Text = stringArg(A, I);
      bool Valid;
      if (Text && *Text == "-") {
        Ctx.report(Field->getBeginLoc(), Diag::OrderingEmptyField) << M.Name << Field->getSourceRange();
        Valid = false;
      } else {
        Valid = checkOrderField(Lookups, Ctx, *Root, Field);
      }
      if (Valid)
        continue;
      Reported.insert(Field);
      if (Inherited)
        Ctx.report(M.Decl->getLocation(), Diag::OrderingInheritedBy) << M.Name;
    }
  }
}

}  // namespace covet

#include "checks/DuplicateTableCheck.h"

#include "llvm/ADT/StringMap.h"

namespace covet {

void DuplicateTableCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  llvm::StringMap<const Model *> Owners;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract)
      continue;
    if (M.Strategy == Inheritance::Proxy || M.Strategy == Inheritance::SingleTable)
      continue;  // shares its parent's table by design
    auto [It, New] = Owners.try_emplace(llvm::StringRef(M.Table).lower(), &M);
    if (New)
      continue;
    auto Name = [](const Model &X) { return llvm::StringRef(X.TypeName).ltrim(':').str(); };
    Ctx.report(M.Decl->getLocation(), Diag::DuplicateTable)
        << M.Table << Name(M) << Name(*It->second);
    Ctx.report(It->second->Decl->getLocation(), Diag::TargetDeclaredHere) << It->second->Decl;
  }
}

}  // namespace covet

#include "checks/DuplicateIdentityCheck.h"

#include "checks/Hierarchy.h"

#include "llvm/ADT/StringMap.h"

namespace covet {

void DuplicateIdentityCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // "<root type>\0<identity>" -> the first model with that identity.
  llvm::StringMap<const Model *> First;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (!isSingleTable(M) || M.Strategy == Inheritance::Proxy)
      continue;
    std::string Key = M.Root->TypeName;
    Key += '\0';
    Key += M.Identity;
    auto [It, New] = First.try_emplace(Key, &M);
    if (New)
      continue;
    const Model &Prev = *It->second;
    Ctx.report(optionArgLoc(M, AttrId::polymorphic_identity), Diag::DuplicateIdentity)
        << M.Identity << M.Name << Prev.Name << M.Root->Name;
    Ctx.report(optionArgLoc(Prev, AttrId::polymorphic_identity), Diag::IdentityHere)
        << Prev.Name << Prev.Identity << (Prev.PolymorphicIdentity.empty() ? 1 : 0);
  }
}

}  // namespace covet

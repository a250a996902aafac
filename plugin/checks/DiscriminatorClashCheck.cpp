#include "checks/DiscriminatorClashCheck.h"

#include "checks/Hierarchy.h"
#include "checks/SchemaNames.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

void DiscriminatorClashCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // A member of an abstract base is carried by every model deriving from it:
  // one report per member and hierarchy.
  llvm::DenseSet<std::pair<const clang::FieldDecl *, const Model *>> Reported;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (!isSingleTable(M))
      continue;
    const std::string Discriminator = foldCase(M.Discriminator);
    for (const Member *Mem : carriedMembers(M)) {
      if (Mem->Column.empty() || foldCase(Mem->Column) != Discriminator ||
          !Reported.insert({Mem->Field, M.Root}).second)
        continue;
      const clang::StringLiteral *L = literalArg(findAttr(Mem->Field, AttrId::column), 0);
      Ctx.report(L ? L->getBeginLoc() : Mem->Field->getLocation(), Diag::DiscriminatorColumnClash)
          << printable(Mem->Column) << declaredMember(*Mem) << M.Root->Name;
      Ctx.report(optionArgLoc(*M.Root, AttrId::polymorphic_on), Diag::DiscriminatorNamedHere)
          << M.Root->Name << printable(M.Discriminator);
    }
  }
}

}  // namespace covet

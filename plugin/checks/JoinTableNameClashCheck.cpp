#include "checks/JoinTableNameClashCheck.h"

#include "checks/SchemaNames.h"

#include "llvm/ADT/StringMap.h"

namespace covet {

void JoinTableNameClashCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  llvm::StringMap<const Model *> Tables;  // folded name -> model
  for (const TableName &T : tableNames(Graph))
    Tables.try_emplace(foldCase(T.Owner->Table), T.Owner);

  llvm::StringMap<const JoinTableName *> JoinTables;  // folded name -> first join table
  const std::vector<JoinTableName> Joins = joinTableNames(Graph);
  for (const JoinTableName &J : Joins) {
    const std::string Key = foldCase(J.Names.table);
    const clang::SourceLocation Loc = J.Relation->Field->getLocation();
    if (auto It = Tables.find(Key); It != Tables.end()) {
      const Model &Other = *It->second;
      Ctx.report(Loc, Diag::JoinTableIsModelTable)
          << printable(J.Names.table) << qualifiedMember(*J.Source, *J.Relation) << Other.Name;
      Ctx.report(Other.Decl->getLocation(), Diag::TargetDeclaredHere) << Other.Decl;
      continue;
    }
    auto [It, New] = JoinTables.try_emplace(Key, &J);
    if (New)
      continue;
    const JoinTableName &Prev = *It->second;
    if (Prev.Relation == J.Relation && Prev.Source == J.Source)
      continue;
    Ctx.report(Loc, Diag::JoinTableClash)
        << printable(J.Names.table) << qualifiedMember(*J.Source, *J.Relation)
        << qualifiedMember(*Prev.Source, *Prev.Relation);
    Ctx.report(Prev.Relation->Field->getLocation(), Diag::JoinTableDeclaredHere)
        << qualifiedMember(*Prev.Source, *Prev.Relation) << printable(Prev.Names.table);
  }
}

}  // namespace covet

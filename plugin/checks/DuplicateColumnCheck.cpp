#include "checks/DuplicateColumnCheck.h"

#include "checks/SchemaNames.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace covet {

namespace {

// How a member holds its column, for %select in the diagnostics.
unsigned columnKind(const Member &Mem) {
  if (Mem.PrimaryKey)
    return 2;  // primary key column
  if ((Mem.Kind == Storage::Ref || Mem.Kind == Storage::OptionalRef) &&
      (Mem.Relation == RelationAttr::ForeignKey || Mem.Relation == RelationAttr::OneToOne))
    return 1;  // key column of a relation
  return 0;
}

}  // namespace

void DuplicateColumnCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  llvm::StringMap<const Member *> First;  // "<table key>\0<column, folded>" -> first member
  llvm::DenseSet<const clang::FieldDecl *> Reported;
  for (const ColumnName &C : columnNames(Graph)) {
    std::string Key = tableKey(*C.Table);
    Key += '\0';
    Key += foldCase(C.name());
    auto [It, New] = First.try_emplace(Key, C.Mem);
    const Member &Prev = *It->second;
    if (New || Prev.Field == C.Mem->Field || !Reported.insert(C.Mem->Field).second)
      continue;
    Ctx.report(C.Loc, Diag::DuplicateColumn)
        << printable(C.name()) << declaredMember(*C.Mem) << declaredMember(Prev) << columnKind(*C.Mem);
    Ctx.report(Prev.Field->getLocation(), Diag::ColumnDeclaredHere)
        << printable(Prev.Column) << declaredMember(Prev) << columnKind(Prev);
  }
}

}  // namespace covet

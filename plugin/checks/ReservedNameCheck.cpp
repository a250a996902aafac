#include "checks/ReservedNameCheck.h"

#include "checks/SchemaNames.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace covet {

namespace {

bool sqliteReserved(llvm::StringRef Table) { return Table.starts_with_insensitive("sqlite_"); }

bool postgresSystemColumn(llvm::StringRef Column) {
  static const llvm::StringRef System[] = {"tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"};
  return llvm::is_contained(System, Column);
}

}  // namespace

void ReservedNameCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const TableName &T : tableNames(Graph))
    if (sqliteReserved(T.Owner->Table))
      Ctx.report(T.Loc, Diag::SqliteReservedTable) << printable(T.Owner->Table) << T.Owner->Name;
  // A join table of a reserved table says nothing new: report the table only.
  for (const JoinTableName &J : joinTableNames(Graph))
    if (!sqliteReserved(J.Source->Table) && sqliteReserved(J.Names.table))
      Ctx.report(J.Relation->Field->getLocation(), Diag::SqliteReservedJoinTable)
          << printable(J.Names.table) << qualifiedMember(*J.Source, *J.Relation);
  llvm::DenseSet<const clang::FieldDecl *> Seen;
  for (const ColumnName &C : columnNames(Graph))
    if (postgresSystemColumn(C.name()) && Seen.insert(C.Mem->Field).second)
      Ctx.report(C.Loc, Diag::PostgresSystemColumn) << C.name() << declaredMember(*C.Mem);
}

}  // namespace covet

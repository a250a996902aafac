#include "checks/DuplicateColumnCheck.h"

#include "checks/Hierarchy.h"
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

// Two single-table subclasses neither of which derives from the other share
// the columns they both declare (SiblingColumnCheck checks they agree).
bool siblings(const ColumnName &A, const ColumnName &B) {
  return isSingleTable(*A.Table) && isSingleTable(*B.Table) && !sameLine(*A.Table, *B.Table);
}

}  // namespace

void DuplicateColumnCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  // "<table key>\0<column, folded>" -> the columns of that name so far.
  llvm::StringMap<std::vector<ColumnName>> Seen;
  llvm::DenseSet<const clang::FieldDecl *> Reported;
  for (const ColumnName &C : columnNames(Graph)) {
    std::string Key = tableKey(*C.Table);
    Key += '\0';
    Key += foldCase(C.name());
    std::vector<ColumnName> &Before = Seen[Key];
    for (const ColumnName &P : Before) {
      const Member &Prev = *P.Mem;
      if (Prev.Field == C.Mem->Field || siblings(P, C))
        continue;
      if (Prev.Owner->getCanonicalDecl() != C.Mem->Owner->getCanonicalDecl() &&
          nameClash(Prev, *C.Mem) != NameClash::None)
        continue;  // an inherited member redeclared: HiddenMemberCheck's error
      if (!Reported.insert(C.Mem->Field).second)
        break;
      Ctx.report(C.Loc, Diag::DuplicateColumn)
          << printable(C.name()) << declaredMember(*C.Mem) << declaredMember(Prev) << columnKind(*C.Mem);
      Ctx.report(Prev.Field->getLocation(), Diag::ColumnDeclaredHere)
          << printable(Prev.Column) << declaredMember(Prev) << columnKind(Prev);
      break;
    }
    Before.push_back(C);
  }
}

}  // namespace covet

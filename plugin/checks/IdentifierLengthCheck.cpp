#include "checks/IdentifierLengthCheck.h"

#include "Attributes.h"
#include "checks/SchemaNames.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace covet {

namespace {

constexpr size_t Limit = naming::max_identifier_bytes;

// What PostgreSQL keeps of Name: its first Max bytes, cut back to a
// character boundary (pg_mbcliplen).
llvm::StringRef cutName(llvm::StringRef Name, size_t Max = Limit) {
  if (Name.size() <= Max)
    return Name;
  size_t Len = Max;
  while (Len > 0 && (static_cast<unsigned char>(Name[Len]) & 0xC0) == 0x80)
    --Len;
  return Name.take_front(Len);
}

std::string cppString(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

enum Kind : unsigned { TableKind, ColumnKind };

// A name of one scope: the tables of the schema, or the columns of a table.
struct Entry {
  std::string Name;
  std::string Of;  // the model or member, for messages
  clang::SourceLocation Loc;
  const void *Id = nullptr;  // the declaration it belongs to
};

class LengthChecker {
 public:
  LengthChecker(const ModelGraph &G, CheckContext &Ctx) : G(G), Ctx(Ctx) {}

  void run() {
    std::vector<Entry> Tables;
    const std::vector<TableName> Owned = tableNames(G);
    const std::vector<JoinTableName> Joins = joinTableNames(G);
    for (const TableName &T : Owned)
      Tables.push_back({T.Owner->Table, T.Owner->Name, T.Loc, T.Owner});
    for (const JoinTableName &J : Joins)
      Tables.push_back({J.Names.table, qualifiedMember(*J.Source, *J.Relation),
                        J.Relation->Field->getLocation(), &J});

    const std::vector<ColumnName> Cols = columnNames(G);
    llvm::StringMap<std::vector<Entry>> ColumnsByTable;
    for (const ColumnName &C : Cols)
      ColumnsByTable[tableKey(*C.Table)].push_back(
          {C.name().str(), declaredMember(*C.Mem), C.Loc, C.Mem->Field});

    for (const TableName &T : Owned)
      if (T.Owner->Table.size() > Limit)
        table(T, Tables);
    llvm::DenseSet<const clang::FieldDecl *> Seen;
    for (const ColumnName &C : Cols)
      if (C.name().size() > Limit && Seen.insert(C.Mem->Field).second)
        column(C, ColumnsByTable[tableKey(*C.Table)]);
    for (const JoinTableName &J : Joins)
      joinTable(J);
  }

 private:
  void table(const TableName &T, const std::vector<Entry> &Scope) {
    const std::string &Name = T.Owner->Table;
    Ctx.report(T.Loc, Diag::TableNameTooLong)
        << printable(Name) << T.Owner->Name << static_cast<unsigned>(Name.size())
        << static_cast<unsigned>(Limit);
    if (collides(TableKind, Name, T.Owner, Scope))
      return;
    const std::string Short = shorter(Name, T.Owner, Scope);
    if (Short.empty())
      return;
    auto Note = Ctx.report(T.Loc, Diag::ShorterName) << printable(Short);
    if (T.Literal) {
      if (!T.Literal->getBeginLoc().isMacroID() && !T.Literal->getEndLoc().isMacroID())
        Note << clang::FixItHint::CreateReplacement(T.Literal->getSourceRange(), cppString(Short));
      return;
    }
    const clang::AnnotateAttr *A = findAttr(T.Owner->Decl, AttrId::model);
    clang::SourceLocation End = A ? A->getRange().getEnd() : clang::SourceLocation();
    if (End.isValid() && !End.isMacroID())
      Note << clang::FixItHint::CreateInsertion(endOfToken(End), "(" + cppString(Short) + ")");
  }

  void column(const ColumnName &C, const std::vector<Entry> &Scope) {
    const Member &Mem = *C.Mem;
    const bool Key = isKeyStorage(Mem);
    Ctx.report(C.Loc, Diag::ColumnNameTooLong)
        << printable(Mem.Column) << declaredMember(Mem) << static_cast<unsigned>(Mem.Column.size())
        << static_cast<unsigned>(Limit) << Key;
    if (collides(ColumnKind, Mem.Column, Mem.Field, Scope))
      return;
    // An implicit key column keeps its "_id": cut the member's name instead.
    const std::string Short = Key && !C.Literal ? shorter(Mem.name(), Mem.Field, Scope, "_id")
                                                : shorter(Mem.Column, Mem.Field, Scope);
    if (Short.empty())
      return;
    auto Note = Ctx.report(C.Loc, Diag::ShorterName) << printable(Short);
    if (C.Literal) {
      if (!C.Literal->getBeginLoc().isMacroID() && !C.Literal->getEndLoc().isMacroID())
        Note << clang::FixItHint::CreateReplacement(C.Literal->getSourceRange(), cppString(Short));
      return;
    }
    const clang::SourceLocation Begin = Mem.Field->getBeginLoc();
    if (Begin.isValid() && !Begin.isMacroID())
      Note << clang::FixItHint::CreateInsertion(Begin,
                                                "[[covet::column(" + cppString(Short) + ")]] ");
  }

  void joinTable(const JoinTableName &J) {
    const clang::SourceLocation Loc = J.Relation->Field->getLocation();
    const std::string Of = qualifiedMember(*J.Source, *J.Relation);
    if (J.Names.table.size() > Limit)
      Ctx.report(Loc, Diag::JoinTableNameTooLong)
          << printable(J.Names.table) << Of << static_cast<unsigned>(J.Names.table.size())
          << static_cast<unsigned>(Limit) << J.Source->Name;
    const std::pair<const std::string *, const Model *> Columns[] = {
        {&J.Names.source_column, J.Source}, {&J.Names.target_column, J.Relation->TargetModel}};
    for (const auto &[Column, Side] : Columns)
      if (Column->size() > Limit)
        Ctx.report(Loc, Diag::JoinColumnNameTooLong)
            << printable(*Column) << Of << static_cast<unsigned>(Column->size())
            << static_cast<unsigned>(Limit) << Side->Name;
  }

  // Whether PostgreSQL would cut Name to the cut name of another entry of
  // its scope; if so, says which in a note.
  bool collides(Kind K, llvm::StringRef Name, const void *Id, const std::vector<Entry> &Scope) {
    const llvm::StringRef Cut = cutName(Name);
    for (const Entry &E : Scope) {
      if (E.Id == Id || cutName(E.Name) != Cut)
        continue;
      Ctx.report(E.Loc, Diag::TruncatedNamesCollide) << K << printable(E.Name) << E.Of
                                                     << printable(Cut);
      return true;
    }
    return false;
  }

  // Name cut to fit the limit (with Suffix), trailing '_' dropped; empty when
  // that name is already taken in the scope (compared as SQLite does).
  static std::string shorter(llvm::StringRef Name, const void *Id, const std::vector<Entry> &Scope,
                             llvm::StringRef Suffix = "") {
    std::string Short = cutName(Name, Limit - Suffix.size()).rtrim('_').str();
    if (Short.empty())
      return "";
    Short += Suffix;
    const std::string Folded = foldCase(Short);
    for (const Entry &E : Scope)
      if (E.Id != Id && (foldCase(E.Name) == Folded || foldCase(cutName(E.Name)) == Folded))
        return "";
    return Short;
  }

  static bool isKeyStorage(const Member &Mem) {
    return (Mem.Kind == Storage::Ref || Mem.Kind == Storage::OptionalRef) &&
           (Mem.Relation == RelationAttr::ForeignKey || Mem.Relation == RelationAttr::OneToOne);
  }

  clang::SourceLocation endOfToken(clang::SourceLocation Loc) {
    clang::ASTContext &AST = Ctx.context();
    return clang::Lexer::getLocForEndOfToken(Loc, 0, AST.getSourceManager(), AST.getLangOpts());
  }

  const ModelGraph &G;
  CheckContext &Ctx;
};

}  // namespace

void IdentifierLengthCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  LengthChecker(Graph, Ctx).run();
}

}  // namespace covet

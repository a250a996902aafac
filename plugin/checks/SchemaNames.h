// The SQL names create_all() gives the model graph, with where each was
// declared: every table a model owns, every column and the table it lands
// in, every automatic join table and its two key columns. The identifier
// checks (DuplicateColumnCheck, JoinTableNameClashCheck,
// IdentifierCharactersCheck, IdentifierLengthCheck, ReservedNameCheck) read
// the schema from here, so they agree on which names exist.
//
// Where a column lands follows the inheritance rules of the model graph: a
// member of an abstract base is copied into each concrete model deriving from
// it; a member of a concrete parent stays in the parent's table (the child
// lists it, but it is the parent's column); a proxy or single-table child
// shares its parent's table, so its own members land there.
#pragma once

#include "ModelGraph.h"
#include "ReverseRelations.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace covet {

// A table a model owns (not an abstract model, not a proxy or single-table
// child sharing its parent's table).
struct TableName {
  const Model *Owner = nullptr;
  // The covet::model("name") literal, or nullptr when the name is the
  // lower-case class name.
  const clang::StringLiteral *Literal = nullptr;
  // Where to report: the literal, else the model's name.
  clang::SourceLocation Loc;
};

// A member with a column, once per table it lands in.
struct ColumnName {
  const Model *Table = nullptr;  // the model whose table holds it (an abstract model: its own members, checked as if it had a table)
  const Member *Mem = nullptr;
  // The covet::column("name") literal, or nullptr when the name is the
  // member's name (or "<member>_id" for a foreign key or one-to-one).
  const clang::StringLiteral *Literal = nullptr;
  clang::SourceLocation Loc;     // the literal, else the member's name
  llvm::StringRef name() const { return Mem->Column; }
};

// The automatic join table of a many-to-many without covet::through.
struct JoinTableName {
  const Model *Source = nullptr;
  const Member *Relation = nullptr;
  naming::JoinTableNames Names;
};

// Whether model M has a table of its own.
bool ownsTable(const Model &M);
std::vector<TableName> tableNames(const ModelGraph &G);
// In the order of the translation unit: by model, then member order
// (inherited first). A member of an abstract base appears once for the base
// and once more for every concrete model it is copied into.
std::vector<ColumnName> columnNames(const ModelGraph &G);
std::vector<JoinTableName> joinTableNames(const ModelGraph &G);

// The string literal argument I of annotation A, or nullptr.
const clang::StringLiteral *literalArg(const clang::AnnotateAttr *A, unsigned I);

// The table a column of model M lands in, as a key to group columns by: the
// model owning the table (a proxy or single-table child's parent), or an
// abstract model itself. Two models owning one table name are reported by
// DuplicateTableCheck, not as clashes of their columns.
std::string tableKey(const Model &M);

// "Base::name": the class declaring the member, and the member.
std::string declaredMember(const Member &Mem);

// ASCII lower case, as SQLite compares names.
std::string foldCase(llvm::StringRef Name);

// Name with bytes a diagnostic cannot show (NUL, control bytes, bytes that
// are not UTF-8) written as C escapes: "a\0b", "x\xff".
std::string printable(llvm::StringRef Name);

}  // namespace covet

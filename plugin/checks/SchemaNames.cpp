#include "checks/SchemaNames.h"

#include "Attributes.h"

#include "llvm/Support/ConvertUTF.h"

#include <cstdio>

namespace covet {

namespace {

// True when the member is listed with model M but its column lives in the
// table of the concrete parent that declares it.
bool inheritedFromConcrete(const ModelGraph &G, const Model &M, const Member &Mem) {
  const Model *Owner = G.find(Mem.Owner);
  return Owner && Owner != &M && !Owner->Abstract;
}

}  // namespace

bool ownsTable(const Model &M) {
  return !M.Abstract && M.Strategy != Inheritance::Proxy && M.Strategy != Inheritance::SingleTable;
}

const clang::StringLiteral *literalArg(const clang::AnnotateAttr *A, unsigned I) {
  if (!A || I >= A->args_size())
    return nullptr;
  const clang::Expr *E = A->args_begin()[I];
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = llvm::dyn_cast<clang::ConstantExpr>(E))
      E = CE->getSubExpr();
    else
      break;
  }
  return llvm::dyn_cast_or_null<clang::StringLiteral>(E);
}

std::vector<TableName> tableNames(const ModelGraph &G) {
  std::vector<TableName> Out;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    if (!ownsTable(M))
      continue;
    TableName T;
    T.Owner = &M;
    T.Literal = literalArg(findAttr(M.Decl, AttrId::model), 0);
    T.Loc = T.Literal ? T.Literal->getBeginLoc() : M.Decl->getLocation();
    Out.push_back(T);
  }
  return Out;
}

std::vector<ColumnName> columnNames(const ModelGraph &G) {
  std::vector<ColumnName> Out;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    for (const Member &Mem : M.Members) {
      if (Mem.Column.empty() || inheritedFromConcrete(G, M, Mem))
        continue;
      ColumnName C;
      C.Table = &M;
      C.Mem = &Mem;
      C.Literal = literalArg(findAttr(Mem.Field, AttrId::column), 0);
      C.Loc = C.Literal ? C.Literal->getBeginLoc() : Mem.Field->getLocation();
      Out.push_back(C);
    }
  }
  return Out;
}

std::vector<JoinTableName> joinTableNames(const ModelGraph &G) {
  std::vector<JoinTableName> Out;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    if (M.Abstract || M.Proxy)  // the runtime creates none for these either
      continue;
    for (const Member *Mem : ownRelations(G, M))
      if (auto Names = automaticJoinTable(M, *Mem))
        Out.push_back(JoinTableName{&M, Mem, std::move(*Names)});
  }
  return Out;
}

std::string declaredMember(const Member &Mem) {
  return Mem.Owner->getName().str() + "::" + Mem.name().str();
}

std::string foldCase(llvm::StringRef Name) { return Name.lower(); }

std::string tableKey(const Model &M) {
  const Model *Owner = &M;
  while (!Owner->Abstract && !ownsTable(*Owner) && Owner->Parent)
    Owner = Owner->Parent;
  return Owner->TypeName;
}

std::string printable(llvm::StringRef Name) {
  std::string Out;
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Name.data());
  const auto *End = Begin + Name.size();
  for (const llvm::UTF8 *P = Begin; P < End;) {
    const unsigned char C = *P;
    if (C == 0) {
      Out += "\\0";
      ++P;
      continue;
    }
    if (C < 0x20 || C == 0x7f || C == '\\') {
      char Buf[8];
      snprintf(Buf, sizeof Buf, C == '\\' ? "\\\\" : "\\x%02x", C);
      Out += Buf;
      ++P;
      continue;
    }
    const unsigned N = llvm::getNumBytesForUTF8(C);
    if (C < 0x80 || (P + N <= End && llvm::isLegalUTF8Sequence(P, P + N))) {
      Out.append(reinterpret_cast<const char *>(P), N);
      P += N;
      continue;
    }
    char Buf[8];
    snprintf(Buf, sizeof Buf, "\\x%02x", C);
    Out += Buf;
    ++P;
  }
  return Out;
}

}  // namespace covet

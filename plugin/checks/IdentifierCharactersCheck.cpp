#include "checks/IdentifierCharactersCheck.h"

#include "checks/SchemaNames.h"

#include "clang/Basic/TargetInfo.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/ConvertUTF.h"

#include <optional>

namespace covet {

namespace {

// The offset of the first byte of Name that is not part of a well-formed
// UTF-8 sequence (overlong forms and surrogates included), or nullopt.
std::optional<size_t> firstInvalidUtf8(llvm::StringRef Name) {
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Name.data());
  const auto *End = Begin + Name.size();
  for (const llvm::UTF8 *P = Begin; P < End;) {
    if (*P < 0x80) {
      ++P;
      continue;
    }
    const unsigned N = llvm::getNumBytesForUTF8(*P);
    if (P + N > End || !llvm::isLegalUTF8Sequence(P, P + N))
      return static_cast<size_t>(P - Begin);
    P += N;
  }
  return std::nullopt;
}

}  // namespace

void IdentifierCharactersCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  clang::ASTContext &AST = Ctx.context();
  // The location of byte Offset of the name: inside its literal when it
  // has one, else where the name was declared.
  auto At = [&](const clang::StringLiteral *Literal, clang::SourceLocation Loc, size_t Offset) {
    if (!Literal || Loc.isMacroID())
      return Loc;
    return Literal->getLocationOfByte(static_cast<unsigned>(Offset), AST.getSourceManager(),
                                      AST.getLangOpts(), AST.getTargetInfo());
  };
  enum { Table, Column };
  auto CheckName = [&](unsigned Kind, llvm::StringRef Name, const std::string &Of,
                       const clang::StringLiteral *Literal, clang::SourceLocation Loc) {
    if (size_t Nul = Name.find('\0'); Nul != llvm::StringRef::npos) {
      Ctx.report(At(Literal, Loc, Nul), Diag::IdentifierNulByte) << Kind << printable(Name) << Of;
      return;
    }
    if (auto Bad = firstInvalidUtf8(Name)) {
      char Hex[3];
      snprintf(Hex, sizeof Hex, "%02x", static_cast<unsigned char>(Name[*Bad]));
      Ctx.report(At(Literal, Loc, *Bad), Diag::IdentifierNotUtf8)
          << Kind << printable(Name) << Of << Hex << static_cast<unsigned>(*Bad);
    }
  };

  for (const TableName &T : tableNames(Graph))
    CheckName(Table, T.Owner->Table, T.Owner->Name, T.Literal, T.Loc);
  llvm::DenseSet<const clang::FieldDecl *> Seen;  // a member inherited by several models
  for (const ColumnName &C : columnNames(Graph))
    if (Seen.insert(C.Mem->Field).second)
      CheckName(Column, C.name(), declaredMember(*C.Mem), C.Literal, C.Loc);
}

}  // namespace covet

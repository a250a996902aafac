#include "checks/ModelOptionCheck.h"

#include "checks/SchemaNames.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace covet {

namespace {

using namespace clang;

// The range of `("name")` around the literal L, the argument of
// covet::model; invalid when the source does not spell it so.
CharSourceRange argumentsRange(ASTContext &Ctx, const StringLiteral *L) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (L->getBeginLoc().isMacroID() || L->getEndLoc().isMacroID() || L->getNumConcatenated() != 1)
    return {};
  std::optional<Token> Close = Lexer::findNextToken(L->getEndLoc(), SM, LO);
  if (!Close || !Close->is(tok::r_paren))
    return {};
  // The '(' is the last token before the literal: step back over whitespace.
  const SourceLocation Begin = L->getBeginLoc();
  const char *Start = SM.getCharacterData(Begin);
  const FileID File = SM.getFileID(Begin);
  const char *FileStart = SM.getBufferData(File).data();
  const char *P = Start;
  while (P > FileStart && isspace(static_cast<unsigned char>(P[-1])))
    --P;
  if (P == FileStart || P[-1] != '(')
    return {};
  const SourceLocation Open = Begin.getLocWithOffset(-static_cast<int>(Start - P) - 1);
  return CharSourceRange::getTokenRange(Open, Close->getLocation());
}

void tableName(const Model &M, CheckContext &Ctx) {
  const AnnotateAttr *A = findAttr(M.Decl, AttrId::model);
  const StringLiteral *L = literalArg(A, 0);
  if (!L)
    return;
  unsigned Why;
  if (M.Abstract)
    Why = 2;
  else if (M.Strategy == Inheritance::Proxy)
    Why = 1;
  else if (M.Strategy == Inheritance::SingleTable)
    Why = 0;
  else
    return;
  auto D = Ctx.report(L->getBeginLoc(), Diag::TableNameWithoutTable)
           << printable(L->getString()) << M.Name
           << (Why == 0 ? M.Root->Name : M.Parent ? M.Parent->Name : "") << Why;
  if (CharSourceRange R = argumentsRange(Ctx.context(), L); R.isValid())
    D << FixItHint::CreateRemoval(R);
}

void exclusive(const Model &M, AttrId First, AttrId Second, unsigned Why, CheckContext &Ctx) {
  const AnnotateAttr *A = findAttr(M.Decl, First);
  const AnnotateAttr *B = findAttr(M.Decl, Second);
  if (!A || !B)
    return;
  Ctx.report(B->getLocation(), Diag::ContradictoryOptions)
      << ("covet::" + attrName(Second)).str() << M.Name << ("covet::" + attrName(First)).str()
      << Why;
}

}  // namespace

void ModelOptionCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    tableName(M, Ctx);
    exclusive(M, AttrId::abstract, AttrId::proxy, 0, Ctx);
    exclusive(M, AttrId::abstract, AttrId::multi_table, 1, Ctx);
    exclusive(M, AttrId::proxy, AttrId::multi_table, 2, Ctx);
  }
}

}  // namespace covet

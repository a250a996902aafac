#include "checks/NestedSetColumnCheck.h"

#include "checks/SchemaNames.h"
#include "checks/TreeMixins.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

namespace covet {

namespace {

using namespace clang;

// The source range of F's whole declaration, `[[attrs]] type name = init;`,
// when it declares F alone and can be removed; else an invalid range.
CharSourceRange declarationRange(const FieldDecl *F, ASTContext &AST) {
  const SourceManager &SM = AST.getSourceManager();
  const SourceLocation TypeBegin = F->getBeginLoc();
  const SourceLocation End = F->getEndLoc();
  if (TypeBegin.isInvalid() || End.isInvalid() || TypeBegin.isMacroID() || End.isMacroID() ||
      SM.isInSystemHeader(TypeBegin))
    return {};
  const auto [File, TypeOffset] = SM.getDecomposedLoc(TypeBegin);
  // The attributes come before the type: start at the `[[` of the first.
  unsigned First = TypeOffset;
  for (const Attr *A : F->attrs()) {
    const SourceLocation L = A->getLocation();
    if (L.isInvalid() || L.isMacroID())
      continue;
    const auto [AttrFile, AttrOffset] = SM.getDecomposedLoc(L);
    if (AttrFile == File && AttrOffset < First)
      First = AttrOffset;
  }
  unsigned Begin = First;
  if (First != TypeOffset) {
    bool Invalid = false;
    const llvm::StringRef Text = SM.getBufferData(File, &Invalid);
    if (Invalid)
      return {};
    const size_t Open = Text.substr(0, First).rfind("[[");
    if (Open == llvm::StringRef::npos)
      return {};
    Begin = static_cast<unsigned>(Open);
  }
  // Declared alone: the next token after the declarator is the `;`.
  std::optional<Token> Next = Lexer::findNextToken(End, SM, AST.getLangOpts());
  if (!Next || !Next->is(tok::semi))
    return {};
  return CharSourceRange::getTokenRange(SM.getComposedLoc(File, Begin), Next->getLocation());
}

}  // namespace

void NestedSetColumnCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  ASTContext &AST = Ctx.context();
  llvm::DenseSet<const FieldDecl *> Reported;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    const std::vector<TreeMixinUse> Uses = treeMixinUses(Graph, M);
    const TreeMixinUse *NS = nestedSetUse(Uses);
    if (!NS)
      continue;
    for (const Member &Mem : M.Members) {
      if (treeMixin(Mem.Owner) != TreeKind::None || !isNestedSetColumnName(*NS, Mem.name()))
        continue;
      if (M.Proxy && Mem.Owner->getCanonicalDecl() == M.Decl->getCanonicalDecl())
        continue;  // a proxy's own data member: ProxyShapeCheck's
      if (!Reported.insert(Mem.Field).second)
        continue;
      {
        auto D = Ctx.report(Mem.Field->getLocation(), Diag::NestedSetColumnRedeclared)
                 << Mem.name() << Mem.Owner->getName() << mixinName(AST, *NS);
        if (CharSourceRange R = declarationRange(Mem.Field, AST); R.isValid())
          D << FixItHint::CreateRemoval(R);
      }
      Ctx.report(NS->Written->getBeginLoc(), Diag::NestedSetMixinHere)
          << NS->Declarer->Name << mixinName(AST, *NS) << NS->Written->getSourceRange();
    }
  }
}

}  // namespace covet

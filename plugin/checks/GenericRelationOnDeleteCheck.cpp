#include "checks/GenericRelationOnDeleteCheck.h"

#include "ReverseRelations.h"
#include "checks/GenericMembers.h"

#include "clang/Lex/Lexer.h"

namespace covet {

namespace {

// covet::OnDelete's values.
constexpr unsigned Cascade = 0, SetNull = 2, DoNothing = 5;

// Inserts std::optional< > around the type written for F, when plain.
void wrapInOptional(clang::ASTContext &AST, const clang::FieldDecl *F, clang::DiagnosticBuilder &D) {
  const clang::TypeSourceInfo *TSI = F->getTypeSourceInfo();
  if (!TSI)
    return;
  clang::SourceRange R = TSI->getTypeLoc().getSourceRange();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return;
  clang::SourceLocation End =
      clang::Lexer::getLocForEndOfToken(R.getEnd(), 0, AST.getSourceManager(), AST.getLangOpts());
  if (End.isInvalid())
    return;
  D << clang::FixItHint::CreateInsertion(R.getBegin(), "std::optional<")
    << clang::FixItHint::CreateInsertion(End, ">");
}

}  // namespace

void GenericRelationOnDeleteCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  clang::ASTContext &AST = Ctx.context();
  for (const auto &[M, Rel] : Graph.distinctMembers()) {
    if (Rel->Kind != Storage::GenericRelation || !Rel->GenericRelationAnnotation)
      continue;
    const clang::AnnotateAttr *A = Rel->GenericRelationAnnotation;
    const unsigned Policy = Rel->GenericOnDelete.Value;
    if (Policy != Cascade && Policy != SetNull && Policy != DoNothing) {
      const clang::Expr *Arg = A->args_size() ? A->args_begin()[0] : nullptr;
      const clang::SourceLocation At = Arg ? Arg->getBeginLoc() : A->getLocation();
      llvm::StringRef Text =
          Arg ? clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(Arg->getSourceRange()),
                                            AST.getSourceManager(), AST.getLangOpts())
              : llvm::StringRef();
      Ctx.report(At, Diag::GenericRelationBadOnDelete) << (Text.empty() ? "covet::SET(fn)" : Text);
      continue;
    }
    if (Policy != SetNull || !Rel->TargetModel)
      continue;
    const Model &T = *Rel->TargetModel;
    for (llvm::StringRef Name : {llvm::StringRef(Rel->ContentTypeField), llvm::StringRef(Rel->ObjectIdField)}) {
      const Member *Col = T.member(Name);
      if (!Col || Col->isGeneric() || isOptionalType(Col->Field->getType()))
        continue;  // missing or misshapen: the other generic checks report it
      const std::string ColLabel = qualifiedMember(T, *Col);
      Ctx.report(Rel->Field->getLocation(), Diag::GenericSetNullNotNullable)
          << qualifiedMember(*M, *Rel) << ColLabel << Col->Field->getType();
      auto D = Ctx.report(Col->Field->getLocation(), Diag::GenericSetNullMakeOptional)
               << ColLabel << Col->Field->getType().getAsString(AST.getPrintingPolicy());
      wrapInOptional(AST, Col->Field, D);
    }
  }
}

}  // namespace covet

#include "checks/UniqueTogetherCheck.h"

#include "ReverseRelations.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

namespace covet {

namespace {

using namespace clang;

// What a member is, when it cannot be in a unique constraint; nullptr when
// it has a column.
const char *notColumn(const Member &Mem) {
  switch (Mem.Kind) {
    case Storage::RefSet: return "a many-to-many";
    case Storage::ReverseSet:
    case Storage::ReverseOne: return "a reverse member";
    case Storage::Prefetched: return "a prefetched member";
    case Storage::GenericRef: return "a generic reference";
    case Storage::GenericRelation: return "a generic relation";
    case Storage::Id:
    case Storage::Uuid:
    case Storage::Ref:
    case Storage::OptionalRef:
    case Storage::Other: break;
  }
  return nullptr;
}

// The member with a column whose name is closest to Name, if close enough to
// be a typo (the same bound as the other did-you-mean notes).
const Member *closest(const Model &M, llvm::StringRef Name) {
  const Member *Best = nullptr;
  unsigned BestD = ~0u;
  for (const Member &C : M.Members) {
    if (notColumn(C))
      continue;
    unsigned D = Name.edit_distance(C.name());
    if (D <= std::max<size_t>(1, (Name.size() + 2) / 3) && D < BestD) {
      BestD = D;
      Best = &C;
    }
  }
  return Best;
}

std::string columnChoices(const Model &M) {
  std::string Out;
  for (const Member &C : M.Members)
    if (!notColumn(C))
      Out += (Out.empty() ? "" : ", ") + C.name().str();
  return Out;
}

void checkOne(const Model &M, const UniqueTogether &U, CheckContext &Ctx) {
  const AnnotateAttr *A = U.Attr;
  const SourceManager &SM = Ctx.context().getSourceManager();
  const LangOptions &LO = Ctx.context().getLangOpts();
  if (U.Names.size() < 2) {
    Ctx.report(A->getLocation(), Diag::UniqueTogetherTooFew)
        << M.Name << static_cast<unsigned>(U.Names.size());
    if (U.Names.size() == 1)
      if (const Member *Only = M.member(U.Names[0]); Only && !notColumn(*Only) && !Only->Unique)
        Ctx.report(Only->Field->getLocation(), Diag::ToFieldMarkUnique)
            << qualifiedMember(M, *Only)
            << FixItHint::CreateInsertion(Only->Field->getOuterLocStart(), "[[covet::unique]] ");
  }
  llvm::StringMap<const Expr *> Seen;
  for (unsigned I = 0; I < U.Names.size() && I < A->args_size(); ++I) {
    const std::string &Name = U.Names[I];
    const Expr *Arg = A->args_begin()[I];
    const bool Editable = !Arg->getBeginLoc().isMacroID();
    if (auto [It, Inserted] = Seen.try_emplace(Name, Arg); !Inserted) {
      {
        auto D = Ctx.report(Arg->getBeginLoc(), Diag::UniqueTogetherRepeated) << Name << Arg->getSourceRange();
        // Remove `, "name"`: from the end of the previous argument to the
        // end of this one.
        const Expr *Prev = A->args_begin()[I - 1];
        if (Editable && !Prev->getEndLoc().isMacroID())
          D << FixItHint::CreateRemoval(CharSourceRange::getCharRange(
              Lexer::getLocForEndOfToken(Prev->getEndLoc(), 0, SM, LO),
              Lexer::getLocForEndOfToken(Arg->getEndLoc(), 0, SM, LO)));
      }  // one diagnostic in flight at a time
      Ctx.report(It->second->getBeginLoc(), Diag::UniqueTogetherFirstNamed) << Name;
      continue;
    }
    const Member *Named = M.member(Name);
    if (!Named) {
      Ctx.report(Arg->getBeginLoc(), Diag::UniqueTogetherUnknown) << Name << M.Name << Arg->getSourceRange();
      if (const Member *Best = closest(M, Name)) {
        auto N = Ctx.report(Arg->getBeginLoc(), Diag::LookupDidYouMean) << Best->name();
        if (Editable)
          N << FixItHint::CreateReplacement(Arg->getSourceRange(), "\"" + Best->name().str() + "\"");
      } else {
        Ctx.report(Arg->getBeginLoc(), Diag::LookupFieldChoices) << M.Name << columnChoices(M);
      }
      continue;
    }
    if (const char *What = notColumn(*Named)) {
      Ctx.report(Arg->getBeginLoc(), Diag::UniqueTogetherNotColumn)
          << Name << M.Name << What << Arg->getSourceRange();
      Ctx.report(Named->Field->getLocation(), Diag::RelationDeclaredHere) << qualifiedMember(M, *Named);
    }
  }
}

}  // namespace

void UniqueTogetherCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &M : Graph.models()) {
    // Each attribute once, at the model that writes it (not again at the
    // models inheriting it from an abstract base).
    const auto Own = findAttrs(M->Decl, AttrId::unique_together);
    for (const UniqueTogether &U : M->UniqueTogethers)
      if (llvm::is_contained(Own, U.Attr))
        checkOne(*M, U, Ctx);
  }
}

}  // namespace covet

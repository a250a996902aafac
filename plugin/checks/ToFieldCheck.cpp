#include "checks/ToFieldCheck.h"

#include "ReverseRelations.h"

namespace covet {

void ToFieldCheck::run(const ModelGraph &Graph, CheckContext &Ctx) {
  for (const auto &[M, Mem] : Graph.distinctMembers()) {
    if (!Mem->ToField || !isKeyRelation(*Mem))
      continue;
    const Model &T = *Mem->TargetModel;
    const clang::AnnotateAttr *A = findAttr(Mem->Field, AttrId::to_field);
    const Member *Named = nullptr;
    for (const Member &C : T.Members)
      if (C.name() == *Mem->ToField && !Named)
        Named = &C;
    const bool Column = Named && Named->Kind != Storage::RefSet &&
                        Named->Kind != Storage::ReverseSet && Named->Kind != Storage::ReverseOne;
    if (!Column) {
      Ctx.report(A->getLocation(), Diag::ToFieldUnknown) << *Mem->ToField << Mem->name() << T.Name;
      // The closest column, as a suggestion.
      const Member *Best = nullptr;
      unsigned BestD = ~0u;
      llvm::StringRef S(*Mem->ToField);
      for (const Member &C : T.Members) {
        if (C.Kind == Storage::RefSet || C.Kind == Storage::ReverseSet ||
            C.Kind == Storage::ReverseOne)
          continue;
        unsigned D = S.edit_distance(C.name());
        if (D <= std::max<size_t>(1, (S.size() + 2) / 3) && D < BestD) {
          BestD = D;
          Best = &C;
        }
      }
      if (Best) {
        auto N = Ctx.report(A->getLocation(), Diag::LookupDidYouMean) << Best->name();
        if (A->args_size() == 1 && !A->args_begin()[0]->getBeginLoc().isMacroID())
          N << clang::FixItHint::CreateReplacement(A->args_begin()[0]->getSourceRange(),
                                                   "\"" + Best->name().str() + "\"");
      }
      continue;
    }
    if (Named->PrimaryKey || Named->Unique)
      continue;
    Ctx.report(A->getLocation(), Diag::ToFieldNotUnique) << *Mem->ToField << Mem->name() << T.Name;
    Ctx.report(Named->Field->getLocation(), Diag::ToFieldMarkUnique)
        << qualifiedMember(T, *Named)
        << clang::FixItHint::CreateInsertion(Named->Field->getOuterLocStart(), "[[covet::unique]] ");
  }
}

}  // namespace covet

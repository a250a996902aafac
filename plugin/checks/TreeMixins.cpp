#include "checks/TreeMixins.h"

#include "llvm/ADT/DenseSet.h"

namespace covet {

namespace {

using namespace clang;

void collect(const ModelGraph &G, const Model &Top, const Model &At, const CXXBaseSpecifier *Via,
             const Model *Carrier, unsigned Depth, llvm::DenseSet<const Decl *> &Seen,
             std::vector<TreeMixinUse> &Out) {
  if (Depth > 64)
    return;
  for (const CXXBaseSpecifier &B : At.Decl->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base || !(Base = Base->getDefinition()))
      continue;
    const CXXBaseSpecifier *Through = &At == &Top ? &B : Via;
    if (TreeKind K = treeMixin(Base); K != TreeKind::None) {
      if (!Seen.insert(Base->getCanonicalDecl()).second)
        continue;
      TreeMixinUse U;
      U.Kind = K;
      U.Mixin = cast<ClassTemplateSpecializationDecl>(Base);
      const TemplateArgumentList &Args = U.Mixin->getTemplateArgs();
      if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type)
        U.Argument = Args[0].getAsType();
      U.Written = &B;
      U.Declarer = &At;
      U.Via = Through;
      U.ConcreteCarrier = Carrier;
      Out.push_back(U);
    } else if (const Model *BM = G.find(Base)) {
      collect(G, Top, *BM, Through, Carrier ? Carrier : BM->Abstract ? nullptr : BM, Depth + 1,
              Seen, Out);
    }
  }
}

}  // namespace

std::vector<TreeMixinUse> treeMixinUses(const ModelGraph &G, const Model &M) {
  std::vector<TreeMixinUse> Out;
  llvm::DenseSet<const Decl *> Seen;
  collect(G, M, M, nullptr, nullptr, 0, Seen, Out);
  return Out;
}

const TreeMixinUse *ownTreeMixin(const Model &M, const std::vector<TreeMixinUse> &Uses) {
  if (M.Abstract)
    return nullptr;
  const TreeMixinUse *Own = nullptr;
  for (const TreeMixinUse &U : Uses) {
    if (U.ConcreteCarrier)
      return nullptr;  // a child of a tree model; a mixin of its own is TreeMixinConflictCheck's
    if (!Own)
      Own = &U;
  }
  return Own;
}

std::string mixinName(const ASTContext &Ctx, const TreeMixinUse &U) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  Policy.SuppressScope = false;
  return QualType(U.Mixin->getTypeForDecl(), 0).getAsString(Policy);
}

bool isNestedSetColumnName(const TreeMixinUse &NestedSet, llvm::StringRef Name) {
  if (Name == "lft" || Name == "rgt" || Name == "tree_id" || Name == "level")
    return true;
  for (const FieldDecl *F : NestedSet.Mixin->fields())
    if (F->getAccess() == AS_public && F->getIdentifier() && F->getName() == Name)
      return true;
  return false;
}

const TreeMixinUse *nestedSetUse(const std::vector<TreeMixinUse> &Uses) {
  for (const TreeMixinUse &U : Uses)
    if (U.Kind == TreeKind::NestedSet)
      return &U;
  return nullptr;
}

}  // namespace covet

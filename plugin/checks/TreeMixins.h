// The tree mixins a model derives from (covet::TreeNode<T>,
// covet::NestedSetNode<T>), found the way the model graph finds their
// columns: through the model's own base list and those of its model bases
// (abstract or concrete). A plain struct holding a mixin is
// NonModelBaseCheck's error (the mixin's handle is a data member), so the
// walk does not enter one. The tree checks (TreeParentCheck,
// NestedSetColumnCheck, TreeMixinConflictCheck, TreeMixinArgumentCheck) read
// the uses from here, so they agree on which model a mixin belongs to.
//
// The model a mixin belongs to (its "tree model") is the first concrete
// model on the path from the mixin up: a multi-table, single-table or proxy
// child of a tree model inherits the mixin through its concrete parent and
// is a node of the parent's tree (the mixin's methods return the parent
// model, the `parent` key is the parent's). So the rules about the mixin's
// argument and the `parent` key are checked once, at the tree model.
#pragma once

#include "ModelGraph.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace covet {

struct TreeMixinUse {
  TreeKind Kind = TreeKind::None;
  const clang::ClassTemplateSpecializationDecl *Mixin = nullptr;  // TreeNode<Category>
  clang::QualType Argument;                                       // Category
  // The base specifier that names the mixin, in the base list of Declarer
  // (the model itself or one of its model bases).
  const clang::CXXBaseSpecifier *Written = nullptr;
  const Model *Declarer = nullptr;
  // The model's own base specifier the mixin comes through (Written when
  // the model names the mixin itself).
  const clang::CXXBaseSpecifier *Via = nullptr;
  // The first concrete model between the model (excluded) and the mixin,
  // Declarer included: the model is then a child of that tree model. Null
  // when the model brings the mixin itself (directly or through abstract
  // bases).
  const Model *ConcreteCarrier = nullptr;

  bool direct() const { return Written == Via; }
};

// Every tree mixin M derives from, each once, in base order (depth first).
std::vector<TreeMixinUse> treeMixinUses(const ModelGraph &G, const Model &M);

// The mixin use M brings itself (not through a concrete parent) when M is
// concrete and is no child of a tree model: M is then a tree model, the
// first such use; else nullptr.
const TreeMixinUse *ownTreeMixin(const Model &M, const std::vector<TreeMixinUse> &Uses);

// "covet::TreeNode<Category>", as the user reads it.
std::string mixinName(const clang::ASTContext &Ctx, const TreeMixinUse &U);

// The names of the columns covet::NestedSetNode maintains (lft, rgt,
// tree_id, level, and any other public data member the mixin declares).
bool isNestedSetColumnName(const TreeMixinUse &NestedSet, llvm::StringRef Name);
// The nested-set mixin M derives from, or nullptr.
const TreeMixinUse *nestedSetUse(const std::vector<TreeMixinUse> &Uses);

}  // namespace covet

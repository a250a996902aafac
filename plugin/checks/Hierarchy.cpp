#include "checks/Hierarchy.h"

#include "checks/SchemaNames.h"

namespace covet {

bool derivesFrom(const Model &M, const Model &Ancestor) {
  return &M != &Ancestor && M.Decl->isDerivedFrom(Ancestor.Decl);
}

bool sameLine(const Model &A, const Model &B) {
  return &A == &B || derivesFrom(A, B) || derivesFrom(B, A);
}

bool isSingleTable(const Model &M) { return !M.Abstract && !M.Discriminator.empty(); }

std::vector<const Model *> concreteModelsOf(const ModelGraph &G, const Model &A) {
  std::vector<const Model *> Out;
  for (const auto &MP : G.models()) {
    const Model &M = *MP;
    if (M.Abstract || !derivesFrom(M, A))
      continue;
    // A concrete model between M and A means M is that model's child, not
    // one of A's own concrete models.
    const bool Through = llvm::any_of(G.models(), [&](const auto &Mid) {
      return !Mid->Abstract && Mid.get() != &M && derivesFrom(M, *Mid) && derivesFrom(*Mid, A);
    });
    if (!Through)
      Out.push_back(&M);
  }
  return Out;
}

std::vector<const Member *> carriedMembers(const Model &M) {
  std::vector<const Member *> Out;
  for (const Member &Mem : M.Members)
    if (M.owner(Mem) == &M)
      Out.push_back(&Mem);
  return Out;
}

namespace {

void collectAncestors(const ModelGraph &G, const clang::CXXRecordDecl *RD,
                      std::vector<const Model *> &Out, unsigned Depth) {
  if (Depth > 64)
    return;
  for (const clang::CXXBaseSpecifier &B : RD->bases()) {
    const clang::CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base || !(Base = Base->getDefinition()))
      continue;
    if (const Model *BM = G.find(Base); BM && !llvm::is_contained(Out, BM))
      Out.push_back(BM);
    collectAncestors(G, Base, Out, Depth + 1);
  }
}

}  // namespace

const Model *concreteCarrier(const ModelGraph &G, const Model &M, const Member &Mem) {
  std::vector<const Model *> Ancestors;
  collectAncestors(G, M.Decl, Ancestors, 0);
  for (const Model *C : Ancestors) {
    if (C->Abstract)
      continue;
    for (const Member &Other : C->Members)
      if (Other.Field == Mem.Field)
        return C;
  }
  return nullptr;
}

namespace {

bool holdsKey(const Member &M) {
  return (M.Kind == Storage::Ref || M.Kind == Storage::OptionalRef) &&
         (M.Relation == RelationAttr::ForeignKey || M.Relation == RelationAttr::OneToOne);
}

bool isKeyName(const Member &Key, const Member &Other) {
  return holdsKey(Key) && Other.name().size() == Key.name().size() + 3 &&
         Other.name().starts_with(Key.name()) && Other.name().ends_with("_id");
}

}  // namespace

NameClash nameClash(const Member &First, const Member &Second) {
  if (First.name() == Second.name())
    return NameClash::SameName;
  if (isKeyName(First, Second))
    return NameClash::FirstIsKey;
  if (isKeyName(Second, First))
    return NameClash::SecondIsKey;
  return NameClash::None;
}

std::string quotedList(const std::vector<std::string> &Names, llvm::StringRef Conj) {
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Names.size() ? " " + Conj.str() + " " : ", ";
    Out += "'" + Names[I] + "'";
  }
  return Out;
}

std::vector<std::string> modelNames(const std::vector<const Model *> &Models) {
  std::vector<std::string> Out;
  for (const Model *M : Models)
    Out.push_back(M->Name);
  return Out;
}

clang::SourceLocation optionLoc(const Model &M, AttrId Id) {
  if (const clang::AnnotateAttr *A = findAttr(M.Decl, Id))
    return A->getLocation();
  return M.Decl->getLocation();
}

clang::SourceLocation optionArgLoc(const Model &M, AttrId Id) {
  if (const clang::StringLiteral *L = literalArg(findAttr(M.Decl, Id), 0))
    return L->getBeginLoc();
  return optionLoc(M, Id);
}

}  // namespace covet

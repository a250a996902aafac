// The model graph: every [[covet::model]] struct of the translation unit, its
// options, its base model, its tree mixin and its members (inherited first, in
// declaration order), each classified by storage type and annotated with what
// its attributes say. Built once, at the end of the translation unit, by
// ModelGraphBuilder; read by the checks (checks/) and the emitter.
//
// The builder records what is declared, right or wrong; the checks decide what
// is an error. The emitter runs only when no error was reported, so it may
// assume every member is consistent (a Ref has a relation attribute, a
// relation targets a model, a model has one primary key).
#pragma once

#include "Attributes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace covet {

// The C++ storage type of a member.
enum class Storage {
  Id,           // covet::Id
  Uuid,         // covet::Uuid: a column, or the primary key with covet::primary_key
  Ref,          // covet::Ref<T>
  OptionalRef,  // std::optional<covet::Ref<T>>
  RefSet,       // covet::RefSet<T>
  ReverseSet,   // covet::ReverseSet<T>
  ReverseOne,   // covet::ReverseOne<T>
  Prefetched,   // covet::Prefetched<T>: filled by a Prefetch's to_attr, no column
  GenericRef,   // covet::GenericRef<Targets...>: no column, reads two column members
  GenericRelation,  // covet::GenericRelation<T>: T's generic rows pointing here, no column
  Other,        // anything else: a scalar column
};

// The relation attribute on a member.
enum class RelationAttr { None, ForeignKey, OneToOne, ManyToMany };

// Mirrors covet::TreeKind.
enum class TreeKind { None, AdjacencyList, NestedSet };

// Mirrors covet::Inheritance: how a model stores the rows of the concrete
// model it derives from (Model::Parent).
enum class Inheritance {
  None,         // no concrete parent: its own table (abstract bases only add columns)
  SingleTable,  // the hierarchy root has covet::polymorphic_on: the root's table
  MultiTable,   // its own table, keyed by a one-to-one to the parent's (Django's default)
  Proxy,        // covet::proxy: the parent's table and rows, other behaviour
};

struct Model;

// A target listed by covet::GenericRef<Targets...>.
struct GenericTarget {
  clang::QualType Type;                       // as the specialization holds it
  const clang::CXXRecordDecl *Decl = nullptr;  // its definition, else first declaration; null: not a class
  const Model *TargetModel = nullptr;          // the model it is, if it is one
};

struct Member {
  const clang::FieldDecl *Field = nullptr;
  const clang::CXXRecordDecl *Owner = nullptr;  // the class declaring the member
  Storage Kind = Storage::Other;
  // The T of Ref<T>, RefSet<T>, ReverseSet<T>, ReverseOne<T>,
  // GenericRelation<T>: its definition
  // when the translation unit has one, else its first declaration.
  const clang::CXXRecordDecl *Target = nullptr;
  clang::QualType TargetType;          // T as written
  const Model *TargetModel = nullptr;  // the model Target is, if it is one

  RelationAttr Relation = RelationAttr::None;
  const clang::AnnotateAttr *RelationAnnotation = nullptr;
  OnDeletePolicy OnDelete;  // foreign_key / one_to_one

  std::string Column;  // final column name; empty for M2M and reverse members
  std::optional<std::string> RelatedName, RelatedQueryName, ToField, Through, ThroughSource,
      ThroughTarget;
  int MaxLength = 0;
  bool Unique = false;
  std::optional<bool> DbIndex;       // covet::db_index / db_index(b)
  std::optional<bool> DbConstraint;  // covet::db_constraint(b)
  int Symmetrical = -1;              // covet::symmetrical(b): 0/1
  bool HasDefault = false;           // default member initializer
  // The model's primary key: a covet::Id, or a member marked
  // covet::primary_key (a covet::Uuid, once PrimaryKeyCheck has passed).
  bool PrimaryKey = false;
  const clang::AnnotateAttr *PrimaryKeyAnnotation = nullptr;
  const clang::AnnotateAttr *AutoNow = nullptr;     // covet::auto_now
  const clang::AnnotateAttr *AutoNowAdd = nullptr;  // covet::auto_now_add
  // The member's enum type (through std::optional) when it is declared
  // covet::enum_text: a TEXT column of enumerator names.
  const clang::EnumDecl *EnumText = nullptr;

  // GenericRef: its targets in the order listed (none: any model).
  std::vector<GenericTarget> GenericTargets;
  // GenericRef and GenericRelation: the content-type and object-id members
  // of the GenericRef's model (the owner's for a GenericRef, T's for a
  // GenericRelation), as covet::generic_fields names them, else the
  // defaults of detail/naming.hpp. Empty for other members.
  std::string ContentTypeField, ObjectIdField;
  const clang::AnnotateAttr *GenericFieldsAnnotation = nullptr;    // covet::generic_fields
  const clang::AnnotateAttr *GenericRelationAnnotation = nullptr;  // covet::generic_relation
  // GenericRelation: what erasing the owner does to T's rows (Cascade when
  // covet::generic_relation is absent or has no argument).
  OnDeletePolicy GenericOnDelete;

  llvm::StringRef name() const { return Field->getName(); }
  bool isRelationStorage() const {
    return Kind == Storage::Ref || Kind == Storage::OptionalRef || Kind == Storage::RefSet;
  }
  bool isGeneric() const { return Kind == Storage::GenericRef || Kind == Storage::GenericRelation; }
};

// One covet::unique_together("a", "b") on a model: its members' columns are
// unique together (Django's unique_together / UniqueConstraint).
struct UniqueTogether {
  const clang::AnnotateAttr *Attr = nullptr;  // where it is written
  std::vector<std::string> Names;             // member names, as written
};

struct Model {
  const clang::CXXRecordDecl *Decl = nullptr;
  std::string Name;      // unqualified C++ name: "Book"
  std::string TypeName;  // fully qualified: "::shop::Book"
  std::string Table;     // final table name
  bool Abstract = false, Proxy = false, MultiTable = false;
  std::string PolymorphicOn, PolymorphicIdentity;
  const Model *Base = nullptr;    // the model it inherits from directly, abstract or not
  const Model *Parent = nullptr;  // the nearest non-abstract model it inherits from
  // The resolved inheritance shape (ModelGraphBuilder::resolveInheritance):
  Inheritance Strategy = Inheritance::None;  // how it relates to Parent
  const Model *Root = nullptr;  // the top of its chain of concrete parents (itself when none)
  // Single table: the root's polymorphic_on column, on every model of the
  // hierarchy, and this model's identity (polymorphic_identity, else the
  // lower-case model name, as Django names content types).
  std::string Discriminator, Identity;
  // Multi-table: the column of its table that holds the parent's key, and is
  // its primary key ("<parent>_ptr_id", Django's parent link).
  std::string ParentLink;
  TreeKind Tree = TreeKind::None;
  // Inherited first (from model bases and Covet's tree mixins only), in
  // declaration order.
  std::vector<Member> Members;
  // Its own covet::unique_together attributes, in the order written; a model
  // that writes none inherits those of its abstract base (as Django inherits
  // an abstract base's Meta).
  std::vector<UniqueTogether> UniqueTogethers;
  // Its default ordering (covet::ordering("-age", "name"), Django's
  // Meta.ordering): the fields as written, and the attribute that wrote
  // them, its own or, when it writes none, its base model's (abstract or
  // not: Django's proxies and children inherit Meta.ordering). Null: none.
  std::vector<std::string> Ordering;
  const clang::AnnotateAttr *OrderingAttr = nullptr;
  // Its content-type name, "<app label>.<model name>"
  // (detail::naming::content_type_name over its enclosing namespaces), or
  // what covet::content_type("app.model") says (ContentTypeAttr, its own
  // only: a content type names one model, so it is not inherited). Empty
  // for an abstract model, which has no rows and so no content type.
  std::string ContentType;
  const clang::AnnotateAttr *ContentTypeAttr = nullptr;

  // The member named Name, or nullptr.
  const Member *member(llvm::StringRef Name) const;

  // The concrete model that declares Mem, or carries it for an abstract base:
  // the topmost concrete model of this model's parent chain that has it.
  // Its table holds Mem's column (multi-table), it gets Mem's reverse side.
  const Model *owner(const Member &Mem) const;
  // Whether Mem comes from a concrete parent rather than from this model or
  // one of its abstract bases.
  bool inherits(const Member &Mem) const { return owner(Mem) != this; }

  // Its primary key member (the first, if PrimaryKeyCheck reported several).
  const Member *primaryKey() const {
    for (const Member &Mem : Members)
      if (Mem.PrimaryKey)
        return &Mem;
    return nullptr;
  }
};

class ModelGraph {
 public:
  // In the order their definitions appear in the translation unit.
  const std::vector<std::unique_ptr<Model>> &models() const { return Models; }
  // The enums declared covet::enum_text, in the order they appear.
  const std::vector<const clang::EnumDecl *> &textEnums() const { return TextEnums; }
  // The model whose definition is RD (any redeclaration of it), or nullptr.
  const Model *find(const clang::CXXRecordDecl *RD) const;
  // Every member once, at the model that declares it (an inherited member is
  // listed with the first model that has it).
  std::vector<std::pair<const Model *, const Member *>> distinctMembers() const;

 private:
  friend class ModelGraphBuilder;
  std::vector<std::unique_ptr<Model>> Models;
  std::vector<const clang::EnumDecl *> TextEnums;
  llvm::DenseMap<const clang::CXXRecordDecl *, const Model *> ByDecl;
};

class ModelGraphBuilder {
 public:
  explicit ModelGraphBuilder(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  ModelGraph build();

 private:
  void addMembers(const clang::CXXRecordDecl *RD, Model &M, unsigned Depth, bool InMixin = false);
  static void resolveInheritance(Model &M);
  Member classify(const clang::FieldDecl *F, const clang::CXXRecordDecl *Owner) const;

  clang::ASTContext &Ctx;
};

// The tree kind a base class brings: covet::TreeNode<T> / covet::NestedSetNode<T>
// (Covet's own mixins, whose data members are columns of the model).
TreeKind treeMixin(const clang::CXXRecordDecl *RD);

// "::ns::Book" for a type.
std::string qualifiedTypeName(clang::ASTContext &Ctx, clang::QualType T);

}  // namespace covet

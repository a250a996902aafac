// The models as the lookup checks see them: names, columns, the C++ type and
// value kind of each column, relations with their targets and the reverse
// side each relation gives its target (accessor and query name). It holds no
// clang type, so it comes from two places and merges them:
//
//   * the translation unit's own model graph (fromGraph), and
//   * the model graph JSON a model-header run wrote (GraphJson.h), for a
//     source file checked with -fplugin-arg-covet-graph=<json>: that file may
//     include the headers of a few models only, and the JSON knows the rest
//     (the targets of their relations, the reverse relations other models
//     give them).
//
// Merging (fill): a model the translation unit defines is taken from it; the
// JSON adds the models it does not define and the reverse relations its models
// lack (those declared by models the file does not see). The reverse names
// always come from ReverseRelations.h: computed over the translation unit, or
// computed so by the run that wrote the JSON.
#pragma once

#include "ModelGraph.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace covet {

// What a member is, for lookups.
enum class MemberKind {
  PrimaryKey,  // covet::Id
  Column,      // a scalar column
  ForeignKey,  // Ref / optional<Ref> with foreign_key
  OneToOne,    // Ref / optional<Ref> with one_to_one
  ManyToMany,  // RefSet with many_to_many
  ReverseSet,  // declared reverse members: no column, not a lookup name of their own
  ReverseOne,
  Prefetched,
  GenericRef,       // covet::GenericRef: no column; lookups go through its two members
  GenericRelation,  // covet::GenericRelation<T>: a to-many step to T, no column
  Other,  // storage and attribute disagree: the shape checks report it
};

// The kind of values a column holds (FieldTraits' column types, grouped as
// filter values are checked). Other: a type the checks know nothing about
// (a user's FieldTraits specialization, ...): any value goes.
// ContentType: a covet::ContentTypeId column (covet::ContentType,
// covet::ContentTypeId or an integer id).
enum class ValueKind { Integer, Real, Bool, Text, Blob, Timestamp, Date, Enum, Decimal, Uuid, ContentType, Other };

llvm::StringRef valueKindName(ValueKind K);
std::optional<ValueKind> valueKindNamed(llvm::StringRef Name);
llvm::StringRef memberKindName(MemberKind K);
std::optional<MemberKind> memberKindNamed(llvm::StringRef Name);

// The value kind of a member declared with type T (std::optional<X> and
// covet::ReadOnly<X>: X's).
ValueKind storedValueKind(clang::QualType T);
// X of std::optional<X>, or nullopt.
std::optional<clang::QualType> optionalValueType(clang::QualType T);

struct LookupModel;

struct LookupMember {
  std::string Name;
  MemberKind Kind = MemberKind::Column;
  std::string Column;    // empty for many-to-many and reverse members
  std::string TypeName;  // the C++ type as declared, for messages: "std::optional<std::string>"
  ValueKind Value = ValueKind::Other;
  bool Nullable = false;
  std::string TargetType;  // relations, reverse members and generic relations: "::Author"
  std::optional<std::string> ToField;
  // GenericRef and GenericRelation: the content-type and object-id members
  // of the GenericRef's model; a GenericRef's listed targets ("::Post"),
  // none for any model.
  std::string ContentTypeField, ObjectIdField;
  std::vector<std::string> GenericTargetTypes;
  const LookupModel *Target = nullptr;       // set by link(); null when no model has that type
  const clang::FieldDecl *Field = nullptr;   // when the translation unit declares it

  bool isKeyRelation() const { return Kind == MemberKind::ForeignKey || Kind == MemberKind::OneToOne; }
  bool isRelation() const { return isKeyRelation() || Kind == MemberKind::ManyToMany; }
  bool isReverseMember() const {
    return Kind == MemberKind::ReverseSet || Kind == MemberKind::ReverseOne ||
           Kind == MemberKind::Prefetched;
  }
};

struct LookupReverse {
  std::string SourceType;  // the model declaring the relation: "::Book"
  std::string Member;      // its member: "author"
  std::string Accessor;    // "books" / "book_set" / "book"
  std::string QueryName;   // "books" / "book"
  bool Single = false;     // one-to-one: the reverse is one object
  bool ManyToMany = false;
  // The reverse of a covet::GenericRelation with a related_query_name: from
  // one of T's rows to the object its generic reference points at (one or
  // none, but only a lookup name: no accessor, not for select_related or
  // prefetch_related).
  bool Generic = false;
  const LookupModel *Source = nullptr;   // set by link()
  const LookupMember *Relation = nullptr;
};

struct LookupModel {
  std::string Name;      // "Book"
  std::string TypeName;  // "::shop::Book"
  bool Abstract = false;
  bool Proxy = false;
  Inheritance Strategy = Inheritance::None;  // how it relates to Parent
  std::string ParentType;  // the nearest concrete model it inherits from, if any
  const LookupModel *Parent = nullptr;
  // The models whose Parent it is, by name (the runtime registry's order);
  // set by link().
  std::vector<const LookupModel *> Children;
  // The models it derives from directly (abstract or not), in base order.
  std::vector<std::string> BaseTypes;
  std::vector<const LookupModel *> Bases;  // set by link(); models of unknown type left out
  const clang::CXXRecordDecl *Decl = nullptr;  // when the translation unit defines it
  std::vector<LookupMember> Members;           // inherited first, in declaration order
  // In the runtime's order (by source model name, then declaration order); set by link().
  std::vector<LookupReverse> Reverses;

  const LookupMember *primaryKey() const;
  const LookupMember *member(llvm::StringRef Name) const;
  // Its reverse relations, then those of its concrete ancestors, each once:
  // a child reaches its ancestors' reverse relations, as in Django
  // (runtime: table_chain.hpp inherited_reverse, lookup_path.cpp
  // field_choices).
  std::vector<const LookupReverse *> inheritedReverses() const;
  // The multi-table child a lookup names by its lower-case model name
  // ("employee" on Person: a single-valued step into the child's row), or
  // null (runtime: table_chain.hpp child_named).
  const LookupModel *childNamed(llvm::StringRef Name) const;
  // The names childNamed accepts, in the runtime's order (child_names).
  std::vector<std::string> childNames() const;
  // Whether an object of `Other` may stand for one of this model (the same
  // model, or one inherits from the other).
  bool sameHierarchy(const LookupModel &Other) const;
};

class LookupGraph {
 public:
  LookupGraph() = default;
  LookupGraph(LookupGraph &&) = default;
  LookupGraph &operator=(LookupGraph &&) = default;

  // The models of the translation unit, their reverse relations computed by
  // reverseRelations(). Linked.
  static LookupGraph fromGraph(clang::ASTContext &Ctx, const ModelGraph &G);

  // Adds a model (the JSON reader builds the graph so); call link() after.
  LookupModel &add(std::unique_ptr<LookupModel> M);
  // Adds what `Other` knows and this graph does not: its models not defined
  // here, and the reverse relations they give to models of this graph. Links.
  void fill(const LookupGraph &Other);
  // Resolves the type names (targets, parents, reverse sources) to models and
  // orders the reverse relations.
  void link();

  const std::vector<std::unique_ptr<LookupModel>> &models() const { return Models; }
  // The concrete models deriving from the abstract model A with only
  // abstract models in between (what a use of A could mean instead), in
  // graph order.
  std::vector<const LookupModel *> concreteModelsOf(const LookupModel &A) const;
  // The concrete, non-proxy models whose chain of concrete parents reaches
  // M, at any depth (the types of M's polymorphic loads), in graph order.
  std::vector<const LookupModel *> polymorphicModelsOf(const LookupModel &M) const;
  const LookupModel *find(llvm::StringRef TypeName) const;
  // The model RD is: by declaration, else by its qualified name.
  const LookupModel *find(clang::ASTContext &Ctx, const clang::CXXRecordDecl *RD) const;

 private:
  std::vector<std::unique_ptr<LookupModel>> Models;
  llvm::StringMap<LookupModel *> ByType;
  llvm::DenseMap<const clang::CXXRecordDecl *, const LookupModel *> ByDecl;
};

}  // namespace covet

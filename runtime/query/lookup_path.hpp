// Resolving a lookup string against a model's metadata.
//
//   "author__name__startswith" on Book
//     -> steps  [Forward Book.author -> Author]
//        column Author.name, lookup "startswith"
//
// Rules (Django's):
//  * segments are separated by "__"; each names a column, a forward relation
//    (foreign key / one-to-one) or a reverse relation by its query name
//    (related_query_name, else related_name, else the lower-case model name);
//    "pk" names the primary key and "<relation>_id" a relation's key column;
//  * a trailing segment that is not a field is the lookup (exact if absent);
//  * a relation compared directly ("author", "author__in", "author__id",
//    "author_id") uses the key column and needs no join;
//  * a reverse relation compared directly ("books" = a Book) compares the
//    related model's primary key;
//  * a many-to-many is a to-many step in either direction: forward by its
//    member name ("tags__name"), backward by its query name ("posts__title"
//    from Tag), and compared directly ("tags" = a Tag, "tags__in") like a
//    reverse relation. The managers also walk it backward by a hidden name
//    (join_table.hpp: hidden_query_name) that works when the relation hides
//    its reverse side.
//  * inheritance: a model's own members include those it inherits; the
//    reverse relations of its concrete ancestors are its own too
//    ("reviews__text" on Employee, Review.reviewer being a Ref<Person>);
//    a multi-table parent reaches each child by the child's lower-case
//    model name, a single-valued step ("employee__department" on Person:
//    Django's reverse one-to-one of the parent link), compared directly
//    on the child's key ("employee__isnull").
//  * generic relations: a covet::GenericRelation member is a to-many step
//    to the rows pointing at the owner ("comments__text" on Post), its
//    related_query_name a single-valued step back from them ("post__title"
//    on Comment: the Post their reference points at, if it is one); a
//    covet::GenericRef member is no field of a query (FieldError saying to
//    filter on its two members, as Django says of a GenericForeignKey).
// Unknown names throw FieldError listing the valid choices.
#pragma once

#include <covet/model_info.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

struct PathStep {
  enum class Kind {
    Forward,      // a foreign key or one-to-one of `from`: single-valued
    ReverseOne,   // the reverse of a one-to-one pointing at `from`: single-valued
    ReverseMany,  // the reverse of a foreign key pointing at `from`: to-many
    ManyToMany,   // a many-to-many, either direction: to-many through a join table
    Child,        // a multi-table parent to its child row: single-valued, optional
  };
  Kind kind = Kind::Forward;
  std::string name;                    // the segment as written
  const ModelInfo* from = nullptr;     // the model the step leaves
  const ModelInfo* to = nullptr;       // the model it reaches
  const MemberInfo* relation = nullptr;  // the FK/O2O member (on `from` or, reversed, on `to`); null for Child
  // The join condition: from_member's column = to_member's column, each
  // placed by SqlScope::column in the table that holds it (for a model whose
  // rows span several tables, inheritance/table_chain.hpp). For a
  // many-to-many: the keys of `from` and `to` the join table refers to.
  const MemberInfo* from_member = nullptr;
  const MemberInfo* to_member = nullptr;
  // Whether the step can find no row: a nullable key, or any reverse step.
  bool optional = false;
  // A generic relation (covet::GenericRelation), walked from its owner to
  // the rows pointing at it (ReverseMany) or back by its related_query_name
  // (Forward): from_member / to_member match the object-id member with the
  // owner's key, and the rows also need the owner's content type in
  // `content_type_member` (a member of the model holding the reference):
  // the id of the content type named `content_type_name`, read from the
  // content-type table in the statement itself.
  const MemberInfo* content_type_member = nullptr;
  std::string content_type_name;
  // ManyToMany: the join table, and its columns referring to `from`
  // (holding from_member's value) and to `to` (holding to_member's).
  std::string join_table;
  std::string join_from_column;
  std::string join_to_column;
};

struct ResolvedPath {
  std::vector<PathStep> steps;       // the joins to walk, in order
  const ModelInfo* model = nullptr;  // the model owning `column`
  const MemberInfo* column = nullptr;  // the column compared or ordered by
  std::string lookup;                // "exact" when not written
  std::string field_label;           // "Author.name", for messages
};

// Resolves a filter lookup. Throws FieldError for an unknown field or lookup.
ResolvedPath resolve_lookup(const ModelInfo& model, std::string_view lookup);

// Resolves an order_by field (no lookup allowed, no leading '-').
// Throws FieldError for an unknown field or a path across a to-many relation.
ResolvedPath resolve_order_field(const ModelInfo& model, std::string_view field);

// The step from a multi-table parent to its child row (PathStep::Kind::Child).
PathStep child_step(const ModelInfo& parent, const ModelInfo& child, std::string_view name);

// The member a relation (a foreign key or one-to-one) refers to on its
// target: its to_field, or the primary key.
const MemberInfo* referenced_member(const MemberInfo& relation);

// "id, name, bio, books": the names a segment may take on `model`.
std::string field_choices(const ModelInfo& model);

}  // namespace covet::detail

// The vocabulary of the code the Covet plugin emits. Users do not include this
// header; `models.covet.cpp`, written by the plugin and compiled into the
// application by covet_add_models(), does. It is the one contract between the
// plugin (which knows the declarations) and the runtime (which knows nothing
// about C++ and reads only covet::ModelInfo).
//
// The emitter writes, for each [[covet::model]] struct, one function that
// builds its ModelInfo from typed member pointers, and one registration:
//
//   #include "/abs/build/covet_models_app.hpp"      // the headers it read
//   #include <covet/generated.hpp>
//   namespace {
//   const covet::ModelInfo& covet_model_0() {      // ::Book
//     static const covet::ModelInfo info = covet::meta::model<::Book>(
//         {.name = "Book", .table = "books"},
//         {
//             covet::meta::field<::Book, &::Book::id>({.name = "id", .column = "id", .primary_key = true}),
//             covet::meta::field<::Book, &::Book::title>({.name = "title", .column = "title", .max_length = 200}),
//             covet::meta::field<::Book, &::Book::published_year>(
//                 {.name = "published_year", .column = "published_year", .has_default = true}),
//             covet::meta::relation<::Book, &::Book::author>(
//                 {.name = "author", .column = "author_id",
//                  .kind = covet::meta::RelationKind::ForeignKey,
//                  .on_delete = covet::OnDelete::Cascade, .related_name = "books"}),
//         });
//     return info;
//   }
//   const covet::meta::Registration covet_registration_0{typeid(::Book), &covet_model_0};
//   }  // namespace
//
// Rules the emitter follows:
//  * members appear in declaration order, inherited members first (base
//    classes' members are written with the derived model as first argument);
//    a member a concrete ancestor declares names it in `declared_by`: it has
//    one column (in that ancestor's table) and one reverse side (on the
//    ancestor), however many models inherit it. An abstract base's members
//    belong to each concrete model that inherits them;
//  * an abstract model (covet::abstract) is registered too, with its name,
//    `.abstract = true` and no members, so that the runtime can refuse it
//    by name (it has no table) and list the concrete models to use; its
//    members are written in each concrete model deriving from it;
//  * designated initializers appear in the order the members are declared in
//    the Spec structs below, and members equal to their default are omitted;
//  * column names are final (the plugin applies covet::column and the `_id`
//    suffix of relations); the runtime applies Django's defaults for reverse
//    names, since it sees every model at once;
//  * a data member that is neither a field, a relation nor a declared reverse
//    member does not exist: every non-static data member of a model is one of
//    them, and a C++ type the runtime cannot store fails to compile in
//    covet::meta::field with a message naming the type.
#pragma once

#include <covet/model_info.hpp>
#include <covet/on_delete.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <typeinfo>

namespace covet::meta {

// What the struct's model attributes say.
struct ModelSpec {
  std::string_view name{};   // the C++ name, unqualified: "Book"
  std::string_view table{};  // final table name: covet::model("books") or the lowercased name
  bool abstract = false;                  // covet::abstract: no table, fields inherited
  bool proxy = false;                     // covet::proxy: the parent's table, other behaviour
  bool multi_table = false;               // covet::multi_table: own table joined to the parent's
  std::string_view polymorphic_on{};        // covet::polymorphic_on("col"): discriminator column
  std::string_view polymorphic_identity{};  // covet::polymorphic_identity("id")
  const std::type_info* parent = nullptr; // the model this one inherits from, if any
  // The abstract models it derives from, directly or through other abstract
  // bases (not those above a concrete parent): it is one of their children.
  std::initializer_list<const std::type_info*> abstract_bases{};
  TreeKind tree = TreeKind::None;         // covet::TreeNode / covet::NestedSetNode mixin
  // covet::unique_together("a", "b"), once per attribute: member names whose
  // columns are unique together, e.g. {{"person", "group"}}.
  std::initializer_list<std::initializer_list<std::string_view>> unique_together{};
  // The inheritance shape the plugin resolved (see covet::Inheritance):
  Inheritance inheritance = Inheritance::None;  // how it stores the rows of `parent`
  std::string_view discriminator{};  // single table: the root's polymorphic_on column
  std::string_view identity{};       // single table: this model's discriminator value
  std::string_view parent_link{};    // multi-table: its key column, a reference to the parent's key
  // covet::ordering("-age", "name"), or the one it inherits (a proxy or a
  // child from its parent, a model from its abstract base): the order of
  // its queries that have no order_by, e.g. {"-age", "name"}.
  std::initializer_list<std::string_view> ordering{};
  // Its content-type name, "app_label.model" (covet/detail/naming.hpp, or
  // covet::content_type("app.model")): the key of its row in Covet's
  // content-type table (covet/content_type.hpp). Empty for abstract models.
  std::string_view content_type{};
};

// A column that is not a relation (covet::Id included).
struct FieldSpec {
  std::string_view name{};     // the member name
  std::string_view column{};   // covet::column("x") or the member name
  bool primary_key = false;  // the member is covet::Id, or a covet::Uuid marked covet::primary_key
  int max_length = 0;        // covet::max_length(n); 0 = unbounded
  bool unique = false;       // covet::unique
  bool db_index = false;     // covet::db_index
  bool has_default = false;  // the member has a default member initializer
  bool enum_text = false;    // an enum declared [[covet::enum_text]]: a TEXT column of names
  bool auto_now = false;     // covet::auto_now: the current time on every save
  bool auto_now_add = false; // covet::auto_now_add: the current time on create
  // The concrete ancestor that declares the member (its table holds the
  // column); null when it is this model's own or comes from an abstract base.
  const std::type_info* declared_by = nullptr;
};

using RelationKind = covet::RelationKind;

// A foreign key, one-to-one or many-to-many member.
struct RelationSpec {
  std::string_view name{};             // the member name
  std::string_view column{};           // FK/O2O: covet::column("x") or name + "_id"; M2M: empty
  RelationKind kind = RelationKind::ForeignKey;
  OnDelete on_delete = OnDelete::Cascade;  // FK/O2O only
  Value (*set_fn)() = nullptr;       // OnDelete::Set: covet::meta::set_value<&fn>
  std::string_view related_name{};     // covet::related_name; empty = Django's default
  std::string_view related_query_name{};  // covet::related_query_name; empty = default
  std::string_view to_field{};         // covet::to_field; empty = the target's primary key
  bool db_constraint = true;         // covet::db_constraint(false) turns the FK constraint off
  bool db_index = true;              // covet::db_index(false) turns the FK index off
  bool has_default = false;          // the member has a default member initializer
  std::string_view through{};          // M2M: covet::through("Model"), the through model's name
  std::string_view through_source{};   // M2M: covet::through_fields(source, target)
  std::string_view through_target{};
  int symmetrical = -1;              // M2M: covet::symmetrical(b): 0/1; -1 = default (self M2M)
  const std::type_info* declared_by = nullptr;  // as FieldSpec::declared_by
};

// A member of type covet::ReverseSet<T> or covet::ReverseOne<T>: the model
// declares where the reverse side of T's relation named `name` lives.
struct ReverseSpec {
  std::string_view name{};  // the member name, equal to the relation's related_name
  const std::type_info* declared_by = nullptr;  // as FieldSpec::declared_by
};

// A member of type covet::GenericRef<Targets...> (covet/generic_ref.hpp):
// no column; it reads and writes the two column members named here. Its
// targets come from its type.
//
//   covet::meta::generic_ref<::Comment, &::Comment::content_object>(
//       {.name = "content_object", .content_type_field = "content_type", .object_id_field = "object_id"})
struct GenericRefSpec {
  std::string_view name{};                // the member name
  std::string_view content_type_field{};  // covet::generic_fields(ct, id), else "content_type"
  std::string_view object_id_field{};     // ... else "object_id"
  const std::type_info* declared_by = nullptr;  // as FieldSpec::declared_by
};

// A member of type covet::GenericRelation<T> (covet/generic_relation.hpp):
// T's rows whose generic reference over the two named members of T points
// at the owner.
//
//   covet::meta::generic_relation<::Post, &::Post::comments>(
//       {.name = "comments", .content_type_field = "content_type", .object_id_field = "object_id",
//        .related_query_name = "post"})
struct GenericRelationSpec {
  std::string_view name{};                // the member name
  std::string_view content_type_field{};  // covet::generic_fields(ct, id) on it, else "content_type"
  std::string_view object_id_field{};     // ... else "object_id"
  // covet::generic_relation(CASCADE / SET_NULL / DO_NOTHING); Cascade when
  // the attribute is absent or has no argument (Django's GenericRelation).
  OnDelete on_delete = OnDelete::Cascade;
  std::string_view related_query_name{};  // covet::related_query_name; empty = none
  const std::type_info* declared_by = nullptr;  // as FieldSpec::declared_by
};

// Builders, instantiated by the generated code. `Model` is the model the
// member belongs to (for an inherited member, the derived model).
template <class Model>
ModelInfo model(ModelSpec spec, std::initializer_list<MemberInfo> members);

template <class Model, auto Member>
MemberInfo field(FieldSpec spec);

template <class Model, auto Member>
MemberInfo relation(RelationSpec spec);

template <class Model, auto Member>
MemberInfo reverse(ReverseSpec spec);

template <class Model, auto Member>
MemberInfo generic_ref(GenericRefSpec spec);

template <class Model, auto Member>
MemberInfo generic_relation(GenericRelationSpec spec);

// covet::SET(fn) becomes `.set_fn = covet::meta::set_value<&fn>`.
template <auto Fn>
Value set_value();

// Registers a model builder with the process-wide registry during static
// initialization; the ModelInfo itself is built on first use.
struct Registration {
  Registration(const std::type_info& type, const ModelInfo& (*build)());
};

// One enumerator of an enum declared [[covet::enum_text]]: its value (the
// underlying integer, converted to 64 bits) and its name.
struct EnumName {
  std::int64_t value = 0;
  std::string_view name{};
};

// Registers the names of an [[covet::enum_text]] enum during static
// initialization, for covet::FieldTraits<E> (covet/field_traits.hpp). The
// emitter writes one per such enum the model headers declare:
//
//   const covet::meta::EnumRegistration covet_enum_0{typeid(::shop::Status), "shop::Status",
//       {{static_cast<std::int64_t>(::shop::Status::draft), "draft"},
//        {static_cast<std::int64_t>(::shop::Status::paid), "paid"}}};
//
// The same enum may be registered by several generated files (one per
// covet_add_models target); the first registration is kept.
struct EnumRegistration {
  EnumRegistration(const std::type_info& type, std::string_view name, std::initializer_list<EnumName> names);
};

}  // namespace covet::meta

#include <covet/detail/meta_impl.hpp>

// Run-time description of a model: its table, columns, relations and the typed
// accessors that move values between a C++ object and the database. Built from
// the code the Covet plugin emits (see covet/generated.hpp); everything the
// runtime knows about a model comes from here, it never parses C++.
//
//   const covet::ModelInfo& info = covet::model_info<Book>();
//   for (const covet::MemberInfo& m : info.members)
//     std::cout << m.name << " -> " << m.column << '\n';
//
// ModelInfo objects live for the whole process; pointers to them and to their
// members stay valid.
#pragma once

#include <covet/detail/binding.hpp>
#include <covet/on_delete.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <vector>

namespace covet {

class Database;
struct ModelInfo;
namespace detail {
struct DatabaseState;
struct PeerGroup;  // the objects one query loaded, for auto-prefetch (runtime/prefetch/)
class GenericRefState;  // what every covet::GenericRef holds (covet/generic_ref.hpp)
}

enum class RelationKind { ForeignKey, OneToOne, ManyToMany };

enum class TreeKind { None, AdjacencyList, NestedSet };

// How a model stores the rows of the concrete model it derives from
// (ModelInfo::parent_model), as the plugin resolved it.
enum class Inheritance {
  None,         // no concrete parent: its own table (abstract bases only add columns)
  SingleTable,  // the root declares covet::polymorphic_on: one table, a discriminator column
  MultiTable,   // its own table, keyed by parent_link, a reference to the parent's key
  Proxy,        // covet::proxy: the parent's table and rows, its own behaviour
};

// The storage class of a column, independent of the SQL dialect.
enum class ColumnType {
  AutoId,     // covet::Id: 64-bit auto-increment primary key (a covet::Uuid key is Uuid)
  Bool,
  SmallInt,   // 8- and 16-bit integers
  Integer,    // 32-bit integers and enums with a 32-bit (or smaller unsigned) base
  BigInt,     // 64-bit integers
  Real,       // float, double
  Text,       // std::string (VARCHAR(n) when max_length is set); enum_text enums
  Blob,       // std::vector<std::byte> / std::vector<std::uint8_t>
  Timestamp,  // std::chrono::sys_time<Duration>
  Date,       // std::chrono::year_month_day, std::chrono::sys_days
  Decimal,    // covet::Decimal<D, P>: NUMERIC(D, P) (MemberInfo::max_digits, decimal_places)
  Uuid,       // covet::Uuid: uuid on PostgreSQL, canonical text on SQLite
};

enum class MemberKind {
  Column,       // a scalar field (covet::Id included)
  Relation,     // a foreign key, one-to-one (also a column) or many-to-many
  ReverseMember, // a declared covet::ReverseSet<T> / covet::ReverseOne<T>
  GenericRef,    // a covet::GenericRef<...>: no column of its own, it reads and
                 // writes two column members (MemberInfo::generic)
  GenericRelation // a declared covet::GenericRelation<T>: the generic rows of T
                  // pointing at the owner
};

// What binding a relation member to a database needs: the database and, for
// reverse members, the owner's key and the relation they are the reverse of.
// The database and, when it auto-prefetches, the other objects the owner
// was loaded with are in `binding`, shared by the objects of one result
// (covet/detail/binding.hpp).
struct BindContext {
  std::shared_ptr<const detail::Binding> binding;
  const struct MemberInfo* member = nullptr;        // the member being bound
  Value owner_key;                                  // reverse members: the owner's key
  const struct ReverseRelation* reverse = nullptr;  // reverse members: what they mirror
};

struct RelationInfo {
  RelationKind kind = RelationKind::ForeignKey;
  OnDelete on_delete = OnDelete::Cascade;
  Value (*set_fn)() = nullptr;
  const std::type_info* target_type = nullptr;  // the T of Ref<T> / RefSet<T>
  const ModelInfo* target = nullptr;            // resolved by the registry
  std::string related_name;        // as declared (empty = default)
  std::string related_query_name;  // as declared (empty = default)
  std::string to_field;            // member name on the target; empty = primary key
  bool db_constraint = true;
  std::string through;             // M2M
  std::string through_source;
  std::string through_target;
  int symmetrical = -1;
};

// A generic reference (covet::GenericRef) or generic relation
// (covet::GenericRelation) member: which two column members hold the
// reference, and what it may point at.
struct GenericInfo {
  // Member names, on the model declaring the GenericRef: the content type's
  // id (a covet::ContentTypeId member) and the object's key.
  std::string content_type_field;
  std::string object_id_field;
  // GenericRef<Post, Photo>: Post and Photo; empty for GenericRef<> (any model).
  std::vector<const std::type_info*> target_types;
  // GenericRelation<T>: T, the model declaring the generic reference, and
  // what erasing the owner does to T's rows pointing at it (Cascade, SetNull
  // or DoNothing); the related_query_name that lets queries of the owner's
  // model filter through it (empty: none).
  const std::type_info* related_type = nullptr;
  OnDelete on_delete = OnDelete::Cascade;
  std::string related_query_name;

  // Filled in by the registry. The two column members (on the GenericRef's
  // model: the owner's for a GenericRef, T's for a GenericRelation); the
  // resolved targets; for a GenericRelation, T's model and its GenericRef
  // member with those two fields.
  const struct MemberInfo* content_type_member = nullptr;
  const struct MemberInfo* object_id_member = nullptr;
  std::vector<const struct ModelInfo*> targets;
  const struct ModelInfo* related = nullptr;
  const struct MemberInfo* generic_ref = nullptr;
};

struct MemberInfo {
  MemberKind kind = MemberKind::Column;
  std::string name;    // C++ member name
  std::string column;  // column name; empty for M2M and reverse members
  ColumnType type = ColumnType::BigInt;  // of the column (for a relation: of the key)
  bool nullable = false;     // std::optional<...>
  bool primary_key = false;
  bool unique = false;
  bool db_index = false;
  bool has_default = false;
  int max_length = 0;
  int max_digits = 0;      // ColumnType::Decimal: NUMERIC(max_digits, decimal_places)
  int decimal_places = 0;
  bool auto_now = false;      // covet::auto_now: set to the current time on every save
  bool auto_now_add = false;  // covet::auto_now_add: set to the current time on create
  std::shared_ptr<RelationInfo> relation;  // set for MemberKind::Relation
  std::shared_ptr<GenericInfo> generic;    // set for GenericRef and GenericRelation
  // The model that declares the member: this model, or the concrete
  // ancestor whose table holds the column and whose reverse side the
  // relation gives (filled by the registry; declared_by_type as emitted,
  // null for the model's own members and those of abstract bases).
  const ModelInfo* declared_by = nullptr;
  const std::type_info* declared_by_type = nullptr;

  // Typed accessors generated from the member pointer. `object` points to an
  // instance of the owning model.
  Value (*get)(const void* object) = nullptr;                 // columns only
  void (*set)(void* object, const Value& value) = nullptr;    // columns only
  // The typed row path (runtime/object_loader.cpp): the same as `set` with a
  // Value of that kind, for a column read by the backend's typed accessor,
  // so no covet::Value is built (nor a string copied twice) per column.
  // set_int64 serves integer-like columns (AutoId, Bool, SmallInt, Integer,
  // BigInt; a relation's integer key), set_real Real, set_text Text. Null:
  // `set` only.
  void (*set_int64)(void* object, std::int64_t value) = nullptr;
  void (*set_real)(void* object, double value) = nullptr;
  void (*set_text)(void* object, std::string_view value) = nullptr;
  // The typed bind path (runtime/bulk/bulk_insert.cpp): what `get` returns,
  // read without building a Value. At most one is set, for the member types
  // whose every value `get` turns into that kind: get_bool for bool,
  // get_int64 for integers (not 64-bit unsigned ones, which `get` checks),
  // get_real for float and double, get_text for std::string (the member's
  // own string). Each gives nothing (nullopt, a null pointer) when an
  // optional member holds no value: `get` gives NULL for it. Results come
  // back in registers, not through memory, as they are read per column of
  // every row. Null: `get` only.
  std::optional<bool> (*get_bool)(const void* object) = nullptr;
  std::optional<std::int64_t> (*get_int64)(const void* object) = nullptr;
  std::optional<double> (*get_real)(const void* object) = nullptr;
  const std::string* (*get_text)(const void* object) = nullptr;
  void (*bind)(void* object, const BindContext& ctx) = nullptr;  // relation/reverse members
  // FK/O2O: the object a Ref holds (nullptr when not loaded), so a to_field
  // key can be read from it.
  const void* (*cached_target)(const void* object) = nullptr;
  // Whether `pointer` (a member pointer of type `pointer_type`) designates
  // this member: lets db.related(owner, &Book::author) find its relation.
  bool (*matches)(const std::type_info& pointer_type, const void* pointer) = nullptr;
  const std::type_info* reverse_target = nullptr;  // ReverseMember: the T of ReverseSet<T>
  // GenericRef members: the reference inside `owner`.
  detail::GenericRefState* (*generic_state)(void* owner) = nullptr;

  // Where eager loading (select_related, prefetch_related, auto-prefetch)
  // leaves what it loaded, so the member answers without a query:
  //  * Ref members and ReverseOne members: store_object(owner, target) makes
  //    the member hold `target` (an instance of the related model). For a
  //    ReverseOne, a null `target` records "there is none".
  //  * RefSet, ReverseSet and GenericRelation members: open_cache(owner) gives the member a
  //    fresh, empty prefetch cache (a std::vector of the related model,
  //    filled through the related ModelInfo's list_* functions) and returns it.
  void (*store_object)(void* owner, std::shared_ptr<const void> target) = nullptr;
  void* (*open_cache)(void* owner) = nullptr;
};

// The reverse side of a relation, computed by the registry once every model
// is known: Author gets {Book, author, "books"} for Book::author.
struct ReverseRelation {
  const ModelInfo* source = nullptr;     // the model declaring the relation (Book)
  const MemberInfo* member = nullptr;    // the relation member (Book::author)
  std::string accessor;                  // related_name or "<model>_set" ("book" for one-to-one)
  std::string query_name;                // related_query_name, related_name or "<model>"
  bool single = false;                   // one-to-one: the reverse is one object
};

struct ModelInfo {
  std::string name;
  std::string table;
  std::type_index type = typeid(void);
  bool abstract = false;  // covet::abstract: no table; queries, writes and relations refuse it
  bool proxy = false;
  bool multi_table = false;
  std::string polymorphic_on;
  std::string polymorphic_identity;
  const std::type_info* parent = nullptr;
  // The abstract models it derives from (not through a concrete parent), as
  // emitted; the registry lists it among their children.
  std::vector<const std::type_info*> abstract_bases;
  TreeKind tree = TreeKind::None;
  // The resolved inheritance shape. `discriminator` is the root's
  // polymorphic_on column on every model of a single-table hierarchy, and
  // `identity` this model's value of it; `parent_link` is a multi-table
  // child's key column.
  Inheritance inheritance = Inheritance::None;
  std::string discriminator;
  std::string identity;
  std::string parent_link;
  // Filled in by the registry: the concrete model it derives from, the top
  // of that chain (itself when it has no parent), its direct subclasses (by
  // name) and, in a single-table hierarchy, the identities of itself and of
  // every model below it (a query of this model matches those rows). An
  // abstract model's children are the concrete models deriving from it,
  // directly or through other abstract bases (by name): the models its
  // columns and relations belong to.
  const ModelInfo* parent_model = nullptr;
  const ModelInfo* root_model = nullptr;
  // The model whose rows this one's are (Django's _meta.concrete_model):
  // itself, or for a proxy its nearest non-proxy ancestor. Filled by the
  // registry (runtime/inheritance/proxy_models.cpp).
  const ModelInfo* concrete_model = nullptr;
  std::vector<const ModelInfo*> children;
  std::vector<std::string> identities;
  // covet::unique_together: each entry names members (columns, foreign keys,
  // one-to-ones) whose columns are unique together; create_all writes one
  // UNIQUE table constraint per entry.
  std::vector<std::vector<std::string>> unique_together;
  // The default ordering (covet::ordering, Django's Meta.ordering), as the
  // plugin resolved it (own, else inherited): "-age", "name", "owner__name".
  // Queries without order_by() are ordered by it; order_by() with no
  // fields drops it.
  std::vector<std::string> ordering;
  // Its content-type name, "app_label.model" (Django's ContentType
  // app_label and model): its enclosing namespaces lower-cased and joined
  // with '_' ("default" outside any), a dot, its lower-case name; or what
  // covet::content_type("app.model") says. The key of its row in Covet's
  // content-type table (covet/content_type.hpp); empty for abstract models.
  std::string content_type;

  std::vector<MemberInfo> members;        // in declaration order
  const MemberInfo* primary_key = nullptr;          // filled in by the registry
  std::vector<const MemberInfo*> columns;           // members with a column, in order (registry)
  std::vector<ReverseRelation> reverse;             // filled in by the registry
  // For each member (same index): the reverse relation a declared reverse
  // member mirrors (a ReverseSet / ReverseOne named by some relation of its
  // target type; for a single-table child, possibly its parent's), null for
  // other members and for one no relation names. Filled in by the registry,
  // once, so binding a loaded object searches nothing.
  std::vector<const ReverseRelation*> member_reverse;

  // Object lifecycle without knowing the type.
  std::shared_ptr<void> (*make)() = nullptr;           // a value-initialized instance
  void (*copy)(void* to, const void* from) = nullptr;  // copy-assign
  // A std::vector of the model, type-erased (a member's prefetch cache):
  // append a value-initialized instance and return it; size; element i.
  std::shared_ptr<void> (*make_list)() = nullptr;  // an empty std::vector of the model
  void* (*list_emplace)(void* list) = nullptr;
  std::size_t (*list_size)(const void* list) = nullptr;
  void* (*list_at)(void* list, std::size_t i) = nullptr;
  // A tree node (covet::TreeNode / covet::NestedSetNode): binds the mixin's
  // database handle (detail/tree_binding.hpp); null for other models.
  void (*bind_tree)(void* object, const std::weak_ptr<detail::DatabaseState>& db) = nullptr;

  // Lookups by name; nullptr when there is none.
  const MemberInfo* member(std::string_view name) const;
  const ReverseRelation* reverse_relation(std::string_view accessor) const;
};

namespace detail {
const ModelInfo& lookup_model(const std::type_info& type);
bool is_registered(const std::type_info& type);
}  // namespace detail

// The metadata of model T. Throws UsageError when T was not passed to
// covet_add_models() (its registration is missing from the program).
template <class T>
const ModelInfo& model_info() {
  static const ModelInfo& info = detail::lookup_model(typeid(T));
  return info;
}

// Every registered model that has a table or shares one (abstract models
// excluded), in a stable order (by name).
std::vector<const ModelInfo*> all_models();

namespace detail {
// Throws UsageError: "Animal is abstract (covet::abstract): it has no table;
// <instead> a concrete model: Cat, Dog" (runtime/inheritance/).
[[noreturn]] void throw_abstract_model(const ModelInfo& model, std::string_view instead);

// model_info<T>() for what needs T's table (`instead`: "query", "create
// objects of"...): an abstract model is a UsageError naming its children.
template <class T>
const ModelInfo& concrete_model_info(std::string_view instead) {
  const ModelInfo& info = model_info<T>();
  if (info.abstract) throw_abstract_model(info, instead);
  return info;
}
}  // namespace detail

}  // namespace covet

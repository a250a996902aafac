// The compile-time vocabulary of Covet's templates: what "a model", "a key of
// a model" and "an item of a related manager" are, so that a call passing
// something else is a compile error with a message naming the fix rather
// than a run-time failure (or a wrong answer: a std::string taken as a range
// of integer keys).
//
//   static_assert(covet::Model<Author>);
//   static_assert(!covet::Model<int> && !covet::Model<std::string>);
//   static_assert(covet::RelatedArgumentOf<Tag, std::vector<covet::Id>>);
//   static_assert(!covet::RelatedArgumentOf<Tag, std::string>);
//
//   db.create(42);                      // error: covet: a scalar is not a model object ...
//   post.tags.add(std::string("py"));   // error: covet: a string is not a key ...
//
// What can be known at compile time. The plugin's registration of a model is
// emitted into another translation unit (<target>.covet.cpp) and a C++
// attribute leaves no trace a template can read, so "registered" cannot be
// checked here: model_info<T>() checks it at run time. A trait the emitter
// specializes would have to be in a header every user file includes, which
// the declaration contract does not have. So covet::Model is structural: a
// class type the runtime can make and copy (the generated code requires both)
// that is none of the things a model object is commonly confused with -- a
// column value (anything covet::FieldTraits stores: strings, covet::Id,
// timestamps), a container or other range, a handle to an object (a pointer,
// covet::Ref, std::optional, a smart pointer, Partial: anything
// dereferenceable), a tuple or variant, or one of Covet's own handles
// (managers, query sets, Value, Q, Database). Whether it has a covet::Id is
// not checked: C++20 cannot enumerate members, and the plugin already
// requires one. A class that is a model and also looks like one of those (a
// model with begin()/end()) opts in with
//   template <> inline constexpr bool covet::enable_model<Playlist> = true;
// and one that is not opts out the same way with false.
#pragma once

#include <covet/field_traits.hpp>
#include <covet/id.hpp>

#include <concepts>
#include <functional>
#include <optional>
#include <ranges>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>

namespace covet {

class Value;
class Q;
class Prefetch;
class GenericPrefetch;
class ThroughDefaults;
class Database;
template <class T>
class Ref;
template <class T>
class RefSet;
template <class T>
class ManyRelatedManager;
enum class KeyNullability;
template <class T, KeyNullability Keys>
class RelatedManager;
template <class T>
class ReverseSet;
template <class T>
class ReverseOne;
template <class T, class Row>
class QuerySet;
template <class T>
class Partial;

namespace detail {

template <class U, template <class...> class Template>
inline constexpr bool is_specialization_of = false;
template <template <class...> class Template, class... A>
inline constexpr bool is_specialization_of<Template<A...>, Template> = true;

template <class U>
inline constexpr bool is_related_manager = false;
template <class T, KeyNullability Keys>
inline constexpr bool is_related_manager<RelatedManager<T, Keys>> = true;

// Covet's own handles: none of them is a row of a table.
template <class U>
inline constexpr bool is_covet_handle =
    std::is_same_v<U, Value> || std::is_same_v<U, Q> || std::is_same_v<U, Prefetch> || std::is_same_v<U, GenericPrefetch> ||
    std::is_same_v<U, ThroughDefaults> || std::is_same_v<U, Database> || is_specialization_of<U, Ref> ||
    is_specialization_of<U, RefSet> || is_specialization_of<U, ManyRelatedManager> || is_related_manager<U> ||
    is_specialization_of<U, ReverseSet> || is_specialization_of<U, ReverseOne> ||
    is_specialization_of<U, QuerySet> || is_specialization_of<U, Partial>;

// Pointers, iterators, Ref, std::optional, smart pointers, Partial: handles
// to an object, not the object.
template <class U>
concept Dereferenceable = requires(U& u) { *u; } || requires(U& u) { u.operator->(); };

// std::pair, std::tuple, std::array, std::variant.
template <class U>
concept TupleOrVariant = requires { std::tuple_size<U>::value; } || requires { std::variant_size<U>::value; };

// The character types proper: a range of them is text, never a list of keys.
template <class U>
inline constexpr bool is_character =
    std::is_same_v<U, char> || std::is_same_v<U, wchar_t> || std::is_same_v<U, char8_t> ||
    std::is_same_v<U, char16_t> || std::is_same_v<U, char32_t>;

// A string, a string literal, a character or a range of characters.
template <class U>
concept TextLike = is_character<std::remove_cv_t<U>> || std::is_convertible_v<const U&, std::string_view> ||
                   (std::ranges::range<const U> &&
                    is_character<std::remove_cvref_t<std::ranges::range_value_t<const U>>>);

template <class U>
inline constexpr bool rejected = false;

}  // namespace detail

// The structural guess of what a model is (see the header comment); a
// program specializes it for a class the guess gets wrong.
template <class T>
inline constexpr bool enable_model =
    std::is_class_v<T> && !std::is_union_v<T> && !Storable<T> && !detail::is_covet_handle<T> &&
    !std::ranges::range<T> && !detail::Dereferenceable<T> && !detail::TupleOrVariant<T> &&
    !detail::is_specialization_of<T, std::reference_wrapper>;

// A model type: what Database::create / save / objects<T>() / ... take.
// Not cv-qualified: the functions that write to an object check that apart,
// with their own message.
template <class T>
concept Model = std::is_same_v<T, std::remove_cv_t<T>> && std::is_class_v<T> && enable_model<T> &&
                std::default_initializable<T> && std::copyable<T>;

// A value naming one row by its primary key, where add() / remove() / set()
// take keys. Every model's primary key is a covet::Id (the plugin requires
// one), so: a covet::Id, an integer (not bool, not a character type), or a
// covet::Value (checked at run time, for generic code).
template <class K>
concept PrimaryKeyValue = std::is_same_v<K, Id> || std::is_same_v<K, Value> ||
                          (std::is_integral_v<K> && !std::is_same_v<K, bool> && !detail::is_character<K>);

// One item of a related manager of T's add / remove / set: a saved object
// of T, a covet::Ref<T>, or a primary key value.
template <class T, class A>
concept RelatedItemOf = std::is_same_v<std::remove_cvref_t<A>, T> ||
                        std::is_same_v<std::remove_cvref_t<A>, Ref<T>> ||
                        PrimaryKeyValue<std::remove_cvref_t<A>>;

// A container (any input range) of such items; a string is not one.
template <class T, class A>
concept RelatedRangeOf = std::ranges::input_range<const std::remove_cvref_t<A>> &&
                         !detail::TextLike<std::remove_cvref_t<A>> &&
                         RelatedItemOf<T, std::ranges::range_value_t<const std::remove_cvref_t<A>>>;

// An argument of add / remove / set: an item or a range of items.
template <class T, class A>
concept RelatedArgumentOf = RelatedItemOf<T, A> || RelatedRangeOf<T, A>;

namespace detail {

// The static_asserts behind the concepts: one message per kind of mistake,
// each naming the fix. They are called first in the body of each public
// template, which the compiler's "in instantiation of ... requested here"
// notes then point back to the user's call.

template <class T>
constexpr void require_model() {
  using U = std::remove_cv_t<T>;
  if constexpr (!Model<U>) {
    if constexpr (std::is_pointer_v<U>) {
      static_assert(rejected<U>, "covet: a pointer is not a model object: pass the object (*pointer)");
    } else if constexpr (!std::is_class_v<U> || std::is_union_v<U>) {
      static_assert(rejected<U>,
                    "covet: a scalar is not a model object: pass an object of a [[covet::model]] struct "
                    "whose header is passed to covet_add_models(), e.g. db.create(Author{.name = \"Alice\"})");
    } else if constexpr (TextLike<U>) {
      static_assert(rejected<U>,
                    "covet: a string is not a model object: pass an object of a [[covet::model]] struct, or "
                    "find it first with db.objects<Model>().get(\"field\", value)");
    } else if constexpr (is_specialization_of<U, Ref>) {
      static_assert(rejected<U>,
                    "covet: a covet::Ref is not a model object: pass the object it refers to (ref.get())");
    } else if constexpr (is_specialization_of<U, Partial>) {
      static_assert(rejected<U>,
                    "covet: a covet::Partial is not a full model object: use db.save(partial) / "
                    "db.update(partial), or load the whole object with partial.full()");
    } else if constexpr (is_specialization_of<U, std::optional>) {
      static_assert(rejected<U>, "covet: a std::optional is not a model object: pass the object it holds (*opt)");
    } else if constexpr (std::ranges::range<U>) {
      static_assert(rejected<U>,
                    "covet: a container is not a model object: pass its objects one at a time, or a "
                    "std::vector of them to bulk_create() / bulk_update() / prefetch()");
    } else if constexpr (Storable<U>) {
      static_assert(rejected<U>,
                    "covet: a column value (covet::Id, a timestamp, a type covet::FieldTraits stores) is not "
                    "a model object: pass an object of a [[covet::model]] struct");
    } else if constexpr (is_covet_handle<U> || Dereferenceable<U>) {
      static_assert(rejected<U>,
                    "covet: a handle (a manager, a query set, a smart pointer...) is not a model object: pass "
                    "an object of a [[covet::model]] struct");
    } else if constexpr (!std::default_initializable<U> || !std::copyable<U>) {
      static_assert(rejected<U>,
                    "covet: a model must be default-constructible and copyable (the runtime makes and "
                    "copies its objects): give every member a default and keep the copy operations");
    } else {
      static_assert(rejected<U>,
                    "covet: this type is not a model: a model is a [[covet::model]] struct (if it is one, "
                    "specialize covet::enable_model<T> = true)");
    }
  }
}

// For calls that write into the object (save, erase, refresh): a model, and
// not const.
template <class T>
constexpr void require_writable_model() {
  using U = std::remove_cv_t<T>;
  if constexpr (std::is_const_v<T> && (Model<U> || is_specialization_of<U, Partial>)) {
    static_assert(rejected<T>,
                  "covet: this call writes into the object (its key, its relation members): pass a non-const "
                  "object");
  } else {
    require_model<T>();
  }
}

// db.related(owner, &T::member) / related_one: T a model, `owner` (of type
// O) an object of the model the member refers to (Owner), or of a model
// derived from it (a proxy of it, say: its row is an Owner row).
template <class O, class Owner>
inline constexpr bool is_owner_object =
    std::is_same_v<std::remove_cv_t<O>, Owner> || std::is_base_of_v<Owner, std::remove_cv_t<O>>;

template <class O, class Owner, class T>
inline constexpr bool owner_fits = Model<T> && is_owner_object<O, Owner> && Model<Owner>;

template <class O, class Owner, class T>
constexpr void require_owner() {
  require_model<T>();
  require_model<O>();
  if constexpr (Model<std::remove_cv_t<O>>)
    static_assert(is_owner_object<O, Owner>,
                  "covet: db.related(owner, &Model::member): the owner is an object of another model than "
                  "the member refers to; pass an object of the member's target (the T of its Ref<T> / "
                  "RefSet<T>) or of a model derived from it");
}

// An argument of a related manager of T's add / remove / set.
template <class T, class A>
constexpr void require_related_argument() {
  using U = std::remove_cvref_t<A>;
  if constexpr (!RelatedArgumentOf<T, A> && !std::is_same_v<U, ThroughDefaults>) {
    if constexpr (TextLike<U>) {
      static_assert(rejected<U>,
                    "covet: a string is not a key of the related model: add() / remove() / set() take its "
                    "saved objects, covet::Ref to them, covet::Id or integer keys; find the object first, "
                    "e.g. post.tags.add(db.objects<Tag>().get(\"name\", \"python\"))");
    } else if constexpr (std::is_same_v<U, bool> || std::is_floating_point_v<U> || std::is_enum_v<U>) {
      static_assert(rejected<U>,
                    "covet: keys are covet::Id or integers: a bool, a floating-point number or an enum is not "
                    "a key of the related model");
    } else if constexpr (is_specialization_of<U, Ref>) {
      static_assert(rejected<U>,
                    "covet: this covet::Ref refers to another model than the manager's: pass objects of the "
                    "manager's model (its value_type), Refs to it or their keys");
    } else if constexpr (Model<U>) {
      static_assert(rejected<U>,
                    "covet: this object is of another model than the manager's: pass objects of the "
                    "manager's model (its value_type), Refs to it or their keys");
    } else if constexpr (std::ranges::range<const U>) {
      static_assert(rejected<U>,
                    "covet: the elements of this container are not items of the manager: pass objects of "
                    "the manager's model, covet::Ref to them, covet::Id or integer keys");
    } else {
      static_assert(rejected<U>,
                    "covet: add() / remove() / set() take saved objects of the manager's model, covet::Ref "
                    "to them, covet::Id or integer keys, or a container of those");
    }
  }
}

// The reverse side of a foreign key sets the key of the objects passed (as
// Django does), so an object passed to its add / remove / set must be
// modifiable. Keys and Refs may be const.
template <class T, class A>
constexpr bool is_modifiable_object() {
  using Ref_ = std::remove_reference_t<A>;
  if constexpr (std::is_same_v<std::remove_cv_t<Ref_>, T>) {
    return !std::is_const_v<Ref_>;
  } else if constexpr (RelatedRangeOf<T, A>) {
    using Element = std::remove_reference_t<std::ranges::range_reference_t<Ref_>>;
    return !std::is_same_v<std::remove_cv_t<Element>, T> || !std::is_const_v<Element>;
  } else {
    return true;
  }
}

template <class T, class A>
constexpr void require_assignable_item() {
  static_assert(is_modifiable_object<T, A>(),
                "covet: add() / remove() / set() on the reverse side of a foreign key set the key of the objects "
                "passed, so pass them (or the container of them) non-const, or pass their keys (obj.id)");
}

}  // namespace detail

}  // namespace covet

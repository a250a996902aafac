// covet::Q is a filter condition: one lookup ("author__name__startswith")
// with its value, or a tree of them joined with &, | and ~, as Django's Q.
//
//   using covet::Q;
//   auto q = (Q("title__icontains", "guide") | Q("published_year__gte", 2020)) &
//            ~Q("editor", nullptr);
//   auto books = db.objects<Book>().filter(q).fetch();
//
// A lookup is a path of field names separated by "__", optionally ending with
// a lookup name (exact when omitted): exact, iexact, gt, gte, lt, lte, in,
// contains, icontains, startswith, istartswith, endswith, iendswith, isnull,
// range. The path is checked against the model when the query is built, not
// here, so a Q can be written once and used with any model that has those
// fields.
//
// Values are always bound as statement parameters. Accepted: anything with
// covet::FieldTraits (numbers, strings, covet::Id, times, dates, blobs, enums),
// C strings and string_views, std::optional of those and std::nullopt/nullptr
// (NULL: Q("editor", nullptr) means IS NULL), a covet::Ref (its key), a saved
// model object, containers for `in` (std::vector, std::array, std::set, a
// braced list) and std::pair / two-element std::tuple for `range`. A model
// object, or a Ref holding one, becomes the key the compared column holds:
// its primary key, or the to_field value for a to_field relation. Each value
// is checked against its column when the condition is added to a query (a
// UsageError names the field, its type and the value's type).
//
// An empty Q() matches everything and is the identity of both & and | (as in
// Django, Q() | x is x); ~Q() is still empty.
#pragma once

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/model_info.hpp>
#include <covet/ref.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet {

namespace detail {

// A model object given as a value: its model and the values of the columns a
// relation can refer to (the primary key first, then each unique column), so
// the query compiler can take the one the compared column holds once it knows
// that column (a to_field relation holds its to_field).
struct ObjectKeys {
  const ModelInfo* model = nullptr;
  std::vector<std::pair<const MemberInfo*, Value>> keys;
};

// The keys of a saved model object used as a filter or update value. Throws
// UsageError when the object is unsaved (a filter on key 0 would silently
// match nothing).
std::shared_ptr<const ObjectKeys> object_keys(const ModelInfo& model, const void* object);

// A lookup's right-hand side: one value, or a list (for `in` and `range`).
struct FilterValue {
  std::vector<Value> values;
  bool is_list = false;
  // The model objects among `values`, by index: values[index] holds the
  // object's primary key (a Ref's key) until the compared column is known.
  std::vector<std::pair<std::size_t, std::shared_ptr<const ObjectKeys>>> objects;
};

template <class U>
struct is_optional : std::false_type {};
template <class U>
struct is_optional<std::optional<U>> : std::true_type {};

template <class U>
struct is_model_ref : std::false_type {};
template <class T>
struct is_model_ref<Ref<T>> : std::true_type {};

template <class U>
struct is_pair_like : std::false_type {};
template <class A, class B>
struct is_pair_like<std::pair<A, B>> : std::true_type {};
template <class A, class B>
struct is_pair_like<std::tuple<A, B>> : std::true_type {};

template <class U>
concept StringLike = std::is_convertible_v<const U&, std::string_view>;

template <class U>
concept KeyHolder = requires(const U& u) {
  { u.key() } -> std::convertible_to<const Value&>;
};

template <class U>
inline constexpr bool dependent_false = false;

// Appends one value to bind. The order of the checks matters: strings are
// Storable ranges, Refs and optionals are neither Storable nor models.
template <class V>
void append_filter_scalar(FilterValue& out, const V& v) {
  using U = std::remove_cvref_t<V>;
  if constexpr (std::is_same_v<U, Value>) {
    out.values.push_back(v);
  } else if constexpr (std::is_same_v<U, std::nullptr_t> || std::is_same_v<U, std::nullopt_t>) {
    out.values.emplace_back();
  } else if constexpr (is_optional<U>::value) {
    if (v) {
      append_filter_scalar(out, *v);
    } else {
      out.values.emplace_back();
    }
  } else if constexpr (Storable<U>) {
    out.values.push_back(FieldTraits<U>::to_value(v));
  } else if constexpr (StringLike<U>) {
    out.values.emplace_back(std::string(std::string_view(v)));
  } else if constexpr (is_model_ref<U>::value) {
    // A Ref holding its object (Ref(obj), a loaded relation): the object's
    // keys, so a to_field relation gets its to_field value.
    if (const void* object = RefAccess::cached(v); object && v.has_value())
      out.objects.emplace_back(out.values.size(), object_keys(model_info<typename U::element_type>(), object));
    out.values.push_back(v.key());
  } else if constexpr (KeyHolder<U>) {
    out.values.push_back(Value(v.key()));
  } else if constexpr (std::is_class_v<U> && !std::ranges::range<U>) {
    auto keys = object_keys(model_info<U>(), &v);
    out.objects.emplace_back(out.values.size(), keys);
    out.values.push_back(keys->keys.front().second);
  } else {
    static_assert(dependent_false<U>,
                  "covet: this type cannot be a filter value; use a storable type, a Ref, "
                  "a model object, std::nullopt, a container (for __in) or a pair (for __range)");
  }
}

template <class V>
FilterValue filter_value(const V& v) {
  using U = std::remove_cvref_t<V>;
  FilterValue out;
  if constexpr (is_pair_like<U>::value) {
    out.is_list = true;
    append_filter_scalar(out, std::get<0>(v));
    append_filter_scalar(out, std::get<1>(v));
  } else if constexpr (std::ranges::range<const U> && !Storable<U> && !StringLike<U> &&
                       !is_optional<U>::value) {
    out.is_list = true;
    if constexpr (std::ranges::sized_range<const U>) out.values.reserve(std::ranges::size(v));
    for (const auto& element : v) append_filter_scalar(out, element);
  } else {
    append_filter_scalar(out, v);
  }
  return out;
}

struct QNode;  // the condition tree, runtime/query/q_node.hpp

}  // namespace detail

class Q {
 public:
  // Matches everything.
  Q() = default;

  // One lookup: Q("author__name__startswith", "Al"), Q("id__in", ids).
  template <class V>
  Q(std::string_view lookup, V&& value) : Q(lookup, detail::filter_value(value)) {}

  // A braced list for `in` or `range`: Q("id__in", {1, 2, 3}).
  template <class E>
  Q(std::string_view lookup, std::initializer_list<E> values)
      : Q(lookup, detail::filter_value(values)) {}

  Q(std::string_view lookup, detail::FilterValue value);

  // Both must hold / either may hold / the condition must not hold.
  friend Q operator&(Q a, Q b);
  friend Q operator|(Q a, Q b);
  friend Q operator~(Q q);

  Q& operator&=(Q other) { return *this = std::move(*this) & std::move(other); }
  Q& operator|=(Q other) { return *this = std::move(*this) | std::move(other); }

  // True for Q(): no condition at all.
  bool empty() const noexcept { return node_ == nullptr; }

  // The condition in Django's notation, for messages:
  // "(name='Alice' OR age__gt=30) AND NOT (bio=NULL)".
  std::string to_string() const;

  // The tree, for the query compiler.
  const std::shared_ptr<const detail::QNode>& node() const noexcept { return node_; }

 private:
  explicit Q(std::shared_ptr<const detail::QNode> node) : node_(std::move(node)) {}

  std::shared_ptr<const detail::QNode> node_;
};

}  // namespace covet

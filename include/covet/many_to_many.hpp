// covet::ManyRelatedManager<T>: the objects of T on the other side of a
// many-to-many relation from one owner object, and the writes that change
// which they are (Django's ManyRelatedManager).
//
//   struct [[covet::model]] Post {
//     covet::Id id;
//     [[covet::many_to_many, covet::related_name("posts")]] covet::RefSet<Tag> tags;
//   };
//
//   post.tags.add(python, cpp);             // one INSERT for any number of tags
//   post.tags.add(tags);                    // a container of tags (or keys) works too
//   post.tags.remove(cpp);                  // one DELETE
//   post.tags.set({python, rust});          // writes only the difference, atomically
//   post.tags.clear();
//   Tag t = post.tags.create(Tag{.name = "new"});   // INSERT the tag, then the pair
//   for (const Tag& t : post.tags.all()) ...        // a QuerySet<Tag>
//   python.posts.count();                   // the reverse side: a declared
//   db.related(python, &Post::tags).all();  // ReverseSet<Post>, or db.related
//
// Items passed to add / remove / set are saved objects of T, covet::Ref<T>,
// covet::Id or integer keys, or any container of those, mixed freely
// (covet::RelatedArgumentOf, concepts.hpp). Anything else -- a string, a
// range of characters, an object of another model -- is a compile error
// naming the fix. Each call dedupes its items, and add never writes a pair
// that exists already.
//
// Through models: with covet::through("Membership") the pairs are rows of
// that model. Its other columns take the values of a prototype passed as
// covet::through_defaults(Membership{.role = "admin"}) to add / set / create;
// without one, a value-initialized Membership (its default member
// initializers) supplies them.
//
// Symmetrical relations (a self many-to-many, unless covet::symmetrical(false))
// store each pair in both directions: alice.friends.add(bob) also makes alice
// one of bob's friends, and remove / clear undo both rows.
//
// Every write is one statement per batch of rows (batches stay under the
// backend's parameter limit); a write of more than one statement runs in one
// transaction (a savepoint when one is open). Errors: UsageError when the
// manager is unbound, its database closed or an item is unsaved; the backend's
// IntegrityError subclasses when a key refers to no row.
#pragma once

#include <covet/concepts.hpp>
#include <covet/detail/binding.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/detail/lazy_load.hpp>
#include <covet/detail/manager_queries.hpp>
#include <covet/detail/prefetch_cache.hpp>
#include <covet/errors.hpp>
#include <covet/id.hpp>
#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/ref.hpp>
#include <covet/value.hpp>

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
// Throws DataError naming the model and the field when a column value of
// `object` (an instance of `model`) cannot be stored: text that is not
// UTF-8 or longer than its max_length (runtime/model/column_value.cpp).
void check_values(const ModelInfo& model, const void* object);
}  // namespace detail

// Values for a through model's own columns when add / set / create write its
// rows: every column of the prototype except its primary key and its two
// relation keys, which the manager fills in.
class ThroughDefaults {
 public:
  // No prototype: a value-initialized through object supplies the values.
  ThroughDefaults() = default;

  // Throws DataError when a value of the prototype does not fit its column
  // (text longer than its max_length, invalid UTF-8), before any statement.
  template <class M>
  explicit ThroughDefaults(const M& prototype) {
    detail::require_model<M>();
    model_ = &model_info<M>();
    object_ = std::make_shared<const M>(prototype);
    detail::check_values(*model_, object_.get());
  }

  // The prototype's model and object; nullptr when there is none.
  const ModelInfo* model() const noexcept { return model_; }
  const void* object() const noexcept { return object_.get(); }

 private:
  const ModelInfo* model_ = nullptr;
  std::shared_ptr<const void> object_;
};

// covet::through_defaults(Membership{.role = "admin"}): see ThroughDefaults.
template <class M>
ThroughDefaults through_defaults(const M& prototype) {
  return ThroughDefaults(prototype);
}

namespace detail {

// What a bound many-to-many manager stands for: one relation, read from one
// side, for one owner.
struct ManyToManyLink {
  SharedBinding binding;                 // the database (and auto-prefetch peers): binding.hpp
  const MemberInfo* relation = nullptr;  // the RefSet member, on the model declaring it
  bool reverse = false;                  // true: the owner is on the relation's target side
  OwnerKey owner_key;                    // the owner's primary key

  const std::weak_ptr<DatabaseState>& database() const { return bound_database(binding); }
  const std::shared_ptr<PeerGroup>& peers() const { return bound_peers(binding); }
};

// Runtime entry points (runtime/relations/many_to_many.cpp). `keys` are
// primary keys of the managed side (the side that is not the owner's).
// Each throws UsageError when the link is unbound or its database closed.
std::shared_ptr<DatabaseState> m2m_database(const ManyToManyLink& link);
// The lookup on the managed model that selects the owner's related objects.
std::string m2m_owner_lookup(const ManyToManyLink& link);
void m2m_add(const ManyToManyLink& link, const std::vector<Value>& keys, const ThroughDefaults& defaults);
void m2m_remove(const ManyToManyLink& link, const std::vector<Value>& keys);
void m2m_clear(const ManyToManyLink& link);
void m2m_set(const ManyToManyLink& link, const std::vector<Value>& keys, const ThroughDefaults& defaults);
// INSERTs `object` (of the managed model) and its pair, in one transaction.
void m2m_create(const ManyToManyLink& link, const ModelInfo& managed, void* object,
                const ThroughDefaults& defaults);


template <class A>
concept IsThroughDefaults = std::is_same_v<std::remove_cvref_t<A>, ThroughDefaults>;

template <class T, class A>
void collect_item(std::vector<Value>& keys, const A& item, const char* what) {
  using U = std::remove_cvref_t<A>;
  if constexpr (std::is_same_v<U, T>) {
    keys.push_back(saved_key(model_info<T>(), &item, what));
  } else if constexpr (std::is_same_v<U, Ref<T>>) {
    if (!item.has_value()) throw UsageError(std::string(what) + ": a null Ref has no key", model_info<T>().name);
    keys.push_back(item.key());
  } else if constexpr (std::is_same_v<U, Id>) {
    if (!item.has_value())
      throw UsageError(std::string(what) + ": Id 0 is the key of an unsaved " + model_info<T>().name,
                       model_info<T>().name);
    keys.push_back(Value(item.value()));
  } else if constexpr (std::is_same_v<U, Value>) {
    keys.push_back(item);
  } else {
    keys.push_back(Value(static_cast<std::int64_t>(item)));
  }
}

// Flattens the arguments of add / remove / set into keys (and the through
// defaults, when one argument is one).
template <class T>
struct RelatedArguments {
  std::vector<Value> keys;
  ThroughDefaults defaults;
  const char* what = "";

  template <class A>
  void take(const A& arg) {
    using U = std::remove_cvref_t<A>;
    if constexpr (std::is_same_v<U, ThroughDefaults>) {
      defaults = arg;
    } else if constexpr (RelatedItemOf<T, A>) {
      collect_item<T>(keys, arg, what);
    } else {
      for (const auto& item : arg) collect_item<T>(keys, item, what);
    }
  }
};

}  // namespace detail

template <class T>
class ManyRelatedManager : public detail::ManagerQueries<ManyRelatedManager<T>, T> {
 public:
  using value_type = T;

  // An unbound manager: every call throws UsageError.
  ManyRelatedManager() = default;
  explicit ManyRelatedManager(detail::ManyToManyLink link) : link_(std::move(link)) {}

  bool is_bound() const noexcept { return link_.relation != nullptr && !link_.owner_key.is_null(); }

  // The related objects, as a query set to refine, iterate or fetch; the
  // prefetched ones when prefetch_related loaded them (no query then).
  // Throws UsageError in strict loading mode when they were not prefetched.
  QuerySet<T> all() const {
    if (prefetched_.has_rows()) {
      // Read from the rows; the query is built only if the query set is
      // refined (each prefetched object's manager answers this way).
      auto db = detail::m2m_database(link_);
      return detail::QuerySetAccess::with_owner_results(
          QuerySet<T>(db), detail::PendingOwnerFilter{detail::m2m_owner_lookup(link_), link_.owner_key.value()},
          prefetched_.rows());
    }
    QuerySet<T> rows = query();
    auto loaded = detail::lazy_rows(
        detail::LazyLoad{link_.relation, link_.reverse, link_.owner_key.value(), link_.peers()},
        detail::QuerySetAccess::core(rows));
    if (!loaded) return rows;
    prefetched_.assign(std::static_pointer_cast<std::vector<T>>(std::move(loaded)));
    return detail::QuerySetAccess::with_results(std::move(rows), prefetched_.rows());
  }
  // The related objects as a query set, always queried (filter() and get()
  // refine this one).
  QuerySet<T> query() const {
    auto db = detail::m2m_database(link_);
    return QuerySet<T>(db).filter(Q(detail::m2m_owner_lookup(link_), link_.owner_key.value()));
  }
  // Whether all() answers from prefetched rows (no query).
  bool is_prefetched() const noexcept { return prefetched_.has_rows(); }
  bool reads_rows() const noexcept { return prefetched_.has_rows() || link_.peers() != nullptr; }

  // Relates the items to the owner; pairs that exist already are skipped.
  // One INSERT per batch of rows. Arguments: see the header comment, plus at
  // most one covet::through_defaults(...).
  template <class... A>
    requires(sizeof...(A) > 0)
  void add(const A&... items) const {
    (detail::require_related_argument<T, A>(), ...);
    static_assert((detail::IsThroughDefaults<A> + ... + 0) <= 1,
                  "covet: add() takes at most one covet::through_defaults(...)");
    if constexpr (((RelatedArgumentOf<T, A> || detail::IsThroughDefaults<A>) && ...)) {
      auto args = collect("add()", items...);
      prefetched_.clear();
      detail::m2m_add(link_, args.keys, args.defaults);
    }
  }

  // Unrelates the items (deletes their pairs); items not related are ignored.
  template <class... A>
    requires(sizeof...(A) > 0)
  void remove(const A&... items) const {
    static_assert(!(detail::IsThroughDefaults<A> || ...), "covet: remove() takes no through_defaults");
    (detail::require_related_argument<T, A>(), ...);
    if constexpr ((RelatedArgumentOf<T, A> && ...)) {
      auto args = collect("remove()", items...);
      prefetched_.clear();
      detail::m2m_remove(link_, args.keys);
    }
  }

  // Unrelates every object from the owner.
  void clear() const {
    prefetched_.clear();
    detail::m2m_clear(link_);
  }

  // Makes `items` exactly the related objects: deletes the pairs not in it and
  // adds the missing ones (with `defaults`), in one transaction.
  template <class R>
  void set(const R& items, const ThroughDefaults& defaults = {}) const {
    detail::require_related_argument<T, R>();
    static_assert(!RelatedItemOf<T, R>, "covet: set() takes a container of items: set({item, ...})");
    if constexpr (RelatedRangeOf<T, R>) {
      auto args = collect("set()", items);
      prefetched_.clear();
      detail::m2m_set(link_, args.keys, defaults);
    }
  }
  void set(std::initializer_list<T> items, const ThroughDefaults& defaults = {}) const {
    auto args = collect("set()", items);
    prefetched_.clear();
    detail::m2m_set(link_, args.keys, defaults);
  }

  // INSERTs `object` and relates it to the owner, in one transaction; returns
  // it saved and bound.
  T create(T object, const ThroughDefaults& defaults = {}) const {
    prefetched_.clear();
    detail::m2m_create(link_, model_info<T>(), &object, defaults);
    return object;
  }
  // An object of another type is not one of T (nor sliced into one).
  template <class U>
    requires(!std::is_same_v<std::remove_cvref_t<U>, T>)
  T create(U&&, const ThroughDefaults& = {}) const {
    static_assert(detail::rejected<U>,
                  "covet: create() makes an object of the manager's model (its value_type): pass one, e.g. "
                  "post.tags.create({.name = \"new\"})");
    return T{};
  }

 protected:
  const detail::ManyToManyLink& link() const noexcept { return link_; }
  void rebind(detail::ManyToManyLink link) {
    link_ = std::move(link);
    prefetched_.clear();
  }
  detail::PrefetchCache<T>& prefetch_cache() const noexcept { return prefetched_; }

 private:
  template <class... A>
  static detail::RelatedArguments<T> collect(const char* what, const A&... items) {
    detail::RelatedArguments<T> args;
    args.what = what;
    (args.take(items), ...);
    return args;
  }

  detail::ManyToManyLink link_;
  mutable detail::PrefetchCache<T> prefetched_;
};

}  // namespace covet

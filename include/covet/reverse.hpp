// The reverse side of foreign keys, one-to-ones and many-to-manys.
//
// Relation accessors, by kind and direction (after Django's
// related_descriptors.py):
//
//   relation      forward (declared on the referencing model)  reverse (on the target)
//   foreign_key   covet::Ref<T>            (ref.hpp)           covet::RelatedManager<T>
//   one_to_one    covet::Ref<T>            (ref.hpp)           covet::ReverseOne<T>
//   many_to_many  covet::RefSet<T>         (ref_set.hpp)       covet::ManyRelatedManager<T>
//                 (a ManyRelatedManager<T>, many_to_many.hpp)  (or a RelatedManager<T>
//                                                               mirroring the relation)
//
// The reverse side is reachable two ways. A model may declare it as a member,
// named like the relation's related_name, and it is bound whenever the object
// is loaded or created through a Database:
//
//   struct [[covet::model]] Author {
//     covet::Id id;
//     std::string name;
//     covet::ReverseSet<struct Book> books;     // mirrors Book::author (related_name "books")
//   };
//   auto recent = alice.books.filter("published_year__gte", 2020).fetch();
//
// A declared ReverseSet<T> also mirrors a many-to-many (Tag::posts for
// Post::tags); it then behaves as that relation's ManyRelatedManager.
//
// Or, without declaring anything, through the database:
//
//   auto books = db.related(alice, &Book::author);          // RelatedManager<Book, NonNull>
//   auto count = db.related<Book>(alice, "books").count();  // by accessor name
//   auto posts = db.related(python, &Post::tags);           // ManyRelatedManager<Post>
//
// Writes on the reverse of a foreign key (add, remove, clear, set) change the
// key column of the related rows, and add / remove / set the key member of
// the objects passed as well (as Django does). They need a nullable key, as
// in Django (remove and clear set it to NULL). Where the key's type is known at compile
// time -- db.related(owner, &Book::editor) -- the manager's type says so
// (KeyNullability::Nullable or NonNull) and the methods are absent for a
// non-null key; a declared ReverseSet<T> and db.related<T>(owner, "name") learn
// the relation at run time and throw UsageError there instead. create() works
// for every key.
#pragma once

#include <covet/concepts.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/detail/lazy_load.hpp>
#include <covet/detail/manager_queries.hpp>
#include <covet/detail/prefetch_cache.hpp>
#include <covet/errors.hpp>
#include <covet/many_to_many.hpp>
#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/value.hpp>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
struct ReverseAccess;

// Reverse foreign-key writes (runtime/relations/reverse_foreign_key.cpp). `owner`
// is the value the key column holds for the owner; `keys` are primary keys
// of the related model. Each runs one statement per batch of keys, several
// in one transaction.
// UPDATE ... SET key = owner WHERE pk IN (keys).
void fk_add(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& reverse, const Value& owner,
            const std::vector<Value>& keys);
// UPDATE ... SET key = NULL WHERE key = owner AND pk IN (keys).
void fk_remove(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& reverse, const Value& owner,
               const std::vector<Value>& keys);
// UPDATE ... SET key = NULL WHERE key = owner.
void fk_clear(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& reverse, const Value& owner);
// The difference between the related rows and `keys`, written in one transaction.
void fk_set(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& reverse, const Value& owner,
            const std::vector<Value>& keys);
// Throws UsageError naming the relation when its key is not nullable.
void require_nullable_key(const ReverseRelation& reverse, const char* what);
// Throws DoesNotExist, naming the owner's model, when `object`'s key does not
// hold `owner`.
void require_related(const ReverseRelation& reverse, const Value& owner, const void* object);
// Makes `object`'s key member (the relation `reverse` mirrors) hold `key`, as
// its row does after a write: bound to `db` when `key` is the owner's, reset
// (nullopt) when `key` is NULL.
void fk_assign(const std::weak_ptr<DatabaseState>& db, const ReverseRelation& reverse, const Value& key,
               void* object);
// Throws UsageError: through_defaults passed to the reverse of a foreign key.
[[noreturn]] void refuse_through_defaults(const ReverseRelation& reverse);
}  // namespace detail

// What a reverse manager knows at compile time about the foreign key it
// mirrors: Checked (a declared ReverseSet<T>, or found by name: checked at run
// time), or the key's nullability, read from the member pointer's type.
enum class KeyNullability { Checked, Nullable, NonNull };

// The objects of T whose foreign key points at one owner object: a query set
// restricted to them, plus create() and, for a nullable key, add / remove /
// clear / set. Mirroring a many-to-many (a declared ReverseSet<T> or
// db.related<T>(owner, "name")), it is that relation's ManyRelatedManager<T>.
template <class T, KeyNullability Keys = KeyNullability::Checked>
class RelatedManager : public detail::ManagerQueries<RelatedManager<T, Keys>, T> {
 public:
  // An unbound manager: every call throws UsageError until the owner is
  // loaded or created through a Database.
  RelatedManager() = default;

  RelatedManager(std::weak_ptr<detail::DatabaseState> db, const ReverseRelation* reverse,
                 Value owner_key)
      : binding_(detail::make_binding(std::move(db))), reverse_(reverse), owner_key_(owner_key) {}

  // A statically checked manager converts to a run-time checked one.
  template <KeyNullability Other>
    requires(Keys == KeyNullability::Checked && Other != KeyNullability::Checked)
  RelatedManager(const RelatedManager<T, Other>& other)  // NOLINT(google-explicit-constructor)
      : binding_(other.binding_), reverse_(other.reverse_), owner_key_(other.owner_key_) {}

  bool is_bound() const noexcept { return reverse_ != nullptr && !owner_key_.is_null(); }

  // The related objects, as a query set to iterate, fetch or refine; the
  // prefetched ones when prefetch_related loaded them (no query then).
  // Throws UsageError in strict loading mode when they were not prefetched.
  QuerySet<T> all() const {
    if (prefetched_.has_rows()) {
      // Read from the rows; the query is built only if the query set is
      // refined (each prefetched object's manager answers this way).
      require_bound();
      auto db = detail::lock_database(database(), describe());
      return detail::QuerySetAccess::with_owner_results(QuerySet<T>(db), owner_filter(), prefetched_.rows());
    }
    QuerySet<T> rows = query();
    auto loaded = detail::lazy_rows(detail::LazyLoad{reverse_->member, true, owner_key_.value(), peers()},
                                    detail::QuerySetAccess::core(rows));
    if (!loaded) return rows;
    prefetched_.assign(std::static_pointer_cast<std::vector<T>>(std::move(loaded)));
    return detail::QuerySetAccess::with_results(std::move(rows), prefetched_.rows());
  }
  // The related objects as a query set, always queried (filter() and get()
  // refine this one).
  QuerySet<T> query() const {
    require_bound();
    if (is_many_to_many()) return many().query();
    auto db = detail::lock_database(database(), describe());
    detail::PendingOwnerFilter owner = owner_filter();
    return QuerySet<T>(db).filter(Q(owner.lookup, std::move(owner.key)));
  }
  // Whether all() answers from prefetched rows (no query).
  bool is_prefetched() const noexcept { return prefetched_.has_rows(); }
  bool reads_rows() const noexcept { return prefetched_.has_rows() || peers() != nullptr; }


  // Inserts `object` related to the owner (its foreign key set to the owner;
  // for a many-to-many, with its pair, in one transaction); returns it saved
  // and bound.
  T create(T object) const {
    require_bound();
    prefetched_.clear();
    if (is_many_to_many()) return many().create(std::move(object));
    auto db = detail::lock_database(database(), describe());
    reverse_->member->set(&object, owner_key_.value());
    detail::insert_object(db, model_info<T>(), &object);
    return object;
  }
  // An object of another type is not one of T (nor sliced into one).
  template <class U>
    requires(!std::is_same_v<std::remove_cvref_t<U>, T>)
  T create(U&&) const {
    static_assert(detail::rejected<U>,
                  "covet: create() makes an object of the manager's model (its value_type): pass one, e.g. "
                  "topic.posts.create({.title = \"new\"})");
    return T{};
  }

  // Points the items' foreign keys at the owner: one UPDATE per batch. Items
  // are saved objects of T, Refs, Ids, integer keys or containers of those
  // (covet::RelatedArgumentOf). As in Django, each object passed is updated
  // in memory too: its key then holds the owner's, bound to the database,
  // so a later remove(obj) or obj.<key>.get() sees it. Objects are taken by
  // non-const reference for that (a const object does not compile: pass its
  // key instead). Throws UsageError for an unsaved object and for a non-null
  // key (Checked managers; the others do not have the method); nothing is
  // written or modified then.
  template <class... A>
    requires(Keys != KeyNullability::NonNull && sizeof...(A) > 0)
  void add(A&&... items) const {
    static_assert(Keys == KeyNullability::Checked || !(detail::IsThroughDefaults<A> || ...),
                  "covet: through_defaults apply to a many-to-many; this manager is the reverse of a foreign key");
    (detail::require_related_argument<T, A>(), ...);
    (detail::require_assignable_item<T, A>(), ...);
    if constexpr ((((RelatedArgumentOf<T, A> && detail::is_modifiable_object<T, A>()) ||
                    detail::IsThroughDefaults<A>) &&
                   ...)) {
      require_bound();
      prefetched_.clear();
      if (is_many_to_many()) return many().add(items...);
      if constexpr ((detail::IsThroughDefaults<A> || ...)) detail::refuse_through_defaults(*reverse_);
      detail::fk_add(writable("add()"), *reverse_, owner_key_.value(), keys("add()", items...));
      (assign(items, owner_key_.value()), ...);
    }
  }

  // Sets the items' foreign keys to NULL, in the database and in the
  // objects passed. Throws DoesNotExist (naming the owner's model, as
  // Django's <Owner>.DoesNotExist) when an object passed is not related to
  // the owner, before anything is written; keys passed as such are not
  // checked: those not related are left alone.
  template <class... A>
    requires(Keys != KeyNullability::NonNull && sizeof...(A) > 0)
  void remove(A&&... items) const {
    static_assert(!(detail::IsThroughDefaults<A> || ...), "covet: remove() takes no through_defaults");
    (detail::require_related_argument<T, A>(), ...);
    (detail::require_assignable_item<T, A>(), ...);
    if constexpr (((RelatedArgumentOf<T, A> && detail::is_modifiable_object<T, A>()) && ...)) {
      require_bound();
      prefetched_.clear();
      if (is_many_to_many()) return many().remove(items...);
      auto db = writable("remove()");
      (check_related(items), ...);
      detail::fk_remove(db, *reverse_, owner_key_.value(), keys("remove()", items...));
      (assign(items, Value()), ...);
    }
  }

  // Sets the foreign key of every related object to NULL.
  void clear() const
    requires(Keys != KeyNullability::NonNull)
  {
    require_bound();
    prefetched_.clear();
    if (is_many_to_many()) return many().clear();
    detail::fk_clear(writable("clear()"), *reverse_, owner_key_.value());
  }

  // Makes `items` exactly the related objects: unrelates the others (NULL)
  // and relates the missing ones, in one transaction. The objects passed
  // then hold the owner's key in memory, as after add(). set({a, b}) takes
  // the objects themselves (lvalues), not copies.
  template <class R>
    requires(Keys != KeyNullability::NonNull)
  void set(R&& items) const {
    detail::require_related_argument<T, R>();
    static_assert(!RelatedItemOf<T, R>, "covet: set() takes a container of items: set({item, ...})");
    detail::require_assignable_item<T, R>();
    if constexpr (RelatedRangeOf<T, R> && detail::is_modifiable_object<T, R>()) {
      require_bound();
      prefetched_.clear();
      if (is_many_to_many()) return many().set(items);
      detail::fk_set(writable("set()"), *reverse_, owner_key_.value(), keys("set()", items));
      assign(items, owner_key_.value());
    }
  }
  void set(std::initializer_list<std::reference_wrapper<T>> items) const
    requires(Keys != KeyNullability::NonNull)
  {
    std::vector<Value> ids;
    ids.reserve(items.size());
    for (T& object : items) ids.push_back(detail::saved_key(model_info<T>(), &object, "set()"));
    require_bound();
    prefetched_.clear();
    if (is_many_to_many()) return many().set(ids);
    detail::fk_set(writable("set()"), *reverse_, owner_key_.value(), ids);
    for (T& object : items) detail::fk_assign(database(), *reverse_, owner_key_.value(), &object);
  }

 private:
  friend struct detail::ReverseAccess;
  template <class, KeyNullability>
  friend class RelatedManager;

  void require_bound() const {
    if (!is_bound()) detail::throw_unbound_reverse(typeid(T), reverse_, "RelatedManager");
  }
  std::string describe() const {
    return reverse_ ? reverse_->source->name + "." + reverse_->member->name + " (reverse)"
                    : std::string("reverse relation");
  }
  bool is_many_to_many() const {
    return reverse_->member->relation->kind == RelationKind::ManyToMany;
  }
  // The condition query() (or, for a many-to-many, its manager's) puts on
  // the related model's rows.
  detail::PendingOwnerFilter owner_filter() const {
    if (is_many_to_many())
      return {detail::m2m_owner_lookup(detail::ManyToManyLink{binding_, reverse_->member, true, owner_key_}),
              owner_key_.value()};
    return {reverse_->member->name, owner_key_.value()};
  }
  ManyRelatedManager<T> many() const {
    return ManyRelatedManager<T>(
        detail::ManyToManyLink{binding_, reverse_->member, true, owner_key_});
  }
  // The database, once the key is known to be nullable.
  std::shared_ptr<detail::DatabaseState> writable(const char* what) const {
    detail::require_nullable_key(*reverse_, what);
    return detail::lock_database(database(), describe());
  }
  template <class... A>
  static std::vector<Value> keys(const char* what, const A&... items) {
    detail::RelatedArguments<T> args;
    args.what = what;
    (args.take(items), ...);
    return std::move(args.keys);
  }
  // Django's remove(): an object passed must be related to the owner.
  template <class A>
  void check_related(const A& item) const {
    using U = std::remove_cvref_t<A>;
    if constexpr (std::is_same_v<U, T>) {
      detail::require_related(*reverse_, owner_key_.value(), &item);
    } else if constexpr (RelatedRangeOf<T, A>) {
      for (const auto& element : item) check_related(element);
    }
  }
  // After a write: the objects among the items hold `key` (the owner's, or
  // NULL) in memory, as their rows now do.
  template <class A>
  void assign(A& item, const Value& key) const {
    using U = std::remove_cvref_t<A>;
    if constexpr (std::is_same_v<U, T>) {
      detail::fk_assign(database(), *reverse_, key, &item);
    } else if constexpr (RelatedRangeOf<T, A>) {
      if constexpr (std::is_lvalue_reference_v<std::ranges::range_reference_t<A>> &&
                    std::is_same_v<std::remove_cvref_t<std::ranges::range_reference_t<A>>, T>)
        for (auto& element : item) detail::fk_assign(database(), *reverse_, key, &element);
    }
  }

  const std::weak_ptr<detail::DatabaseState>& database() const { return detail::bound_database(binding_); }
  const std::shared_ptr<detail::PeerGroup>& peers() const { return detail::bound_peers(binding_); }

  detail::SharedBinding binding_;  // the database (and auto-prefetch peers), shared by a result's objects
  const ReverseRelation* reverse_ = nullptr;
  detail::OwnerKey owner_key_;
  mutable detail::PrefetchCache<T> prefetched_;
};

// A declared reverse member for a foreign key: `covet::ReverseSet<Book> books;`.
// It mirrors a many-to-many the same way (`covet::ReverseSet<Post> posts;` on
// Tag for Post::tags). Its writes are checked at run time (see above).
template <class T>
class ReverseSet : public RelatedManager<T> {
 public:
  using RelatedManager<T>::RelatedManager;
};

// A declared reverse member for a one-to-one: `covet::ReverseOne<Profile> profile;`.
template <class T>
class ReverseOne {
 public:
  ReverseOne() = default;
  ReverseOne(std::weak_ptr<detail::DatabaseState> db, const ReverseRelation* reverse, Value owner_key)
      : binding_(detail::make_binding(std::move(db))), reverse_(reverse), owner_key_(owner_key) {}

  bool is_bound() const noexcept { return reverse_ != nullptr && !owner_key_.is_null(); }

  // The one related object (prefetched, or one query). Throws DoesNotExist
  // when there is none, UsageError when unbound or in strict loading mode.
  T get() const {
    if (std::optional<T> found = find()) return *std::move(found);
    throw DoesNotExist(model_info<T>().name + " matching query does not exist (" + reverse_->member->name +
                           " = " + owner_key_.value().debug_string() + ", the reverse one-to-one " +
                           reverse_->source->name + "." + reverse_->member->name + ")",
                       model_info<T>().name);
  }
  // The related object, or nullopt when there is none.
  std::optional<T> find() const {
    if (!is_bound()) detail::throw_unbound_reverse(typeid(T), reverse_, "ReverseOne");
    if (!loaded_) {
      // Queried each time, unless prefetched or auto-prefetched (then kept).
      auto object = std::static_pointer_cast<const T>(detail::lazy_object(
          database(), detail::LazyLoad{reverse_->member, true, owner_key_.value(), peers()}, model_info<T>()));
      if (peers()) {
        loaded_ = true;
        object_ = object;
      }
      if (!object) return std::nullopt;
      return *object;
    }
    if (!object_) return std::nullopt;
    return *object_;
  }
  bool exists() const { return find().has_value(); }
  // Whether the object (or its absence) is known without a query.
  bool is_loaded() const noexcept { return loaded_; }

 private:
  friend struct detail::ReverseAccess;
  const std::weak_ptr<detail::DatabaseState>& database() const { return detail::bound_database(binding_); }
  const std::shared_ptr<detail::PeerGroup>& peers() const { return detail::bound_peers(binding_); }

  detail::SharedBinding binding_;  // the database (and auto-prefetch peers), shared by a result's objects
  const ReverseRelation* reverse_ = nullptr;
  detail::OwnerKey owner_key_;
  // Like a Ref: loaded_ says whether object_ (null: there is none) is known.
  mutable bool loaded_ = false;
  mutable std::shared_ptr<const T> object_;
};

namespace detail {
struct ReverseAccess {
  template <class T>
  static void bind(RelatedManager<T>& m, const BindContext& ctx) {
    m.binding_ = ctx.binding;
    m.reverse_ = ctx.reverse;
    m.owner_key_ = ctx.owner_key;
    m.prefetched_.clear();
  }
  template <class T>
  static void bind(ReverseOne<T>& m, const BindContext& ctx) {
    m.binding_ = ctx.binding;
    m.reverse_ = ctx.reverse;
    m.owner_key_ = ctx.owner_key;
    m.loaded_ = false;
    m.object_.reset();
  }
  template <class T>
  static PrefetchCache<T>& cache(RelatedManager<T>& m) {
    return m.prefetched_;
  }
  template <class T>
  static void store(ReverseOne<T>& m, std::shared_ptr<const T> object) {
    m.loaded_ = true;
    m.object_ = std::move(object);
  }
};
}  // namespace detail

}  // namespace covet

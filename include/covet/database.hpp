// covet::Database is a handle to one connection: it creates the schema,
// writes objects, starts query sets and transactions.
//
//   covet::Database db = covet::connect("sqlite::memory:");  // or "sqlite:///app.db",
//                                                            // "postgresql://user@host/db"
//   db.create_all();
//   Author alice = db.create(Author{.name = "Alice"});
//   Book book = db.create(Book{.title = "Python Guide", .author = alice});
//   book.title = "Python Guide, 2nd ed.";
//   db.save(book);                                          // UPDATE (INSERT when unsaved)
//   auto by_alice = db.related(alice, &Book::author).all(); // reverse of Book::author
//   {
//     auto tx = db.atomic();                                // BEGIN, or SAVEPOINT when nested
//     db.erase(book);                                      // and what its relations cascade to
//   }                                                       // COMMIT; ROLLBACK on exception
//
// Handles are cheap to copy and share one connection. Objects loaded or created
// through a Database are bound to it, so their relation members load lazily;
// they stay valid after the last handle is gone, but their lazy loads then
// throw UsageError. A Database is not thread-safe: use one per thread.
#pragma once

#include <covet/atomic.hpp>
#include <covet/bulk.hpp>
#include <covet/deletion.hpp>
#include <covet/detail/child_row.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/loading.hpp>
#include <covet/model_info.hpp>
#include <covet/prefetch.hpp>
#include <covet/query_log.hpp>
#include <covet/statement_cache.hpp>
#include <covet/query_set.hpp>
#include <covet/many_to_many.hpp>
#include <covet/partial.hpp>
#include <covet/ref.hpp>
#include <covet/ref_set.hpp>
#include <covet/reverse.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet {

class Database;

namespace detail {
struct DatabaseAccess;  // the runtime's and its tests' door to the shared state
}

// Opens a database. URLs: "sqlite::memory:", "sqlite:///relative.db",
// "sqlite:////absolute/path.db", "postgresql://user:password@host:port/dbname"
// (or any libpq connection URI); `options` set its loading mode
// (covet/loading.hpp). Throws OperationalError when the database cannot be
// opened or reached.
Database connect(std::string_view url, const ConnectOptions& options = {});

class Database {
 public:
  // The backend this handle talks to: "sqlite" or "postgresql".
  std::string_view backend() const;

  // Creates every registered model's table that does not exist yet, in
  // dependency order, with primary keys, NOT NULL, UNIQUE, foreign key
  // constraints and an index on every foreign key, in one transaction.
  // Also Covet's content-type table, covet_content_type, and a row in it
  // for every registered model that has none (covet/content_type.hpp): rows
  // are only added, so ids stay. Empties this handle's content-type cache.
  void create_all();
  // Drops every registered model's table (referencing tables first), then
  // the content-type table; empties this handle's content-type cache.
  void drop_all();

  // INSERTs `object` and returns it with its key set and its relation members
  // bound. Throws IntegrityError subclasses (UniqueViolation, NotNullViolation,
  // ForeignKeyViolation) when the database refuses the row.
  template <class T>
  T create(T object) {
    detail::require_model<T>();
    detail::insert_object(state_, detail::concrete_model_info<T>("create objects of"), &object);
    return object;
  }

  // INSERTs an unsaved object (key 0), UPDATEs a saved one. When a saved
  // object's row is gone it is inserted again with its key, like Django.
  template <class T>
  void save(T& object) {
    detail::require_writable_model<T>();
    if constexpr (Model<T>) save_object(object);
  }

  // UPDATEs the row of a saved object. Throws UsageError for an unsaved object
  // and DoesNotExist when its row is gone.
  template <class T>
  void update(const T& object) {
    detail::require_model<T>();
    if (!detail::update_object(state_, detail::concrete_model_info<T>("update objects of"), &object))
      throw DoesNotExist(model_info<T>().name + " matching key " +
                             model_info<T>().primary_key->get(&object).debug_string() +
                             " does not exist: it was deleted; use save() to insert it again",
                         model_info<T>().name);
  }

  // The rows of only() / defer() (covet/partial.hpp): UPDATE the fields the
  // Partial loaded or was assigned, and no other, so a deferred column keeps
  // the database's value. Throws DoesNotExist when the row is gone (a
  // partial object is never inserted: its deferred fields are unknown),
  // UsageError for a Partial no query loaded. save() also binds it to this
  // database.
  template <class T>
  void save(Partial<T>& object) {
    object.write(state_, true);
  }
  template <class T>
  void update(const Partial<T>& object) {
    object.write(state_, false);
  }
  // A Partial is not refreshed in place (which fields would it reload?):
  // load its deferred fields with full(), or query the row again.
  template <class T>
  void refresh(Partial<T>& object) = delete;

  // Deletes a Partial's row as erase(T&) does (its primary key is always
  // loaded); the Partial itself is left as it was. Throws as erase(T&) does.
  template <class T>
  DeleteResult erase(Partial<T>& object) {
    const ModelInfo& info = model_info<T>();
    Value key = info.primary_key->get(&object.object());
    if (key.is_null())
      throw UsageError("cannot erase a Partial<" + info.name + "> that no query loaded: it has no key", info.name);
    return detail::erase_rows(state_, info, {std::move(key)});
  }

  // Deletes the object's row and everything its relations' on_delete reaches
  // (CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, SET(fn), DO_NOTHING,
  // many-to-many join rows; see covet/deletion.hpp and docs/cascades.md), in
  // one transaction scope, then resets the object's key to 0. Returns the
  // total and per-model counts ({0, {}} when the row was already gone).
  // Throws UsageError for an unsaved object; ProtectedError / RestrictedError
  // (carrying the blocking rows) when a relation forbids the delete;
  // DatabaseError subclasses from the database (ForeignKeyViolation through a
  // DO_NOTHING relation). Nothing is deleted and the key is kept then.
  template <class T>
  DeleteResult erase(T& object) {
    detail::require_writable_model<T>();
    if constexpr (Model<T>) {
      return erase_object(object, false);
    } else {
      return {};
    }
  }
  // Django's delete(keep_parents=True): of a multi-table child, deletes only
  // its own table's row and what that reaches, leaving its ancestors' rows
  // (and what refers to them) alone (covet/deletion.hpp). Returns and throws
  // as erase(object).
  template <class T>
  DeleteResult erase(T& object, KeepParents) {
    detail::require_writable_model<T>();
    if constexpr (Model<T>) {
      return erase_object(object, true);
    } else {
      return {};
    }
  }

  // INSERTs every object in multi-row statements (as many rows per
  // statement as the backend's parameter limit allows, or `batch_size`), in
  // one transaction scope when there is more than one statement, and returns
  // them with their keys set and their relation members bound. Throws
  // IntegrityError subclasses; then no row is inserted.
  template <class T>
  std::vector<T> bulk_create(std::vector<T> objects, std::size_t batch_size = 0) {
    detail::require_model<T>();
    std::vector<void*> rows;
    rows.reserve(objects.size());
    for (T& object : objects) rows.push_back(&object);
    detail::bulk_insert(state_, detail::concrete_model_info<T>("bulk_create objects of"), rows, batch_size);
    return objects;
  }

  // UPDATEs the named fields of every object's row from the object, several
  // rows per statement (UPDATE ... SET f = CASE pk WHEN ...), in one
  // transaction scope. Returns the number of rows matched. Throws FieldError
  // for an unknown field or the primary key, UsageError for an unsaved
  // object or an empty field list.
  template <class T>
  std::int64_t bulk_update(const std::vector<T>& objects, std::initializer_list<std::string_view> fields,
                           std::size_t batch_size = 0) {
    detail::require_model<T>();
    std::vector<const void*> rows;
    rows.reserve(objects.size());
    for (const T& object : objects) rows.push_back(&object);
    return detail::bulk_update(state_, detail::concrete_model_info<T>("bulk_update objects of"), rows,
                               std::vector<std::string>(fields.begin(), fields.end()), batch_size);
  }

  // Prefetches `lookups` ("books", "books__tags", covet::Prefetch) for
  // objects already loaded, as prefetch_related would have: one query per
  // level. Throws FieldError / UsageError as prefetch_related does.
  template <class T, class... L>
  void prefetch(std::span<T> objects, L&&... lookups) {
    detail::require_writable_model<T>();
    std::vector<void*> rows;
    rows.reserve(objects.size());
    for (T& object : objects) rows.push_back(&object);
    detail::prefetch_objects(state_, detail::concrete_model_info<T>("prefetch for objects of"), rows,
                             std::vector<Prefetch>{Prefetch(std::forward<L>(lookups))...});
  }
  template <class T, class... L>
  void prefetch(std::vector<T>& objects, L&&... lookups) {
    prefetch(std::span<T>(objects), std::forward<L>(lookups)...);
  }

  // The loading mode (covet/loading.hpp): Lazy, Strict or AutoPrefetch.
  Loading loading() const;
  void set_loading(Loading mode);

  // Reloads every field from the database. Throws DoesNotExist when the row
  // is gone, UsageError for an unsaved object.
  template <class T>
  void refresh(T& object) {
    detail::require_writable_model<T>();
    if constexpr (Model<T>)
      detail::refresh_object(state_, detail::concrete_model_info<T>("refresh objects of"), &object);
  }

  // All objects of T, to filter, order and fetch. (QuerySet<T> checks that
  // T is a model.) Throws UsageError for an abstract model (covet::abstract),
  // naming the concrete models deriving from it; so do create, save, update,
  // erase, bulk_create, bulk_update, prefetch and refresh of one.
  template <class T>
  QuerySet<T> objects() const {
    return QuerySet<T>(state_);
  }

  // The reverse side of a foreign key without a declared member:
  // db.related(alice, &Book::author) is every Book whose author is alice.
  // The key's nullability is part of the manager's type: add / remove /
  // clear / set exist only for a nullable key (std::optional<Ref<Owner>>).
  // `owner` must be an object of the model the member refers to, and the
  // member a relation (a compile error naming the fix otherwise).
  template <class T, class Owner, class O>
  RelatedManager<T, KeyNullability::NonNull> related(const O& owner, Ref<Owner> T::*member) const {
    detail::require_owner<O, Owner, T>();
    if constexpr (detail::owner_fits<O, Owner, T>) {
      return make_related<T, Owner, KeyNullability::NonNull>(owner, member_name(member));
    } else {
      return {};
    }
  }
  template <class T, class Owner, class O>
  RelatedManager<T, KeyNullability::Nullable> related(const O& owner,
                                                      std::optional<Ref<Owner>> T::*member) const {
    detail::require_owner<O, Owner, T>();
    if constexpr (detail::owner_fits<O, Owner, T>) {
      return make_related<T, Owner, KeyNullability::Nullable>(owner, member_name(member));
    } else {
      return {};
    }
  }
  // The reverse side of a many-to-many without a declared member:
  // db.related(python, &Post::tags) is every Post tagged python.
  template <class T, class Owner, class O>
  ManyRelatedManager<T> related(const O& owner, RefSet<Owner> T::*member) const {
    detail::require_owner<O, Owner, T>();
    if constexpr (detail::owner_fits<O, Owner, T>) {
      const ReverseRelation& rev =
          detail::reverse_of(model_info<T>(), member_name(member), model_info<Owner>());
      const Owner& as_owner = owner;  // a subclass object: its Owner part
      return ManyRelatedManager<T>(
          detail::ManyToManyLink{detail::make_binding(state_), rev.member, true,
                                 detail::reverse_owner_key(rev, &as_owner)});
    } else {
      return {};
    }
  }
  // A relation declared on an abstract base (covet::abstract) belongs to each
  // concrete model deriving from it, and each has its own reverse side, so
  // the model is named: db.related<Dog>(owner, &Dog::owner) is every Dog of
  // `owner` (&Dog::owner is a member of the base, Animal, so the model
  // cannot be deduced from it; without <Dog>, a UsageError names the
  // models). Throws UsageError when the member belongs to a concrete
  // ancestor of Child: that ancestor has the reverse side.
  template <class Child, class T, class Owner, class O>
    requires(!std::is_same_v<Child, T> && std::is_base_of_v<T, Child>)
  RelatedManager<Child, KeyNullability::NonNull> related(const O& owner, Ref<Owner> T::*member) const {
    detail::require_owner<O, Owner, Child>();
    if constexpr (detail::owner_fits<O, Owner, Child>) {
      return make_related<Child, Owner, KeyNullability::NonNull>(owner, member_name_in<Child>(member));
    } else {
      return {};
    }
  }
  template <class Child, class T, class Owner, class O>
    requires(!std::is_same_v<Child, T> && std::is_base_of_v<T, Child>)
  RelatedManager<Child, KeyNullability::Nullable> related(const O& owner,
                                                          std::optional<Ref<Owner>> T::*member) const {
    detail::require_owner<O, Owner, Child>();
    if constexpr (detail::owner_fits<O, Owner, Child>) {
      return make_related<Child, Owner, KeyNullability::Nullable>(owner, member_name_in<Child>(member));
    } else {
      return {};
    }
  }
  template <class Child, class T, class Owner, class O>
    requires(!std::is_same_v<Child, T> && std::is_base_of_v<T, Child>)
  ManyRelatedManager<Child> related(const O& owner, RefSet<Owner> T::*member) const {
    detail::require_owner<O, Owner, Child>();
    if constexpr (detail::owner_fits<O, Owner, Child>) {
      const ReverseRelation& rev =
          detail::reverse_of(model_info<Child>(), member_name_in<Child>(member), model_info<Owner>());
      return ManyRelatedManager<Child>(
          detail::ManyToManyLink{detail::make_binding(state_), rev.member, true,
                                 detail::reverse_owner_key(rev, &owner)});
    } else {
      return {};
    }
  }
  // A member that is not a relation has no reverse side.
  template <class T, class M, class O>
  void related(const O&, M T::*) const {
    static_assert(detail::rejected<M>,
                  "covet: db.related(owner, &Model::member) takes a relation member of Model: a "
                  "covet::Ref<Owner>, std::optional<covet::Ref<Owner>> or covet::RefSet<Owner>");
  }
  // The same by the reverse accessor's name: db.related<Book>(alice, "books").
  template <class T, class Owner>
  RelatedManager<T> related(const Owner& owner, std::string_view accessor) const {
    detail::require_model<T>();
    detail::require_model<Owner>();
    if constexpr (Model<T> && Model<Owner>) {
      const ReverseRelation& rev = detail::reverse_named(model_info<Owner>(), accessor, model_info<T>());
      return RelatedManager<T>(state_, &rev, detail::reverse_owner_key(rev, model_info<Owner>(), &owner));
    } else {
      return {};
    }
  }

  // The reverse side of a one-to-one: db.related_one(user, &Profile::user).get().
  template <class T, class Owner, class O>
  ReverseOne<T> related_one(const O& owner, Ref<Owner> T::*member) const {
    detail::require_owner<O, Owner, T>();
    if constexpr (detail::owner_fits<O, Owner, T>) {
      return make_related_one<T, Owner>(owner, member_name(member));
    } else {
      return {};
    }
  }
  template <class T, class Owner, class O>
  ReverseOne<T> related_one(const O& owner, std::optional<Ref<Owner>> T::*member) const {
    detail::require_owner<O, Owner, T>();
    if constexpr (detail::owner_fits<O, Owner, T>) {
      return make_related_one<T, Owner>(owner, member_name(member));
    } else {
      return {};
    }
  }
  // The one-to-one of an abstract base, per concrete model (as related<Child>).
  template <class Child, class T, class Owner, class O>
    requires(!std::is_same_v<Child, T> && std::is_base_of_v<T, Child>)
  ReverseOne<Child> related_one(const O& owner, Ref<Owner> T::*member) const {
    detail::require_owner<O, Owner, Child>();
    if constexpr (detail::owner_fits<O, Owner, Child>) {
      return make_related_one<Child, Owner>(owner, member_name_in<Child>(member));
    } else {
      return {};
    }
  }
  template <class Child, class T, class Owner, class O>
    requires(!std::is_same_v<Child, T> && std::is_base_of_v<T, Child>)
  ReverseOne<Child> related_one(const O& owner, std::optional<Ref<Owner>> T::*member) const {
    detail::require_owner<O, Owner, Child>();
    if constexpr (detail::owner_fits<O, Owner, Child>) {
      return make_related_one<Child, Owner>(owner, member_name_in<Child>(member));
    } else {
      return {};
    }
  }
  template <class T, class M, class O>
  void related_one(const O&, M T::*) const {
    static_assert(detail::rejected<M>,
                  "covet: db.related_one(owner, &Model::member) takes a one-to-one member of Model: a "
                  "covet::Ref<Owner> or std::optional<covet::Ref<Owner>>");
  }

  // The child row of a multi-table parent, as that child: Django's
  // person.employee (the reverse one-to-one of the child's parent link).
  // db.child<Employee>(person) runs one query (Employee by the person's key);
  // Child may be any multi-table descendant (db.child<Manager>(person)).
  // Throws DoesNotExist, naming both models and the key, when the parent is
  // no Child; UsageError for an unsaved parent or a Child sharing Parent's
  // table (proxy, single-table). find_child returns nullopt instead of
  // throwing DoesNotExist.
  template <class Child, class Parent>
  Child child(const Parent& parent) const {
    detail::require_child<Child, Parent>();
    if constexpr (detail::child_fits<Child, Parent>) {
      const Value key = detail::child_row_key(model_info<Child>(), model_info<Parent>(), &parent);
      if (std::optional<Child> found = objects<Child>().filter("pk", key).first()) return *std::move(found);
      detail::throw_no_child(model_info<Child>(), model_info<Parent>(), key);
    } else {
      return {};
    }
  }
  template <class Child, class Parent>
  std::optional<Child> find_child(const Parent& parent) const {
    detail::require_child<Child, Parent>();
    if constexpr (detail::child_fits<Child, Parent>) {
      const Value key = detail::child_row_key(model_info<Child>(), model_info<Parent>(), &parent);
      return objects<Child>().filter("pk", key).first();
    } else {
      return std::nullopt;
    }
  }

  // A transaction scope: BEGIN (a SAVEPOINT when nested); commits when it ends
  // normally, rolls back when it ends by an exception.
  Atomic atomic() { return Atomic(state_); }
  // Runs fn() in a transaction scope and returns its result.
  template <class F>
  decltype(auto) atomic(F&& fn) {
    Atomic scope(state_);
    return std::forward<F>(fn)();
  }

  // Runs one raw SQL statement with bound parameters; returns the rows
  // affected. For what the ORM does not cover (and for tests).
  std::int64_t execute(std::string_view sql, std::initializer_list<Value> params = {});
  // Runs one raw query and returns every row as Values.
  std::vector<std::vector<Value>> query(std::string_view sql, std::initializer_list<Value> params = {});

  // The log of the statements this database runs (shared by every handle
  // to it): start()/stop()/entries()/count(); see covet/query_log.hpp.
  QueryLog& query_log();
  // What the cache of compiled query shapes did (covet/statement_cache.hpp).
  StatementCacheStats statement_cache() const;

  // Closes the connection; objects bound to it throw UsageError on lazy loads.
  void close();

 private:
  friend Database connect(std::string_view url, const ConnectOptions& options);
  friend struct detail::DatabaseAccess;
  explicit Database(std::shared_ptr<detail::DatabaseState> state) : state_(std::move(state)) {}

  template <class T, class M>
  static std::string_view member_name(M T::*member) {
    return member_name_in<T>(member);
  }
  // The relation of model Child that `member` (a member pointer of Child or
  // of one of its bases) designates.
  template <class Child, class T, class M>
  static std::string_view member_name_in(M T::*member) {
    const ModelInfo& info = model_info<Child>();
    if (info.abstract)  // the relation's reverse sides are its children's
      detail::throw_abstract_model(info, "call db.related<Model>(owner, &Model::member) with");
    for (const MemberInfo& m : info.members)
      if (m.kind == MemberKind::Relation && m.matches && m.matches(typeid(member), &member)) {
        if (m.declared_by && m.declared_by != &info)
          throw UsageError(info.name + "." + m.name + " is declared by " + m.declared_by->name +
                               ", which has its reverse side: call db.related(owner, &" + m.declared_by->name +
                               "::" + m.name + ")",
                           info.name);
        return m.name;
      }
    throw UsageError("the member pointer passed to related() is not a relation of " + info.name, info.name);
  }

  template <class T, class Owner, KeyNullability Keys>
  RelatedManager<T, Keys> make_related(const Owner& owner, std::string_view member) const {
    const ReverseRelation& rev = detail::reverse_of(model_info<T>(), member, model_info<Owner>());
    return RelatedManager<T, Keys>(state_, &rev, detail::reverse_owner_key(rev, &owner));
  }
  template <class T, class Owner>
  ReverseOne<T> make_related_one(const Owner& owner, std::string_view member) const {
    const ReverseRelation& rev = detail::reverse_of(model_info<T>(), member, model_info<Owner>());
    return ReverseOne<T>(state_, &rev, detail::reverse_owner_key(rev, &owner));
  }

  template <class T>
  void save_object(T& object) {
    detail::save_object(state_, detail::concrete_model_info<T>("save objects of"), &object);
  }

  template <class T>
  DeleteResult erase_object(T& object, bool keep_parents) {
    const ModelInfo& info = detail::concrete_model_info<T>("erase objects of");
    Value key = info.primary_key->get(&object);
    if (key.is_null())
      throw UsageError("cannot erase an unsaved " + info.name + " (its " + info.primary_key->name +
                           " is 0): create or save it first",
                       info.name);
    DeleteResult result = detail::erase_rows(state_, info, {std::move(key)}, keep_parents);
    info.primary_key->set(&object, Value());
    return result;
  }

  std::shared_ptr<detail::DatabaseState> state_;
};

}  // namespace covet

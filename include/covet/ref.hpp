// covet::Ref<T> is the storage type of a foreign key or one-to-one member: it
// holds the key of the related row and, once loaded, the related object.
//
//   struct [[covet::model]] Book {
//     covet::Id id;
//     [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Author> author;
//   };
//
//   Book b = db.create(Book{.author = alice});   // from a saved object
//   b.author.id();                               // the key: never queries
//   const Author& a = b.author.get();            // first call: one query; then cached
//
// A Ref is in one of three states (ODB's lazy pointer table):
//
//   state      key()   is_loaded()  get()
//   null       NULL    false        throws UsageError (nothing to load)
//   unloaded   key     false        loads through the bound database, caches
//   loaded     key     true         returns the cached object
//
// Refs of objects loaded or created through a Database are bound to it; an
// unbound, unloaded Ref throws UsageError from get() rather than guessing a
// database. Copies share the loaded object (it is immutable through a Ref); to
// change it, copy it out, modify it and save it.
//
// T may be incomplete where the Ref is declared, so models can refer to each
// other in any order.
#pragma once

#include <covet/concepts.hpp>
#include <covet/detail/lazy_load.hpp>
#include <covet/errors.hpp>
#include <covet/id.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace covet {

namespace detail {
struct RefAccess;
// Loads the row of `target` whose `to_field` (primary key when empty) equals
// `key` into `out`, bound to `db`. Throws DoesNotExist when there is none,
// UsageError when `db` has been closed.
void load_related(const std::weak_ptr<DatabaseState>& db, const ModelInfo& target,
                  const MemberInfo* relation, const Value& key, void* out);
[[noreturn]] void throw_unbound(const MemberInfo* relation, const ModelInfo& target,
                                const char* what);
}  // namespace detail

template <class T>
class Ref {
 public:
  using element_type = T;

  // The null state.
  Ref() = default;

  // Refers to `object`, which must have been saved (its key is read now).
  Ref(const T& object)  // NOLINT(google-explicit-constructor): Book{.author = alice}
      : key_(detail::concrete_model_info<T>("refer to objects of").primary_key->get(&object)),
        object_(std::make_shared<const T>(object)) {
    detail::require_model<T>();
    if (key_.is_null())
      throw UsageError("cannot refer to an unsaved " + model_info<T>().name +
                           ": save it first (db.create / db.save) so it has a key",
                       model_info<T>().name);
  }

  // Refers to the row with primary key `id` without loading it. (T may
  // still be incomplete here, so only get() checks that it is a model.)
  explicit Ref(Id id) : key_(id.has_value() ? Value(id.value()) : Value()) {}
  explicit Ref(std::int64_t id) : key_(id) {}

  // Refers to the row whose key (or to_field value) is `key`.
  static Ref from_key(Value key) {
    Ref r;
    r.key_ = std::move(key);
    return r;
  }

  bool has_value() const noexcept { return !key_.is_null(); }
  explicit operator bool() const noexcept { return has_value(); }

  // The key as stored in the referencing column. Never queries.
  const Value& key() const noexcept { return key_; }

  // The key as an integer (the usual primary key). Throws UsageError when the
  // Ref is null or the key is not an integer (a to_field on a text column).
  std::int64_t id() const {
    if (!key_.is_integer())
      throw UsageError(key_.is_null() ? "Ref is null: it has no key"
                                      : "Ref key is not an integer: use key()");
    return key_.as_integer();
  }

  bool is_loaded() const noexcept { return object_ != nullptr; }

  // The related object: loaded on first use through the bound database, then
  // cached (select_related and prefetch_related load it beforehand). Throws
  // UsageError when null, unbound, or in strict loading mode (see
  // Database::strict_loading); DoesNotExist when the row is gone.
  const T& get() const {
    detail::require_model<T>();
    if (object_) return *object_;
    if (key_.is_null()) detail::throw_unbound(member_, model_info<T>(), "is null");
    object_ = std::static_pointer_cast<const T>(
        detail::lazy_object(detail::bound_database(binding_),
                            detail::LazyLoad{member_, false, key_, detail::bound_peers(binding_)}, model_info<T>()));
    return *object_;
  }
  const T* operator->() const { return &get(); }
  const T& operator*() const { return get(); }

  // Forgets the loaded object; the next get() queries again.
  void reset_cache() noexcept { object_.reset(); }

  friend bool operator==(const Ref& a, const Ref& b) { return a.key_ == b.key_; }

 private:
  friend struct detail::RefAccess;

  Value key_;
  mutable std::shared_ptr<const T> object_;
  detail::SharedBinding binding_;       // the database (and auto-prefetch peers), once bound
  const MemberInfo* member_ = nullptr;  // the relation this Ref stores, once bound
};

namespace detail {
// The runtime's door into a Ref (used by the generated accessors).
struct RefAccess {
  template <class T>
  static void set_key(Ref<T>& ref, const Value& key) {
    if (!(ref.key_ == key)) ref.object_.reset();
    ref.key_ = key;
  }
  // The same for an integer key read by the typed row path, without
  // comparing or copying a Value.
  template <class T>
  static void set_integer_key(Ref<T>& ref, std::int64_t key) {
    if (ref.key_.is_integer() && ref.key_.as_integer() == key) return;
    ref.object_.reset();
    ref.key_ = Value(key);
  }
  template <class T>
  static void bind(Ref<T>& ref, const BindContext& ctx) {
    ref.binding_ = ctx.binding;
    ref.member_ = ctx.member;
  }
  template <class T>
  static const void* cached(const Ref<T>& ref) {
    return ref.object_.get();
  }
  template <class T>
  static void set_object(Ref<T>& ref, std::shared_ptr<const T> object) {
    ref.object_ = std::move(object);
  }
};
}  // namespace detail

}  // namespace covet

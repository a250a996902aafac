// covet::Partial<T> is a row of a query set narrowed by only() or defer():
// an object of T whose deferred fields were not loaded, together with the
// knowledge of which ones, so that reading one loads it and saving the
// object never writes a value the database did not give it.
//
//   for (const covet::Partial<Book>& p : db.objects<Book>().only("title", "author")) {
//     std::cout << p->title;                     // loaded: no query
//     double price = p.get(&Book::price);        // deferred: one query, then cached
//   }
//   covet::Partial<Book> p = db.objects<Book>().defer("price").get("title", "Dune");
//   p.set(&Book::title, "Dune (2nd ed.)");       // assigned: it will be written
//   db.save(p);                                  // UPDATE of the loaded and assigned
//                                                // fields only; price is left alone
//
// A field is in one of two states:
//
//   state     is_loaded()  get()                                   object() / ->
//   loaded    true         returns it                              its value
//   deferred  false        loads it (one query), then as loaded    its default value
//
// A field becomes loaded when get() loads it, when set() assigns it and when
// full() loads every field. The primary key is always loaded, and so are
// relation members that are not columns (RefSet, ReverseSet, ReverseOne).
// Relation members are bound to the database as a whole object's are:
// get(&Book::author).get() loads the author (a deferred author key first).
//
// Deferred loads follow the database's loading mode (covet/loading.hpp): in
// Loading::Strict they throw UsageError naming the model, the field and the
// query they would have run. A Partial is a value: copies load and assign
// independently. Like objects, it is not thread-safe.
#pragma once

#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/query_set.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
// The runtime side (runtime/query/deferred_fields.cpp, runtime/partial_object.cpp).

// Which of the model's columns (by index in ModelInfo::columns) the query's
// rows hold.
std::shared_ptr<const std::vector<bool>> loaded_mask(const QueryCore& core);
inline constexpr std::size_t kNotAColumn = static_cast<std::size_t>(-1);
// The index in ModelInfo::columns of the member `pointer` (of type
// `pointer_type`) designates; kNotAColumn for a member without a column.
std::size_t column_index(const ModelInfo& model, const std::type_info& pointer_type, const void* pointer);
// The same for set(): throws UsageError for the primary key or a member
// without a column.
std::size_t assignable_column(const ModelInfo& model, const std::type_info& pointer_type, const void* pointer);
// SELECTs `columns` (indexes in ModelInfo::columns) of the object's row into
// it and binds the relations among them. Throws UsageError when the database
// is closed or strict, DoesNotExist when the row is gone.
void load_deferred(const std::weak_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                   const std::vector<std::size_t>& columns);
// UPDATEs the columns `loaded` marks (the primary key aside) of the object's
// row; `save`: then binds the object to `db` (Database::save). Throws
// DoesNotExist when the row is gone, UsageError when `loaded` is null (a
// Partial no query loaded).
void write_partial(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                   const std::vector<bool>* loaded, bool save);
}  // namespace detail

template <class T>
class Partial {
 public:
  using model_type = T;

  // An empty Partial holding a default T; only a query set's rows can be
  // saved.
  Partial() = default;

  // The object, read-only. Deferred fields hold their default values: read
  // them through get(), or load them all with full().
  const T& object() const noexcept { return object_; }
  const T* operator->() const noexcept { return &object_; }
  const T& operator*() const noexcept { return object_; }

  // The field `member` (&Book::price), loaded first when it was deferred:
  // one query (SELECT that column WHERE pk = ?), then cached. A member T
  // inherits (&Adult::age of a proxy, whose type is int Person::*) is one
  // of T's. Throws UsageError in strict loading mode or when the database
  // is closed, DoesNotExist when the row is gone.
  template <class U, class C>
    requires std::is_base_of_v<C, T>
  const U& get(U C::*member) const {
    const std::size_t i = detail::column_index(model_info<T>(), typeid(member), &member);
    if (!loaded(i)) load({i});
    return object_.*member;
  }

  // Whether `member` holds the database's value (or an assigned one).
  template <class U, class C>
    requires std::is_base_of_v<C, T>
  bool is_loaded(U C::*member) const {
    return loaded(detail::column_index(model_info<T>(), typeid(member), &member));
  }

  // Assigns the field `member`; it then counts as loaded, and save() /
  // update() write it. Throws UsageError for the primary key or a member
  // without a column (a RefSet, a reverse member).
  template <class U, class C, class V>
    requires std::is_base_of_v<C, T>
  void set(U C::*member, V&& value) {
    const std::size_t i = detail::assignable_column(model_info<T>(), typeid(member), &member);
    object_.*member = std::forward<V>(value);
    mark_loaded(i);
  }

  // The names of the fields not loaded yet (Django's get_deferred_fields()).
  std::vector<std::string> deferred_fields() const {
    std::vector<std::string> out;
    const ModelInfo& info = model_info<T>();
    for (std::size_t i = 0; i < info.columns.size(); ++i)
      if (!loaded(i)) out.push_back(info.columns[i]->name);
    return out;
  }

  // Loads every deferred field (one query; none when nothing is deferred)
  // and returns the whole object. Throws as get() does.
  const T& full() const {
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < model_info<T>().columns.size(); ++i)
      if (!loaded(i)) missing.push_back(i);
    if (!missing.empty()) load(missing);
    return object_;
  }

 private:
  friend class Database;
  friend struct detail::RowTraits<Partial<T>>;

  bool loaded(std::size_t i) const { return i == detail::kNotAColumn || !loaded_ || (*loaded_)[i]; }

  void load(const std::vector<std::size_t>& columns) const {
    detail::load_deferred(database_, model_info<T>(), &object_, columns);
    for (std::size_t i : columns) mark_loaded(i);
  }

  // Copy on write: the rows of one query share their mask until one changes.
  void mark_loaded(std::size_t i) const {
    if (!loaded_ || (*loaded_)[i]) return;
    auto mask = std::make_shared<std::vector<bool>>(*loaded_);
    (*mask)[i] = true;
    loaded_ = std::move(mask);
  }

  // Database::save / update.
  void write(const std::shared_ptr<detail::DatabaseState>& db, bool save) const {
    detail::write_partial(db, model_info<T>(), &object_, loaded_.get(), save);
  }

  mutable T object_{};
  // By index in ModelInfo::columns; null for a Partial no query loaded.
  mutable std::shared_ptr<const std::vector<bool>> loaded_;
  std::weak_ptr<detail::DatabaseState> database_;
};

namespace detail {
template <class T>
struct RowTraits<Partial<T>> {
  static void* object(Partial<T>& row) { return &row.object_; }
  static void finish(Partial<T>& row, const QueryCore& core) {
    row.loaded_ = loaded_mask(core);
    row.database_ = QueryCoreAccess::database(core);
  }
};
}  // namespace detail

}  // namespace covet

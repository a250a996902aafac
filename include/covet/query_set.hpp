// covet::QuerySet<T> is a lazy, immutable, chainable query over the rows of
// model T, after Django's QuerySet: each call returns a new QuerySet and
// nothing runs until the results are asked for.
//
//   auto recent = db.objects<Book>()
//                     .filter("author__name__startswith", "Al")   // joins author
//                     .exclude("editor", nullptr)                  // editor IS NOT NULL
//                     .order_by("-published_year", "title")
//                     .slice(0, 10);                               // LIMIT 10
//   for (const Book& b : recent) std::cout << b.title << '\n';     // runs once, cached
//   std::int64_t n = recent.count();                               // SELECT COUNT(*)
//   Book one = db.objects<Book>().get("title", "Dune");            // exactly one, or throws
//
// Lookups are written "field__field__lookup" (see covet/q.hpp for the list);
// paths follow foreign keys and one-to-ones with joins, and the reverse of a
// foreign key (its related_name) with a subquery. Conditions are checked
// against the model's metadata when they are added: an unknown field or
// lookup throws FieldError there, listing the valid names; so does a string
// beyond covet/limits.hpp; a value that does not fit its column throws
// UsageError naming the field, its type and the value's type.
//
// A QuerySet shares its database handle; copies are cheap (a few shared
// pointers) and share the conditions. It is not thread-safe.
#pragma once

#include <covet/bulk.hpp>
#include <covet/concepts.hpp>
#include <covet/deletion.hpp>
#include <covet/errors.hpp>
#include <covet/id.hpp>
#include <covet/model_info.hpp>
#include <covet/prefetch.hpp>
#include <covet/q.hpp>
#include <covet/row_stream.hpp>
#include <covet/value.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace covet {

namespace detail {

struct DatabaseState;
struct QueryState;  // runtime/query/query_state.hpp

// The part of QuerySet<T> that does not depend on T: the query's state, its
// compilation and its execution. Objects are created by the caller (who knows
// T) and filled here through the model's metadata.
class QueryCore {
 public:
  QueryCore(std::shared_ptr<DatabaseState> db, const ModelInfo& model);

  const ModelInfo& model() const noexcept;

  // A copy with one more condition (negated for exclude), its values fitted
  // to their columns (a model object becomes the key the column holds).
  // Throws FieldError for an unknown field or lookup and beyond
  // covet/limits.hpp, UsageError for a misfit value or a sliced query.
  // `call` names the entry in messages.
  QueryCore filtered(const Q& q, bool negate) const;
  QueryCore filtered(const Q& q, bool negate, const char* call) const;
  // A copy ordered by `fields` ("name", "-year", "author__name"); no fields
  // clears the order. Throws FieldError, UsageError when sliced.
  QueryCore ordered(std::vector<std::string> fields) const;
  // A copy restricted to the rows whose generic reference (the member named
  // `generic_ref`, or the model's only covet::GenericRef when empty) points
  // at `object` of `object_model`: its content type and key. Throws
  // UsageError for an unsaved object, a model without a row in the
  // content-type table, and a GenericRef that cannot be told
  // (runtime/generic/generic_filter.cpp).
  QueryCore for_object(std::string_view generic_ref, const ModelInfo& object_model, const void* object) const;
  // A copy restricted to [begin, end) of the current result (either bound
  // may be absent). Throws UsageError for negative bounds.
  QueryCore sliced(std::optional<std::int64_t> begin, std::optional<std::int64_t> end) const;

  // A copy that also loads the related objects along `paths` (forward
  // foreign keys and one-to-ones, "author__publisher") in the same SELECT;
  // no paths: every non-null forward relation, recursively (Django's
  // select_related()). Throws FieldError naming the model and the valid
  // relations, and for a path beyond covet/limits.hpp.
  // (runtime/query/select_related.cpp)
  QueryCore with_select_related(std::vector<std::string> paths) const;
  // A copy that loads only `fields` (only = true) or all but `fields`
  // (only = false) of the model's columns; the primary key is always
  // loaded. Throws FieldError for an unknown field or one beyond
  // covet/limits.hpp. (runtime/query/deferred_fields.cpp)
  QueryCore with_loaded_fields(std::vector<std::string> fields, bool only) const;
  // A copy that prefetches `lookups` after loading its rows. Throws
  // FieldError for a step that is not a relation, UsageError for a custom
  // query set of the wrong model or a to_attr on the wrong model.
  // (runtime/prefetch/)
  QueryCore with_prefetch(std::vector<Prefetch> lookups) const;
  bool has_prefetch() const noexcept;
  // Runs this query's prefetch lookups over `objects` (loaded rows of its
  // model): one query per lookup level.
  void prefetch(const std::vector<void*>& objects) const;
  // UPDATEs the matching rows' columns; returns the number of rows matched.
  // Throws FieldError for an unknown or non-column field, UsageError on a
  // sliced query. (runtime/bulk/)
  std::int64_t update(const std::vector<Assign>& assignments) const;

  // The SELECT statement in the database's dialect.
  std::string to_sql() const;
  // The rows SELECT, opened to be read one row at a time (covet/row_stream.hpp).
  // Throws UsageError with prefetch lookups, or on a closed Database.
  // (runtime/query/row_stream.cpp)
  std::unique_ptr<RowReader> stream() const;
  // The most rows the query can return (its slice's length), if bounded.
  std::optional<std::int64_t> row_bound() const noexcept;

  // Runs the SELECT; for each row, `emplace` returns a default-constructed
  // object to load it into. `reserve(n)`, when given, is called before the
  // first row when the backend knows the result's size. Backend errors
  // propagate with the model set.
  void fetch(const std::function<void*()>& emplace, const std::function<void(std::size_t)>& reserve = {}) const;
  // Runs the SELECT and loads each row as its most-derived model among
  // this query's model and `listed`: emplace(model) returns a
  // default-constructed object of that model. `listed` must be exactly the
  // concrete, non-proxy models below this query's model (any order):
  // otherwise UsageError naming the missing and the extra ones, before any
  // query. Throws UnknownIdentity for a single-table row whose
  // discriminator no model declares. (runtime/inheritance/)
  void fetch_polymorphic(const std::vector<const ModelInfo*>& listed,
                         const std::function<void*(const ModelInfo&)>& emplace) const;
  std::int64_t count() const;
  bool exists() const;
  // Loads the one row matching `q` (and this query's conditions) into
  // `out`. Throws DoesNotExist or MultipleObjectsReturned naming the model
  // and the conditions.
  void get(const Q& q, void* out) const;
  // get(Q(lookup, key)) for the primary key (lookup "pk" or its name) of
  // an unrefined query set, binding the key into the statement an earlier
  // such get compiled; false, having done nothing, when that does not apply
  // (the caller then runs get()). Same rows, errors and query log.
  bool get_by_key(std::string_view lookup, std::int64_t key, void* out) const;
  // Loads the first / last row by the query's order (the primary key when
  // unordered) into `out`; false when there is none. last() throws
  // UsageError on a sliced query.
  bool first(void* out) const;
  bool last(void* out) const;
  // Deletes the matching rows and what their relations' on_delete reaches
  // (runtime/deletion/). Throws UsageError on a sliced query, ProtectedError,
  // RestrictedError, DatabaseError subclasses; nothing is written then.
  DeleteResult erase() const;

 private:
  friend struct QueryCoreAccess;  // the runtime's door to the state
  QueryCore(std::shared_ptr<DatabaseState> db, std::shared_ptr<const QueryState> state);
  void run(const QueryState& state, const std::function<void*()>& emplace, std::int64_t* rows,
           const std::function<void(std::size_t)>& reserve = {}) const;

  std::shared_ptr<DatabaseState> db_;
  std::shared_ptr<const QueryState> state_;
};

// The condition a related manager puts on its query set ("author" =
// the owner's key), kept unapplied while the query set answers from
// prefetched rows (QuerySetAccess::with_owner_results).
struct PendingOwnerFilter {
  std::string lookup;
  Value key;
};

// How a query set's row type holds the model object: T itself, or a
// wrapper (covet::Partial<T> from only() / defer(), partial.hpp) that also
// records which fields were loaded. `finish` runs once per fetched row,
// after loading and prefetching.
template <class Row>
struct RowTraits {
  static void* object(Row& row) { return &row; }
  static void finish(Row&, const QueryCore&) {}
};

}  // namespace detail

template <class T>
class Partial;

template <class T, class Row = T>
class QuerySet {
 public:
  using model_type = T;
  using value_type = Row;
  using const_iterator = typename std::vector<Row>::const_iterator;
  using iterator = const_iterator;

  // Every row of T; what Database::objects<T>() returns. T must be a model
  // (covet::Model): db.objects<int>() does not compile.
  explicit QuerySet(std::shared_ptr<detail::DatabaseState> db)
      : core_(std::move(db), detail::concrete_model_info<T>("query")) {
    detail::require_model<T>();
  }

  // Rows matching the lookup: filter("author__name__startswith", "Al").
  template <class V>
  QuerySet filter(std::string_view lookup, V&& value) const {
    return filter(Q(lookup, std::forward<V>(value)));
  }
  template <class E>
  QuerySet filter(std::string_view lookup, std::initializer_list<E> values) const {
    return filter(Q(lookup, values));
  }
  QuerySet filter(Q q) const { return QuerySet(core().filtered(q, false)); }

  // Rows not matching: exclude("editor__name", "Bob") keeps books without an
  // editor, as Django does.
  template <class V>
  QuerySet exclude(std::string_view lookup, V&& value) const {
    return exclude(Q(lookup, std::forward<V>(value)));
  }
  template <class E>
  QuerySet exclude(std::string_view lookup, std::initializer_list<E> values) const {
    return exclude(Q(lookup, values));
  }
  QuerySet exclude(Q q) const { return QuerySet(core().filtered(q, true)); }

  // Rows whose generic reference points at `object` (Django's
  // filter(content_type=ContentType.objects.get_for_model(obj),
  // object_id=obj.pk)): db.objects<Comment>().for_object(post). Uses T's
  // only covet::GenericRef; name it when T has several.
  template <class O>
  QuerySet for_object(const O& object) const {
    detail::require_model<O>();
    return QuerySet(core().for_object({}, model_info<O>(), &object));
  }
  template <class O>
  QuerySet for_object(std::string_view generic_ref, const O& object) const {
    detail::require_model<O>();
    return QuerySet(core().for_object(generic_ref, model_info<O>(), &object));
  }

  // Replaces the ordering: order_by("-published_year", "author__name");
  // order_by() removes it.
  template <class... S>
  QuerySet order_by(S&&... fields) const {
    return QuerySet(core().ordered(std::vector<std::string>{std::string(std::string_view(fields))...}));
  }

  // At most n rows / skip n rows / rows [begin, end) as Python's qs[begin:end].
  // Slices compose: slice(10, 20).limit(5) is rows 10..14.
  QuerySet limit(std::int64_t n) const { return QuerySet(core().sliced(std::nullopt, n)); }
  QuerySet offset(std::int64_t n) const { return QuerySet(core().sliced(n, std::nullopt)); }
  QuerySet slice(std::int64_t begin, std::int64_t end) const {
    return QuerySet(core().sliced(begin, end));
  }

  // A fresh copy (not yet evaluated), as Django's .all().
  QuerySet all() const { return QuerySet(core()); }

  // Loads the related objects of forward foreign keys and one-to-ones in
  // the same query, with a join per relation (LEFT OUTER for a nullable
  // key): select_related("author", "editor__publisher"). Reading them
  // afterwards (book.author.get()) runs no query. With no argument: every
  // non-null forward relation, recursively. Throws FieldError for a path
  // that is not a forward relation, naming the valid ones.
  template <class... S>
  QuerySet select_related(S&&... paths) const {
    return QuerySet(core().with_select_related(std::vector<std::string>{std::string(std::string_view(paths))...}));
  }

  // After the rows load, loads the objects of each lookup ("books",
  // "books__tags", or a covet::Prefetch) for all of them at once: one query
  // per level, whatever the number of rows. The relations' members (a
  // ReverseSet, a RefSet, a Ref, a ReverseOne) then answer without a query.
  // Throws FieldError for a step that is not a relation; UsageError when
  // the relation has no member to hold the objects (declare one, or use
  // Prefetch with a covet::Prefetched member).
  template <class... P>
  QuerySet prefetch_related(P&&... lookups) const {
    return QuerySet(core().with_prefetch(std::vector<Prefetch>{Prefetch(std::forward<P>(lookups))...}));
  }

  // Loads only the named fields (and the primary key) / all fields but the
  // named ones. The rows are covet::Partial<T> (partial.hpp): a deferred
  // field loads on first access through it, and saving one writes only the
  // loaded or assigned fields, so nothing is overwritten with a default.
  template <class... S>
  QuerySet<T, Partial<T>> only(S&&... fields) const {
    return QuerySet<T, Partial<T>>(
        core().with_loaded_fields(std::vector<std::string>{std::string(std::string_view(fields))...}, true));
  }
  template <class... S>
  QuerySet<T, Partial<T>> defer(S&&... fields) const {
    return QuerySet<T, Partial<T>>(
        core().with_loaded_fields(std::vector<std::string>{std::string(std::string_view(fields))...}, false));
  }

  // Every matching row as its most-derived model: the models deriving from
  // T, listed as Ts (exactly the concrete, non-proxy ones, in any order),
  // give the variant's other alternatives. Filters, order, slice,
  // select_related and prefetch_related (of T's relations) apply as to
  // fetch(). One query for a single-table hierarchy; see covet/
  // polymorphic.hpp. Throws UsageError when Ts is not that list,
  // UnknownIdentity for a row of an identity no model declares.
  template <class... Ts>
  std::vector<std::variant<T, Ts...>> polymorphic() const;

  // UPDATE ... SET field = value, ... for every matching row, in one
  // statement: update({{"in_print", false}, {"price", 9.5}}). Returns the
  // number of rows matched. Objects already loaded keep their old values.
  // Throws FieldError for an unknown field, UsageError for a value that does
  // not fit its column or on a sliced query.
  std::int64_t update(std::initializer_list<Assign> assignments) const {
    cache_.reset();
    supplied_ = false;
    return core().update(std::vector<Assign>(assignments));
  }

  // Runs the query and returns the rows, each bound to the database. A
  // related manager's prefetched query set returns its prefetched rows.
  std::vector<Row> fetch() const {
    if (supplied_) return *cache_;
    return load();
  }

  // The rows one at a time, none kept: the same SELECT as fetch(), for
  // results too large to hold (covet/row_stream.hpp). Throws UsageError
  // with prefetch_related; inside the loop the Database runs nothing else.
  RowStream<Row> iterate() const {
    std::unique_ptr<detail::RowReader> reader = core().stream();
    return RowStream<Row>(std::make_unique<detail::QueryCore>(core()), std::move(reader));
  }

  // Iteration runs the query once and keeps the rows (Django's result
  // cache); count() and exists() then answer from them.
  const_iterator begin() const { return results().begin(); }
  const_iterator end() const { return results().end(); }

  // The one row matching; throws DoesNotExist / MultipleObjectsReturned.
  Row get(Q q = {}) const {
    Row out{};
    core().get(q, detail::RowTraits<Row>::object(out));
    finish_one(out);
    return out;
  }
  template <class V>
  Row get(std::string_view lookup, V&& value) const {
    using Key = std::remove_cvref_t<V>;
    // An integer that fits int64_t (a saved covet::Id), by the primary key:
    // the short path.
    if constexpr (std::is_same_v<Key, Id>) {
      if (value.has_value())
        if (std::optional<Row> found = get_by_key(lookup, value.value())) return *std::move(found);
    } else if constexpr (std::is_integral_v<Key> && !std::is_same_v<Key, bool> && !std::is_same_v<Key, char> &&
                  !std::is_same_v<Key, wchar_t> && !std::is_same_v<Key, char8_t> &&
                  !std::is_same_v<Key, char16_t> && !std::is_same_v<Key, char32_t> &&
                  (std::is_signed_v<Key> || sizeof(Key) < sizeof(std::int64_t))) {
      if (std::optional<Row> found = get_by_key(lookup, static_cast<std::int64_t>(value))) return *std::move(found);
    }
    return get(Q(lookup, std::forward<V>(value)));
  }

  // The first / last row by the ordering (the primary key when there is
  // none); nullopt when empty. last() throws UsageError on a sliced query.
  std::optional<Row> first() const {
    Row out{};
    if (!core().first(detail::RowTraits<Row>::object(out))) return std::nullopt;
    finish_one(out);
    return out;
  }
  std::optional<Row> last() const {
    Row out{};
    if (!core().last(detail::RowTraits<Row>::object(out))) return std::nullopt;
    finish_one(out);
    return out;
  }

  // SELECT COUNT(*) / whether any row matches.
  std::int64_t count() const {
    if (cache_) return static_cast<std::int64_t>(cache_->size());
    return core().count();
  }
  bool exists() const {
    if (cache_) return !cache_->empty();
    return core().exists();
  }

  // Deletes every matching row, applying each relation's on_delete like
  // Database::erase (see covet/deletion.hpp), in one transaction scope.
  // Returns the total and per-model counts. Throws UsageError on a sliced
  // query, ProtectedError / RestrictedError when a relation forbids it, and
  // DatabaseError subclasses from the database; nothing is deleted then.
  // Forgets the rows this query set had fetched.
  DeleteResult erase() const {
    cache_.reset();
    supplied_ = false;
    return core().erase();
  }

  // The SELECT this query set runs, for debugging.
  std::string to_sql() const { return core().to_sql(); }

 private:
  template <class, class>
  friend class QuerySet;
  friend struct detail::QuerySetAccess;

  explicit QuerySet(detail::QueryCore core) : core_(std::move(core)) {}

  // The query; a pending owner condition is applied (as filter() applies
  // it) the first time it is needed.
  const detail::QueryCore& core() const {
    if (pending_) {
      core_ = core_.filtered(Q(pending_->lookup, pending_->key), false);
      pending_.reset();
    }
    return core_;
  }

  std::vector<Row> load() const {
    std::vector<Row> out;
    // A slice says how many rows there can be; a large one reserves only
    // part, for it may match far fewer.
    if (std::optional<std::int64_t> bound = core().row_bound()) out.reserve(static_cast<std::size_t>(std::min<std::int64_t>(*bound, 4096)));
    core().fetch([&out]() -> void* { return detail::RowTraits<Row>::object(out.emplace_back()); },
                 [&out](std::size_t rows) { out.reserve(rows); });
    if (core().has_prefetch()) {
      std::vector<void*> objects;
      objects.reserve(out.size());
      for (Row& row : out) objects.push_back(detail::RowTraits<Row>::object(row));
      core().prefetch(objects);
    }
    for (Row& row : out) detail::RowTraits<Row>::finish(row, core());
    return out;
  }

  // get() through QueryCore::get_by_key; nullopt when it does not apply.
  std::optional<Row> get_by_key(std::string_view lookup, std::int64_t key) const {
    Row out{};
    if (!core().get_by_key(lookup, key, detail::RowTraits<Row>::object(out))) return std::nullopt;
    finish_one(out);
    return out;
  }

  void finish_one(Row& row) const {
    if (core().has_prefetch()) core().prefetch({detail::RowTraits<Row>::object(row)});
    detail::RowTraits<Row>::finish(row, core());
  }

  const std::vector<Row>& results() const {
    if (!cache_) cache_ = std::make_shared<const std::vector<Row>>(load());
    return *cache_;
  }

  mutable detail::QueryCore core_;
  // A related manager's condition, not yet applied to core_ (a query set of
  // prefetched rows reads them without its query): see core().
  mutable std::optional<detail::PendingOwnerFilter> pending_;
  mutable std::shared_ptr<const std::vector<Row>> cache_;
  mutable bool supplied_ = false;  // cache_ holds prefetched rows, not rows this query set ran
};

namespace detail {
struct QueryCoreAccess {
  static const std::shared_ptr<const QueryState>& state(const QueryCore& core) { return core.state_; }
  static const std::shared_ptr<DatabaseState>& database(const QueryCore& core) { return core.db_; }
  // A core over a state the runtime built (a tree walk, runtime/trees/).
  static QueryCore make(std::shared_ptr<DatabaseState> db, std::shared_ptr<const QueryState> state) {
    return QueryCore(std::move(db), std::move(state));
  }
};

// The library's door into a QuerySet: its state (for Prefetch), and a query
// set whose rows are already known (a related manager's prefetched rows).
struct QuerySetAccess {
  template <class T, class Row>
  static const std::shared_ptr<const QueryState>& state(const QuerySet<T, Row>& qs) {
    return QueryCoreAccess::state(qs.core());
  }
  template <class T, class Row>
  static const QueryCore& core(const QuerySet<T, Row>& qs) {
    return qs.core();
  }
  template <class T>
  static QuerySet<T> with_results(QuerySet<T> qs, std::shared_ptr<const std::vector<T>> rows) {
    qs.cache_ = std::move(rows);
    qs.supplied_ = true;
    return qs;
  }
  // A related manager's prefetched rows as a query set of `unrefined`
  // restricted by `owner`, which is applied only when the query set is
  // refined or asked for its query: reading the rows builds nothing.
  template <class T>
  static QuerySet<T> with_owner_results(QuerySet<T> unrefined, PendingOwnerFilter owner,
                                        std::shared_ptr<const std::vector<T>> rows) {
    unrefined.pending_ = std::move(owner);
    unrefined.cache_ = std::move(rows);
    unrefined.supplied_ = true;
    return unrefined;
  }
  // The query set of a core the runtime built (covet::TreeNode's walks).
  template <class T>
  static QuerySet<T> from_core(QueryCore core) {
    return QuerySet<T>(std::move(core));
  }
};

}  // namespace detail

template <class QuerySetType>
std::shared_ptr<const detail::QueryState> Prefetch::detail_state(const QuerySetType& qs) {
  return detail::QuerySetAccess::state(qs);
}

}  // namespace covet

#include <covet/polymorphic.hpp>  // QuerySet::polymorphic's definition

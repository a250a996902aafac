// The read side every related manager shares. Each manager provides
//   query()          the related rows as a query set (always a query), and
//   all()            the same, answered from the prefetched rows when it has
//                    them; otherwise a lazy load, which strict loading refuses
//   reads_rows()     whether count(), exists() and contains() should read
//                    all()'s rows: they were prefetched, or the owner has
//                    auto-prefetch peers (one query loads them for all).
// filter, exclude and get refine query() (an explicit query, as in Django);
// fetch, count and exists read the prefetched rows when there are some.
#pragma once

#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace covet::detail {

// The key of a saved object; throws UsageError naming `what` when unsaved.
Value saved_key(const ModelInfo& model, const void* object, const char* what);

// CRTP: Manager provides `QuerySet<T> all() const`.
template <class Manager, class T>
class ManagerQueries {
 public:
  template <class V>
  QuerySet<T> filter(std::string_view lookup, V&& value) const {
    return self().query().filter(lookup, std::forward<V>(value));
  }
  QuerySet<T> filter(Q q) const { return self().query().filter(std::move(q)); }
  template <class V>
  QuerySet<T> exclude(std::string_view lookup, V&& value) const {
    return self().query().exclude(lookup, std::forward<V>(value));
  }
  QuerySet<T> exclude(Q q) const { return self().query().exclude(std::move(q)); }
  template <class V>
  T get(std::string_view lookup, V&& value) const {
    return self().query().get(lookup, std::forward<V>(value));
  }
  T get(Q q = {}) const { return self().query().get(std::move(q)); }
  std::vector<T> fetch() const { return self().all().fetch(); }
  std::int64_t count() const {
    return self().reads_rows() ? self().all().count() : self().query().count();
  }
  bool exists() const {
    return self().reads_rows() ? self().all().exists() : self().query().exists();
  }
  // Whether `object` is one of the related objects (one query, none when
  // prefetched).
  bool contains(const T& object) const {
    Value key = saved_key(model_info<T>(), &object, "contains()");
    if (self().reads_rows()) {
      for (const T& row : self().all())
        if (model_info<T>().primary_key->get(&row) == key) return true;
      return false;
    }
    return self().query().filter(Q("pk", key)).exists();
  }

 private:
  const Manager& self() const { return static_cast<const Manager&>(*this); }
};

}  // namespace covet::detail

// covet::Prefetched<T> is a member that receives what a
// covet::Prefetch(..., to_attr) loads: a plain list of related objects, filled
// by prefetch_related and never by a query of its own.
//
//   struct [[covet::model]] Author {
//     covet::Id id;
//     std::string name;
//     covet::ReverseSet<Book> books;
//     covet::Prefetched<Book> recent_books;   // no column; filled by prefetch only
//   };
//
//   auto authors = db.objects<Author>()
//       .prefetch_related(covet::Prefetch("books",
//           db.objects<Book>().filter("published_year__gte", 2020), &Author::recent_books))
//       .fetch();
//   for (const Book& b : authors[0].recent_books) ...   // no query
//
// Reading a Prefetched that no prefetch filled throws UsageError (it would
// otherwise look like "no related objects"). For a single-valued relation
// (a foreign key, a one-to-one) it holds zero or one object.
#pragma once

#include <covet/errors.hpp>

#include <cstddef>
#include <memory>
#include <vector>

namespace covet {

namespace detail {
struct PrefetchedAccess;
}

template <class T>
class Prefetched {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;

  // Whether a prefetch has filled it (possibly with no objects).
  bool is_loaded() const noexcept { return rows_ != nullptr; }

  // The prefetched objects. Throws UsageError when no prefetch filled it.
  const std::vector<T>& get() const {
    if (!rows_)
      throw UsageError(
          "this covet::Prefetched member was not filled: load its object with "
          "prefetch_related(covet::Prefetch(lookup, queryset, &Model::member))");
    return *rows_;
  }
  const_iterator begin() const { return get().begin(); }
  const_iterator end() const { return get().end(); }
  std::size_t size() const { return get().size(); }
  bool empty() const { return get().empty(); }
  const T& operator[](std::size_t i) const { return get()[i]; }

 private:
  friend struct detail::PrefetchedAccess;
  std::shared_ptr<std::vector<T>> rows_;
};

namespace detail {
struct PrefetchedAccess {
  // Replaces the contents by a fresh empty list and returns it.
  template <class T>
  static std::vector<T>* open(Prefetched<T>& p) {
    p.rows_ = std::make_shared<std::vector<T>>();
    return p.rows_.get();
  }
};
}  // namespace detail

}  // namespace covet

// covet::Prefetch describes one prefetch_related lookup: a relation path and,
// optionally, the query set that selects the related rows and a
// covet::Prefetched member (to_attr) that receives them instead of the
// relation's own member (Django's Prefetch object).
//
//   db.objects<Author>().prefetch_related("books", "books__tags");
//   db.objects<Author>().prefetch_related(
//       covet::Prefetch("books", db.objects<Book>().order_by("-published_year")));
//   db.objects<Author>().prefetch_related(
//       covet::Prefetch("books", db.objects<Book>().filter("in_print", true),
//                       &Author::in_print_books));       // a covet::Prefetched<Book>
//
// Each level of a path costs one query (more only when the keys exceed one
// statement's parameter limit), whatever the number of objects; see
// docs/performance.md. A plain string converts to a Prefetch.
//
// A generic reference's objects are of several models; covet::GenericPrefetch
// gives a query set per model (Django 5's GenericPrefetch), whose filters,
// select_related and prefetch_related apply to that model's objects:
//
//   db.objects<Comment>().prefetch_related(covet::GenericPrefetch(
//       "content_object", db.objects<Post>().select_related("author"),
//       db.objects<Photo>().prefetch_related("albums")));
#pragma once

#include <covet/model_info.hpp>
#include <covet/prefetched.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
struct QueryState;
struct QuerySetAccess;

// Where a Prefetch with to_attr puts the rows: a Prefetched<T> member of the
// owner model.
struct PrefetchTarget {
  const std::type_info* owner = nullptr;  // the model declaring the member
  const ModelInfo* element = nullptr;     // the model of its T
  std::function<void*(void* owner)> open;  // empties the member; returns its std::vector<T>*
};

// One query set of a GenericPrefetch: the objects of `model` it selects.
struct ModelQuerySet {
  const ModelInfo* model = nullptr;
  std::shared_ptr<const QueryState> state;
};
}  // namespace detail

class Prefetch {
 public:
  // prefetch_related("books__tags"): the relation's own query, into its member.
  Prefetch(std::string_view lookup) : lookup_(lookup) {}  // NOLINT(google-explicit-constructor)
  Prefetch(const char* lookup) : lookup_(lookup) {}       // NOLINT(google-explicit-constructor)
  Prefetch(std::string lookup) : lookup_(std::move(lookup)) {}  // NOLINT(google-explicit-constructor)

  // The related rows are those of `queryset` (its filters and ordering; its
  // own select_related and prefetch_related apply too), into the relation's
  // member. The query set's model must be the relation's target.
  template <class QuerySetType>
    requires requires { typename QuerySetType::model_type; }
  Prefetch(std::string_view lookup, const QuerySetType& queryset)
      : lookup_(lookup),
        queryset_model_(&model_info<typename QuerySetType::model_type>()),
        queryset_(detail_state(queryset)) {}

  // The same, into `to_attr` (a covet::Prefetched<U> member of the model the
  // last step starts from) instead of the relation's member.
  template <class QuerySetType, class U, class Owner>
    requires requires { typename QuerySetType::model_type; }
  Prefetch(std::string_view lookup, const QuerySetType& queryset, Prefetched<U> Owner::*to_attr)
      : Prefetch(lookup, queryset) {
    set_target(to_attr);
  }
  // The relation's own query, into `to_attr`.
  template <class U, class Owner>
  Prefetch(std::string_view lookup, Prefetched<U> Owner::*to_attr) : lookup_(lookup) {
    set_target(to_attr);
  }

  const std::string& lookup() const noexcept { return lookup_; }
  // The custom query set's model and state; nullptr when there is none.
  const ModelInfo* queryset_model() const noexcept { return queryset_model_; }
  const std::shared_ptr<const detail::QueryState>& queryset() const noexcept { return queryset_; }
  // The to_attr member; nullptr when there is none.
  const detail::PrefetchTarget* to_attr() const noexcept { return target_.get(); }
  // A GenericPrefetch's query sets, one per model; empty otherwise.
  const std::vector<detail::ModelQuerySet>& model_querysets() const noexcept { return per_model_; }

 protected:
  template <class QuerySetType>
  static std::shared_ptr<const detail::QueryState> detail_state(const QuerySetType& qs);
  std::vector<detail::ModelQuerySet> per_model_;

 private:

  template <class U, class Owner>
  void set_target(Prefetched<U> Owner::*member) {
    auto target = std::make_shared<detail::PrefetchTarget>();
    target->owner = &typeid(Owner);
    target->element = &model_info<U>();
    target->open = [member](void* owner) -> void* {
      return detail::PrefetchedAccess::open(static_cast<Owner*>(owner)->*member);
    };
    target_ = std::move(target);
  }

  std::string lookup_;
  const ModelInfo* queryset_model_ = nullptr;
  std::shared_ptr<const detail::QueryState> queryset_;
  std::shared_ptr<const detail::PrefetchTarget> target_;
};

// prefetch_related of a generic reference (covet::GenericRef) with a query
// set per model: the objects of a model that has one are that query set's
// rows (its filters and ordering, its select_related, and its
// prefetch_related run on them: nested lookups per model); the objects of
// the other models load as prefetch_related("content_object") loads them.
// Still one query per content type present. A reference whose object the
// query set leaves out reads as absent (get_if() is nullptr, get()
// DoesNotExist), as Django leaves content_object None. Each query set must
// be of a different model, one the reference may point at (one of its
// targets), concrete (references hold a proxy's concrete model's content
// type), and not sliced; UsageError otherwise, when prefetch_related is
// called.
class GenericPrefetch : public Prefetch {
 public:
  template <class... QuerySets>
    requires(sizeof...(QuerySets) > 0 && (requires { typename QuerySets::model_type; } && ...))
  GenericPrefetch(std::string_view lookup, const QuerySets&... querysets) : Prefetch(lookup) {
    per_model_.reserve(sizeof...(QuerySets));
    (per_model_.push_back(
         detail::ModelQuerySet{&model_info<typename QuerySets::model_type>(), detail_state(querysets)}),
     ...);
  }
};

}  // namespace covet

// covet::GenericRelation<T> is the other side of a generic reference, after
// Django's GenericRelation: declared on a model that T's GenericRef may point
// at, it is the manager of the T rows pointing at the owner (their content
// type is the owner's, their object id its key).
//
//   struct [[covet::model]] Post {
//     covet::Id id;
//     std::string title;
//     [[covet::related_query_name("post")]]
//     covet::GenericRelation<Comment> comments;   // no column
//   };
//
//   post.comments.all();                          // Comment rows of this post
//   post.comments.filter("text__icontains", "great").count();
//   post.comments.create({.text = "First!"});    // content_type and object_id set
//   post.comments.add(comment);                  // one UPDATE per batch
//
// It matches T's GenericRef over the members "content_type" and
// "object_id", or those [[covet::generic_fields("ct", "id")]] on the
// GenericRelation names (the plugin rejects it when T has no such
// GenericRef). Erasing the owner erases those rows in the same transaction,
// as in Django; [[covet::generic_relation(covet::SET_NULL)]] sets both
// members to NULL instead (both must be std::optional) and
// [[covet::generic_relation(covet::DO_NOTHING)]] leaves them dangling.
// A model without a GenericRelation leaves generic rows pointing at its
// erased objects where they are.
#pragma once

#include <covet/concepts.hpp>
#include <covet/detail/lazy_load.hpp>
#include <covet/detail/manager_queries.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/detail/prefetch_cache.hpp>
#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/value.hpp>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet {

namespace detail {
struct GenericRelationAccess;

// The owner side of a GenericRelation, whatever T (runtime/generic/).
struct GenericOwner {
  std::weak_ptr<DatabaseState> database;
  const MemberInfo* member = nullptr;      // the GenericRelation member (its generic info)
  const ModelInfo* owner_model = nullptr;  // the model declaring it
  Value owner_key;                         // the owner's primary key
  std::shared_ptr<PeerGroup> peers;
};
// Throws UsageError naming the member when the owner is not bound (not
// loaded or created through a Database, or unsaved).
void require_bound_generic(const GenericOwner& owner, const std::type_info& related);
// Q(content_type_field, the owner's content type) & Q(object_id_field, key):
// the rows pointing at the owner. Looks the content type up (at most one
// statement per handle).
Q generic_owner_filter(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner);
// Sets `object`'s two members to point at the owner.
void generic_point_at_owner(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner, void* object);
// UPDATE T SET content_type = owner's, object_id = owner key WHERE pk IN
// (keys): one statement per batch, all in one transaction.
void generic_add(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner, const std::vector<Value>& keys);
}  // namespace detail

template <class T>
class GenericRelation : public detail::ManagerQueries<GenericRelation<T>, T> {
 public:
  using value_type = T;

  // Unbound: every call throws UsageError until the owner is loaded or
  // created through a Database.
  GenericRelation() = default;

  bool is_bound() const noexcept { return owner_.member != nullptr && !owner_.owner_key.is_null(); }

  // The rows pointing at the owner, as a query set; the prefetched ones when
  // prefetch_related loaded them (no query then). Throws UsageError in
  // strict loading mode when they were not prefetched.
  QuerySet<T> all() const {
    QuerySet<T> rows = query();
    if (!prefetched_.has_rows()) {
      auto loaded = detail::lazy_rows(detail::LazyLoad{owner_.member, true, owner_.owner_key, owner_.peers},
                                      detail::QuerySetAccess::core(rows));
      if (!loaded) return rows;
      prefetched_.assign(std::static_pointer_cast<std::vector<T>>(std::move(loaded)));
    }
    return detail::QuerySetAccess::with_results(std::move(rows), prefetched_.rows());
  }
  // The same rows, always queried.
  QuerySet<T> query() const {
    detail::require_bound_generic(owner_, typeid(T));
    auto db = detail::lock_database(owner_.database, owner_.member->name);
    return QuerySet<T>(db).filter(detail::generic_owner_filter(db, owner_));
  }
  bool is_prefetched() const noexcept { return prefetched_.has_rows(); }
  bool reads_rows() const noexcept { return prefetched_.has_rows() || owner_.peers != nullptr; }

  // Inserts `object` pointing at the owner; returns it saved and bound.
  T create(T object) const {
    detail::require_bound_generic(owner_, typeid(T));
    prefetched_.clear();
    auto db = detail::lock_database(owner_.database, owner_.member->name);
    detail::generic_point_at_owner(db, owner_, &object);
    detail::insert_object(db, model_info<T>(), &object);
    return object;
  }

  // Points saved objects of T at the owner: one UPDATE per batch, in one
  // transaction, and the objects passed are changed to match (their
  // GenericRef then points at the owner).
  template <class... A>
    requires(sizeof...(A) > 0 && (std::is_same_v<A, T> && ...))
  void add(A&... objects) const {
    detail::require_bound_generic(owner_, typeid(T));
    prefetched_.clear();
    auto db = detail::lock_database(owner_.database, owner_.member->name);
    std::vector<Value> keys{detail::saved_key(model_info<T>(), &objects, "add()")...};
    detail::generic_add(db, owner_, keys);
    (detail::generic_point_at_owner(db, owner_, &objects), ...);
    (detail::bind_object(db, model_info<T>(), &objects), ...);
  }

 private:
  friend struct detail::GenericRelationAccess;
  detail::GenericOwner owner_;
  mutable detail::PrefetchCache<T> prefetched_;
};

namespace detail {
struct GenericRelationAccess {
  template <class T>
  static void bind(GenericRelation<T>& relation, const BindContext& ctx, const ModelInfo& owner_model) {
    relation.owner_ = GenericOwner{bound_database(ctx.binding), ctx.member, &owner_model, ctx.owner_key,
                                   bound_peers(ctx.binding)};
    relation.prefetched_.clear();
  }
  template <class T>
  static PrefetchCache<T>& cache(GenericRelation<T>& relation) {
    return relation.prefetched_;
  }
};
}  // namespace detail

}  // namespace covet

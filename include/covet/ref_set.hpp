// covet::RefSet<T> is the storage type of a many-to-many member:
//
//   struct [[covet::model]] Post {
//     covet::Id id;
//     [[covet::many_to_many, covet::related_name("posts")]] covet::RefSet<Tag> tags;
//   };
//
// It holds no rows itself: the pairs live in a join table (an automatic one,
// or the through model's). The plugin records the relation (through model,
// through_fields, symmetry) in the metadata, and loading or creating a Post
// binds its RefSet to the database and the post's key, after which it is the
// relation's manager (covet::ManyRelatedManager<T>, many_to_many.hpp):
//
//   post.tags.add(python, cpp);
//   auto tags = post.tags.all().order_by("name").fetch();
//
// A RefSet of an object not loaded or created through a Database is unbound:
// its calls throw UsageError.
#pragma once

#include <covet/many_to_many.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

namespace covet {

namespace detail {
struct RefSetAccess;
}

template <class T>
class RefSet : public ManyRelatedManager<T> {
 public:
  using element_type = T;

 private:
  friend struct detail::RefSetAccess;
};

namespace detail {
struct RefSetAccess {
  template <class T>
  static void bind(RefSet<T>& set, const BindContext& ctx) {
    set.rebind(ManyToManyLink{ctx.binding, ctx.member, false, ctx.owner_key});
  }
  template <class T>
  static PrefetchCache<T>& cache(RefSet<T>& set) {
    return set.prefetch_cache();
  }
};
}  // namespace detail

}  // namespace covet

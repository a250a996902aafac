// select_related: which related objects a rows SELECT loads along with its
// own, and where their columns sit in each row (Django's
// get_related_selections).
//
//   db.objects<Comment>().select_related("post__author", "post__topic")
//     plan  [0] Comment.post   -> Post   parent: the row's Comment
//           [1] Post.author    -> User   parent: [0]
//           [2] Post.topic     -> Topic  parent: [0]
//     SELECT <Comment columns>, <Post columns>, <User columns>, <Topic columns>
//       FROM "blog_comment" AS "t0"
//       INNER JOIN "blog_post" AS "t1" ON ...          (non-null key)
//       INNER JOIN "blog_user" AS "t2" ON ...
//       LEFT OUTER JOIN "blog_topic" AS "t3" ON ...    (nullable key)
//
// The plan lists parents before their children: that is the order of the
// related models' column blocks in the SELECT list, after the query model's
// own (loaded) columns and before a prefetch key restriction's key column.
// Each step is joined through SqlScope::walk, so a filter or ordering on the
// same path shares the join. The related objects are loaded whole.
//
// Rules (Django's, with one difference):
//  * paths name forward foreign keys and one-to-ones ("author",
//    "post__author") and reverse one-to-ones with a declared ReverseOne
//    member ("profile"); every prefix of a path is loaded too;
//  * no path (select_related()): every non-null forward relation,
//    recursively, at most 5 levels deep, never back into a model already on
//    the path (a cycle);
//  * a relation whose key column only()/defer() leaves unloaded cannot be
//    traversed (FieldError when named; skipped by select_related());
//  * joins are INNER for a non-null key and LEFT OUTER for a nullable one and
//    for every step after a LEFT OUTER one; unlike Django, also LEFT OUTER
//    for a key without a database constraint (db_constraint(false)), so a
//    dangling key does not drop its row: it just loads no object.
#pragma once

#include "query/lookup_path.hpp"
#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <vector>

namespace covet::detail {

// One related object per row. Its path is its parent's path and `step`:
// each load holds one step, so a plan of n levels holds n steps, not n^2.
struct RelatedLoad {
  PathStep step;                         // from the parent's model to `model`
  const MemberInfo* relation = nullptr;  // the parent's member receiving it: a Ref, or a ReverseOne
  const ModelInfo* model = nullptr;      // the model loaded
  int parent = -1;                       // index in the plan; -1: the row's own object
};

// The related objects `state` loads, parents first (the SELECT's column
// order). Empty when the query has no select_related. Throws FieldError for
// a path that is not a chain of forward relations (naming the model and the
// valid relations), for a relation whose key column is deferred, and for a
// path beyond covet/limits.hpp (checked before it is split).
std::vector<RelatedLoad> plan_select_related(const QueryState& state);

}  // namespace covet::detail

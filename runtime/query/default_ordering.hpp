// A model's default ordering (covet::ordering, Django's Meta.ordering) in
// queries, as Django applies it:
//   * a query without order_by() is ordered by its model's `ordering`; the
//     related managers and prefetch queries of the model are too;
//   * order_by("x") replaces it, and order_by() with no fields drops it
//     (Django's clear_ordering(clear_default=True)): no ORDER BY at all;
//   * first() / last() order by it when the query has no order_by(), by the
//     primary key only when there is neither;
//   * get(), count(), exists() and erase() do not order (the order cannot
//     change their result), unless the query is sliced;
//   * a field naming a forward relation ("owner", not "owner_id" nor
//     "owner__id") orders by the target's default ordering through it, when
//     the target has one (Django's find_ordering_name): "-owner" with
//     Person ordered by "name" is "-owner__name". An ordering that leads
//     back to a relation it is expanding is a FieldError.
// The fields are checked once a query of the model is made: metadata the
// plugin did not check may name a field that does not exist.
#pragma once

#include "query/lookup_path.hpp"
#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <string>
#include <vector>

namespace covet::detail {

// The fields `state` is ordered by, as written ("-age", "name"): its
// order_by, else its model's default ordering unless order_by() dropped it.
// Empty: no ORDER BY.
const std::vector<std::string>& effective_order(const QueryState& state);

// One column of an ORDER BY, and the path that reaches it.
struct OrderTerm {
  ResolvedPath path;
  bool descending = false;
};

// The columns `state` is ordered by, from effective_order() and the
// relation rule above. Throws FieldError for a field order_by() does not
// take and for an ordering that loops.
std::vector<OrderTerm> order_terms(const QueryState& state);

// Throws FieldError naming the model when a field of its default ordering
// is not one order_by() takes (an unknown field, a lookup, a to-many path)
// or leads to an ordering that loops.
void check_default_ordering(const ModelInfo& model);

}  // namespace covet::detail

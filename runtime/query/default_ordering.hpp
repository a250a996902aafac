// A model's default ordering (covet::ordering, Django's Meta.ordering) in
// queries, as Django applies it:
//   * a query without order_by() is ordered by its model's `ordering`; the
//     related managers and prefetch queries of the model are too;
//   * order_by("x") replaces it, and order_by() with no fields drops it
//     (Django's clear_ordering(clear_default=True)): no ORDER BY at all;
//   * first() / last() order by it when the query has no order_by(), by the
//     primary key only when there is neither;
//   * get(), count(), exists() and erase() do not order (the order cannot
//     change their result), unless the query is sliced.
// The fields are checked once a query of the model is made: metadata the
// plugin did not check may name a field that does not exist.
#pragma once

#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <string>
#include <vector>

namespace covet::detail {

// The fields `state` is ordered by, as written ("-age", "name"): its
// order_by, else its model's default ordering unless order_by() dropped it.
// Empty: no ORDER BY.
const std::vector<std::string>& effective_order(const QueryState& state);

// Throws FieldError naming the model when a field of its default ordering
// is not one order_by() takes (an unknown field, a lookup, a to-many path).
void check_default_ordering(const ModelInfo& model);

}  // namespace covet::detail

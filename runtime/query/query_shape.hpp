// A query's shape: everything the SQL text of its SELECT depends on, and none
// of the values it binds. Two queries of one shape compile to the same text,
// so the statement cache (statement_cache.hpp) compiles a shape once.
//
// The text depends on the model, the select kind, every condition's lookup
// path and tree position, and on a few properties of the values: whether one
// is NULL (`exact` NULL is IS NULL), an isnull's boolean, how many values a
// list holds; on the ordering, whether the query is sliced (not by how much),
// select_related, only()/defer() and a polymorphic load's columns. The key
// holds exactly those, as bytes; values of any other kind appear only as
// their kind.
//
// The conditions' leaves are numbered depth-first, pre-order, over the
// filter()/exclude() calls in order: ParamOrigin::leaf refers to that order.
#pragma once

#include "query/q_node.hpp"
#include "query/query_state.hpp"
#include "query/select_compiler.hpp"

#include <string>
#include <vector>

namespace covet::detail {

// Appends the leaves of `state`'s conditions in the order above.
void collect_leaves(const QueryState& state, std::vector<const QNode*>& out);

// The shape of `state` for a SELECT of `kind` into `key`, its leaves into
// `leaves`. False when the text also depends on values (a tree walk, a
// prefetch's key batch) or the query is too large to be worth a key; the
// query is then compiled each time.
bool query_shape(const QueryState& state, SelectKind kind, std::string& key, std::vector<const QNode*>& leaves);

}  // namespace covet::detail

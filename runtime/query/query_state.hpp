// The immutable description of a query set: which model, which conditions,
// which order, which slice. QuerySet<T> shares one QueryState between copies
// and makes a new one for each chained call (copy-on-write), so a QuerySet is
// as cheap to copy as a shared_ptr.
#pragma once

#include "query/q_node.hpp"

#include <covet/model_info.hpp>
#include <covet/prefetch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

struct KeyRestriction;  // runtime/prefetch/key_restriction.hpp
struct TreeSource;      // runtime/trees/tree_source.hpp
struct LoadedFields;    // runtime/query/deferred_fields.hpp

struct QueryState {
  const ModelInfo* model = nullptr;

  // One entry per filter()/exclude() call (exclude stores a Not node), all of
  // which must hold. Kept apart rather than merged into one AND because, as in
  // Django, each call gets its own to-many subqueries: filter(books__title=a)
  // .filter(books__year=b) asks for two books that may differ.
  std::vector<std::shared_ptr<const QNode>> where;

  // As written: "name", "-published_year", "author__name". Empty: the
  // model's default ordering (covet::ordering) while default_ordering holds,
  // which order_by() with no fields clears; else no ORDER BY
  // (query/default_ordering.hpp).
  std::vector<std::string> order_by;
  bool default_ordering = true;

  // The slice [low, high) of the result, composed like Django's set_limits.
  std::int64_t low = 0;
  std::optional<std::int64_t> high;

  // Set only by the prefetch engine: the rows related to a batch of owner
  // keys, each selecting the key it matched as its last column.
  std::shared_ptr<const KeyRestriction> key_restriction;

  // prefetch_related lookups, validated, in the order given (runtime/prefetch/).
  std::vector<Prefetch> prefetch;

  // Eager and partial loading. select_related: the paths as given
  // ("author", "post__author"), validated; select_related_all for
  // select_related() without paths (runtime/query/select_related.cpp).
  // only() / defer(): the columns the rows load; null: every column
  // (runtime/query/deferred_fields.cpp).
  std::vector<std::string> select_related;
  bool select_related_all = false;
  std::shared_ptr<const LoadedFields> loaded_fields;

  // Set only by a polymorphic single-table load (runtime/inheritance/): the
  // columns of the model's table its rows SELECT lists instead of the
  // loaded columns (the discriminator, then every column of the hierarchy's
  // models, once each); select_related's columns follow them.
  std::shared_ptr<const std::vector<std::string>> selected_columns;

  // Set only by covet::TreeNode's recursive reads (runtime/trees/): the
  // rows one WITH RECURSIVE walk from a node reaches; without an order_by
  // of its own the query takes the walk's order (tree_source.hpp).
  std::shared_ptr<const TreeSource> tree;

  bool is_sliced() const noexcept { return low != 0 || high.has_value(); }
};

}  // namespace covet::detail

// The query behind one prefetch step: the related rows for a set of owner
// keys, in as few statements as the keys allow (one, unless SQLite's
// parameter limit splits them), each row handed over with the key it matched.
#pragma once

#include "database_state.hpp"
#include "prefetch/relation_step.hpp"
#include "query/query_state.hpp"

#include <covet/value.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace covet::detail {

// A hash for the keys a prefetch groups by (integers, text and UUIDs, mostly).
struct ValueHash {
  std::size_t operator()(const Value& v) const;
};

// Loads the rows of step.related matching `keys` (distinct, none NULL),
// further restricted and ordered by `custom` (a Prefetch's query set; null:
// every related row). Each row is loaded into what `emplace(key)` returns
// (nullptr: skipped). Returns the number of statements run.
std::size_t load_related_rows(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                              const std::vector<Value>& keys, const QueryState* custom,
                              const std::function<void*(const Value& key)>& emplace);

}  // namespace covet::detail

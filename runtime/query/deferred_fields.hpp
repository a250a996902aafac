// only() / defer(): which of a model's columns a query loads into its
// objects (Django's deferred_loading). The rows of such a query are
// covet::Partial<T> (covet/partial.hpp), which knows what was left out.
//
//   defer("bio")            every column but bio
//   only("title", "author") id, title, author_id
//   only(a).defer(b)        only a minus b         (Django's merging rules:
//   defer(a).only(b)        only b minus a          defer adds to a defer,
//   defer(a).defer(b)       every column but a, b   only replaces an only)
//
// The primary key is always loaded (deferring it is ignored, as in Django),
// and so is a column that a reverse relation matches on (a to_field target),
// since the object's reverse members are bound with its value. Fields are
// named by member name ("author" for a foreign key; "author_id" and "pk" work
// too); a path across a relation ("author__name") is refused: objects loaded
// through select_related are loaded whole.
#pragma once

#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

struct LoadedFields {
  bool defer = true;                     // true: `named` are left out; false: only `named`
  std::vector<const MemberInfo*> named;  // resolved, without the primary key
  std::vector<bool> loaded;              // by index in ModelInfo::columns
  std::vector<const MemberInfo*> columns;  // the loaded ones, in column order
};

// The columns a rows SELECT of `state` loads into its objects, in the order
// it selects them: ModelInfo::columns, less the deferred ones.
const std::vector<const MemberInfo*>& loaded_columns(const QueryState& state);

// Whether only() / defer() leaves `member` (a column member of state.model)
// unloaded.
bool is_deferred(const QueryState& state, const MemberInfo& member);

// Before running the rows SELECT of `state`: refuses combinations that
// would hand out wrong objects. Throws FieldError for a prefetch_related
// lookup starting at a deferred foreign key (its key is unknown), UsageError
// for a Prefetch query set with deferred fields (prefetched objects are full
// objects: a deferred field would read as its default).
void check_deferred_use(const QueryState& state);

}  // namespace covet::detail

// Polymorphic loads (QuerySet::polymorphic, QueryCore::fetch_polymorphic):
// the list check and the per-strategy row loaders.
//
//   fetch_polymorphic(listed, emplace)          runtime/inheritance/polymorphic_load.cpp
//     polymorphic_models(queried, listed)       the list check: [queried, listed...]
//     dispatch on the hierarchy's strategy:
//       single table  load_single_table_rows    single_table_rows.cpp: one query
//       multi-table   load_multi_table_rows     multi_table_rows.cpp
//       neither       the rows as the queried model (run_rows)
//
// A loader runs the rows SELECT of `state` (a query of models[0]) and loads
// each row as its most-derived model among `models` (models[0] and its
// concrete non-proxy descendants): emplace(model) returns a
// default-constructed object of that model to load the row into. The
// front-end runs prefetch_related afterwards, over each row's models[0]
// part, so the loaders do not.
#pragma once

#include "database_state.hpp"
#include "query/query_state.hpp"

#include <covet/model_info.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace covet::detail {

// The models a polymorphic load of `queried` builds rows of: `queried`,
// then `listed` in their order. Throws UsageError naming the missing, the
// extra and the repeated models unless `listed` is exactly the concrete,
// non-proxy models below `queried`.
std::vector<const ModelInfo*> polymorphic_models(const ModelInfo& queried,
                                                 const std::vector<const ModelInfo*>& listed);

// One query; each row's discriminator picks its model. Throws
// UnknownIdentity for a discriminator no model of `models` declares,
// NullSubclassField for a NULL its model's member cannot hold.
void load_single_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                            const std::vector<const ModelInfo*>& models,
                            const std::function<void*(const ModelInfo&)>& emplace);

// The multi-table loader (written apart: multi_table_rows.cpp).
void load_multi_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const std::vector<const ModelInfo*>& models,
                           const std::function<void*(const ModelInfo&)>& emplace);

}  // namespace covet::detail

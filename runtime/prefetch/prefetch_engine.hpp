// The prefetch engine (Django's prefetch_related_objects): given objects of
// one model already loaded and a list of lookups, loads each lookup level for
// all of them at once and leaves the results in the relations' members (or a
// Prefetch's to_attr member), so reading them later runs no query.
//
//   lookups "books", "books__tags" over 1,000 authors:
//     level "books"        one query: the books of all 1,000 authors
//     level "books__tags"  one query: the tags of all those books
//   (a level already loaded by an earlier lookup is reused, not queried again;
//   so are the objects select_related put in forward Refs: after
//   select_related("author"), "author__books" is one query, for the books)
//
// Per level, the owners' keys are collected (distinct), the related rows are
// loaded by load_related_rows (related_rows.hpp), and each row goes to every
// owner holding the key it matched; the loaded objects are the owners of the
// next level. Relation kinds are RelationStep's business (relation_step.hpp).
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>
#include <covet/prefetch.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

// Checks `lookups` against `model`: every step is a relation, the last step
// has a member to receive the rows (or a to_attr), a custom query set is of
// the related model and not sliced, a to_attr belongs to the step's owner.
// Throws FieldError / UsageError naming the model and the lookup.
void validate_prefetch(const ModelInfo& model, const std::vector<Prefetch>& lookups);

// Runs `lookups` (validated) over `objects`, instances of `model`.
void run_prefetch(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  const std::vector<void*>& objects, const std::vector<Prefetch>& lookups);

}  // namespace covet::detail

// prefetch_related("content_object"): a generic reference's objects, one
// query per content type present among the owners (Django's
// GenericForeignKey.get_prefetch_queryset), each batched under the
// parameter limit as every prefetch query is; plus, on a handle whose
// content-type cache is cold, the one statement that fills it.
//
// Owners whose reference is null, or already holds its object (assigned or
// loaded), are left alone; a reference whose row is gone is marked so (its
// get_if<T>() is nullptr, its get<T>() DoesNotExist, without a query);
// one whose content type names no model of this program is left unloaded
// (reading it reports that).
//
// A covet::GenericPrefetch's query set for a model selects that model's
// objects (its filters, ordering and select_related; a reference whose
// object it leaves out reads as absent); the engine then runs its
// prefetch_related on them.
#pragma once

#include "database_state.hpp"
#include "prefetch/related_rows.hpp"
#include "prefetch/relation_step.hpp"
#include "query/query_state.hpp"

#include <covet/prefetch.hpp>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace covet::detail {

// The objects one content type's query loaded, and the query set that
// selected them (nullptr: the model's plain rows).
struct GenericLoad {
  const ModelInfo* model = nullptr;
  const QueryState* queryset = nullptr;
  std::vector<void*> objects;
};

// Loads step.generic_ref of `owners`, each model's objects through its
// query set in `querysets` when it has one; returns what each query loaded.
std::vector<GenericLoad> load_generic_objects(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                                              const std::vector<void*>& owners,
                                              const std::vector<ModelQuerySet>& querysets);

// The objects of `model` whose keys are `keys` (distinct, none NULL),
// through `queryset` (nullptr: every row), into `found` by key (a key with
// no row gets none); `owner`'s GenericRef member `generic_ref` names the
// step in errors. Batched under the parameter limit.
void load_objects_by_key(const std::shared_ptr<DatabaseState>& db, const ModelInfo& owner,
                         const MemberInfo& generic_ref, const ModelInfo& model, const std::vector<Value>& keys, const QueryState* queryset,
                         std::unordered_map<Value, std::shared_ptr<void>, ValueHash>& found);

// Throws UsageError unless `querysets` suits step.generic_ref (see
// covet::GenericPrefetch); `lookup` names the prefetch in the message.
void validate_generic_querysets(const RelationStep& step, const std::string& lookup,
                                const std::vector<ModelQuerySet>& querysets);

}  // namespace covet::detail

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
#pragma once

#include "database_state.hpp"
#include "prefetch/relation_step.hpp"

#include <memory>
#include <vector>

namespace covet::detail {

// Loads step.generic_ref of `owners`; returns the objects loaded (of
// several models).
std::vector<void*> load_generic_objects(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                                        const std::vector<void*>& owners);

}  // namespace covet::detail

// What every write of an object does for its generic references: an object
// assigned to a GenericRef (or std::nullopt) is stored in its two column
// members before the row is written, so create, save, update, bulk_create
// and the managers' writes all send the columns the reference says.
// Called next to the auto_now stamps (model/auto_fields.hpp), before any
// statement: a reference its members cannot hold fails with nothing written.
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>

#include <memory>

namespace covet::detail {

// Stores each assigned GenericRef of `object` into its members (one
// content-type lookup per handle at most). Throws UsageError when a member
// cannot hold what its reference points at.
void store_generic_refs(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

// Whether `model` has GenericRef members.
bool has_generic_refs(const ModelInfo& model);

// Whether a GenericRef of `object` holds an assignment its members have not
// received yet.
bool has_assigned_generic_ref(const ModelInfo& model, const void* object);

}  // namespace covet::detail

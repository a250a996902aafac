// Content-type lookups for the runtime's own callers (generic references and
// relations), which hold a DatabaseState rather than a Database. The same
// rules as covet::ContentType::for_model / for_id, over the same cache: at
// most one statement per handle, never a write.
#pragma once

#include "database_state.hpp"

#include <covet/content_type.hpp>
#include <covet/model_info.hpp>

#include <cstdint>
#include <string>

namespace covet::detail {

// ContentType::for_model: a proxy's concrete model's unless ConcreteModel::No.
ContentType content_type_for_model(DatabaseState& db, const ModelInfo& model,
                                   ConcreteModel concrete = ConcreteModel::Yes);
// The content-type name generic rows hold for an object of `model`: its
// concrete model's (a proxy's objects are stored under it, as for_model
// gives by default). What joins, prefetches and deletes match them on.
inline const std::string& stored_content_type(const ModelInfo& model) {
  return model.concrete_model ? model.concrete_model->content_type : model.content_type;
}

// ContentType::for_id: DoesNotExist naming the id when there is no such row.
ContentType content_type_for_id(DatabaseState& db, std::int64_t id);

}  // namespace covet::detail

// Generic references and relations in the registry: the plugin emitted each
// GenericRef / GenericRelation member with the names of its two column
// members and the types it points at; what needs every model at once is
// linked here:
//
//   GenericRef        content_type_member, object_id_member (its model's
//                     members of those names), targets (its listed models)
//   GenericRelation   related (T's model), generic_ref (T's GenericRef over
//                     the two members), content_type_member and
//                     object_id_member (T's)
//
// The plugin rejects every mismatch at compile time (plugin/checks/Generic*);
// metadata that was not checked (hand-written, or of an older plugin) fails
// here with a UsageError naming the member, before any query runs.
#pragma once

#include <covet/model_info.hpp>

#include <vector>

namespace covet::detail {

void link_generic_members(const std::vector<const ModelInfo*>& models);

}  // namespace covet::detail

// Proxy models (covet::proxy, Django's proxy = True) in the registry: a
// proxy has the rows of its concrete model (its nearest non-proxy
// ancestor) and its own C++ type, default ordering and static functions.
// The plugin resolved its table (the concrete model's) and members (all
// inherited, declared by the ancestors); what needs every model at once is
// linked here, once the reverse relations are known:
//
//   concrete_model  itself for a model that is not a proxy, else the
//                   concrete model of its parent (a proxy of a proxy too)
//   reverse         a proxy's reverse relations are its ancestors' down to
//                   its concrete model, then those that target it
//                   (covet::Ref<Adult>), in the registry's stable order:
//                   lookups, prefetch and declared reverse members of the
//                   parent work from the proxy; the reverse side of a
//                   relation to the proxy stays the proxy's
//   identities      a single-table proxy matches the rows its concrete model
//                   matches
#pragma once

#include <covet/model_info.hpp>

#include <vector>

namespace covet::detail {

// Links `models` (every registered model, their reverse relations and
// single-table identities already resolved) as above. Called by the
// registry while it builds.
void link_proxies(const std::vector<const ModelInfo*>& models);

}  // namespace covet::detail

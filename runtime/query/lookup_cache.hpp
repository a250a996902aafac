// Resolved lookups, kept per thread. Resolving "author__name__startswith"
// walks the model's members and relations and builds the path's strings; a
// program repeats the same few lookups in every query (a get by key, a
// related manager's filter on its owner, once per object read), and the
// metadata they resolve against never changes once registered. So a lookup
// that resolved is kept (one that failed is not, and throws again), in a map
// of the calling thread's own: no lock, whatever the number of threads, each
// with its Database. Bounded: past kMaxEntries the map starts over.
#pragma once

#include "query/lookup_path.hpp"

#include <cstddef>
#include <memory>
#include <string_view>

namespace covet::detail {

inline constexpr std::size_t kMaxResolvedLookups = 4096;

// resolve_lookup(model, lookup), from the thread's cache when it was
// resolved before. Throws FieldError as resolve_lookup does.
std::shared_ptr<const ResolvedPath> cached_lookup(const ModelInfo& model, std::string_view lookup);

}  // namespace covet::detail

#include "query/lookup_cache.hpp"

#include <functional>
#include <string>
#include <unordered_map>

namespace covet::detail {

namespace {

struct Key {
  const ModelInfo* model;
  std::string_view lookup;  // views the entry's own copy once stored
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept {
    return std::hash<std::string_view>()(k.lookup) ^ (std::hash<const void*>()(k.model) * 0x9e3779b97f4a7c15ULL);
  }
};

struct Entry {
  std::string lookup;  // what the key's view points at
  std::shared_ptr<const ResolvedPath> path;
};

class LookupCache {
 public:
  std::shared_ptr<const ResolvedPath> get(const ModelInfo& model, std::string_view lookup) {
    if (auto it = index_.find(Key{&model, lookup}); it != index_.end()) return it->second->path;
    auto path = std::make_shared<const ResolvedPath>(resolve_lookup(model, lookup));
    if (index_.size() >= kMaxResolvedLookups) index_.clear();
    auto entry = std::make_unique<Entry>(Entry{std::string(lookup), path});
    const Key key{&model, entry->lookup};
    index_.emplace(key, std::move(entry));
    return path;
  }

 private:
  std::unordered_map<Key, std::unique_ptr<Entry>, KeyHash> index_;
};

}  // namespace

std::shared_ptr<const ResolvedPath> cached_lookup(const ModelInfo& model, std::string_view lookup) {
  thread_local LookupCache cache;
  return cache.get(model, lookup);
}

}  // namespace covet::detail

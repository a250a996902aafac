// The statements of get() by primary key, per model and lookup, on one
// Database: `db.objects<User>().get("id", 42)` on an unrefined query set
// binds the key into the SELECT the statement cache compiled for the first
// such get, without building a condition, fitting it and working out its
// shape each time (QueryCore::get_by_key, query_core.cpp).
//
// An entry holds the statement cache's own entry: when the statement cache
// drops it (full, create_all / drop_all, a failed statement), the next get
// finds it gone (StatementCache::touch) and takes the general path again.
#pragma once

#include "query/statement_cache.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

struct KeyGet {
  const ModelInfo* model = nullptr;
  std::string lookup;  // "pk" or the key member's name
  std::shared_ptr<const CachedSelect> statement;
  // Which parameter is the key; the others are the statement's constants
  // and the get's slice (bound as the general path binds them).
  std::size_t key_param = 0;
  std::vector<Value> params;  // the parameters with the key's left NULL
};

class KeyGetCache {
 public:
  // The entry for (model, lookup), or null.
  KeyGet* find(const ModelInfo& model, std::string_view lookup) {
    for (KeyGet& k : entries_)
      if (k.model == &model && k.lookup == lookup) return &k;
    return nullptr;
  }
  // Replaces the entry for (entry.model, entry.lookup).
  KeyGet& store(KeyGet entry) {
    if (KeyGet* old = find(*entry.model, entry.lookup)) return *old = std::move(entry);
    if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());
    return entries_.emplace_back(std::move(entry));
  }
  void clear() { entries_.clear(); }

 private:
  // A program gets by key on a handful of models; a linear search over a
  // few entries is cheaper than hashing the lookup.
  static constexpr std::size_t kMaxEntries = 16;
  std::vector<KeyGet> entries_;
};

}  // namespace covet::detail

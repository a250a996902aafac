// A map from a key (a covet::Value) to V for the prefetch engine's grouping:
// integer keys, which covet::Id and integer foreign keys give, by their
// int64_t, without hashing a variant; other kinds by Value. Value's equality
// is the variant's (an Integer never equals a value of another kind), so
// splitting by kind finds exactly the entries one map would.
#pragma once

#include "prefetch/related_rows.hpp"  // ValueHash

#include <covet/value.hpp>

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace covet::detail {

template <class V>
class KeyMap {
 public:
  void reserve(std::size_t n) { ints_.reserve(n); }

  // The entry for `key` (value-initialized when new), and whether it is new.
  // Entries stay where they are while the map grows.
  std::pair<V*, bool> try_emplace(const Value& key) {
    if (key.is_integer()) {
      auto [it, added] = ints_.try_emplace(key.as_integer());
      return {&it->second, added};
    }
    auto [it, added] = others_.try_emplace(key);
    return {&it->second, added};
  }
  V& operator[](const Value& key) { return *try_emplace(key).first; }

  V* find(const Value& key) {
    if (key.is_integer()) {
      auto it = ints_.find(key.as_integer());
      return it == ints_.end() ? nullptr : &it->second;
    }
    auto it = others_.find(key);
    return it == others_.end() ? nullptr : &it->second;
  }

  std::size_t size() const noexcept { return ints_.size() + others_.size(); }

  // Every entry, in no particular order.
  template <class F>
  void for_each(F&& f) {
    for (auto& entry : ints_) f(entry.second);
    for (auto& entry : others_) f(entry.second);
  }

 private:
  std::unordered_map<std::int64_t, V> ints_;
  std::unordered_map<Value, V, ValueHash> others_;
};

}  // namespace covet::detail

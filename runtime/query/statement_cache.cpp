#include "query/statement_cache.hpp"

#include "query/query_shape.hpp"
#include "query/select_compiler.hpp"

#include <algorithm>

namespace covet::detail {

namespace {

bool cacheable(const CompiledQuery& q) {
  if (q.origins.size() != q.params.size()) return false;  // a part did not say where a value came from
  return std::none_of(q.origins.begin(), q.origins.end(),
                      [](const ParamOrigin& o) { return o.kind == ParamOrigin::Kind::Derived; });
}

Value parameter(const CachedSelect& s, std::size_t i, const QueryState& state, const std::vector<const QNode*>& leaves) {
  const ParamOrigin& o = s.origins[i];
  switch (o.kind) {
    case ParamOrigin::Kind::Leaf: return leaves[o.leaf]->value.values[o.index];
    case ParamOrigin::Kind::SliceCount: return Value(*state.high - state.low);
    case ParamOrigin::Kind::SliceOffset: return Value(state.low);
    case ParamOrigin::Kind::Constant:
    case ParamOrigin::Kind::Derived: break;  // never cached
  }
  return s.constants[i];
}

}  // namespace

BoundSelect StatementCache::bind(const QueryState& state, Dialect dialect, SelectKind kind) {
  if (capacity_ > 0 && query_shape(state, kind, key_, leaves_)) {
    if (auto it = index_.find(key_); it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++reused_;
      BoundSelect out{*it->second, {}, true};
      const CachedSelect& s = *out.statement;
      out.params.reserve(s.origins.size());
      for (std::size_t i = 0; i < s.origins.size(); ++i) out.params.push_back(parameter(s, i, state, leaves_));
      return out;
    }
    CompiledQuery q = compile_select(state, dialect, kind);
    if (cacheable(q)) {
      ++compiled_;
      auto entry = std::make_shared<CachedSelect>();
      entry->key = key_;
      entry->sql = std::move(q.sql);
      entry->constants.resize(q.params.size());
      for (std::size_t i = 0; i < q.params.size(); ++i)
        if (q.origins[i].kind == ParamOrigin::Kind::Constant) entry->constants[i] = q.params[i];
      entry->origins = std::move(q.origins);
      insert(entry);
      return BoundSelect{std::move(entry), std::move(q.params), true};
    }
    ++uncached_;
    auto once = std::make_shared<CachedSelect>();
    once->sql = std::move(q.sql);
    return BoundSelect{std::move(once), std::move(q.params), false};
  }
  ++uncached_;
  CompiledQuery q = compile_select(state, dialect, kind);
  auto once = std::make_shared<CachedSelect>();
  once->sql = std::move(q.sql);
  return BoundSelect{std::move(once), std::move(q.params), false};
}

void StatementCache::insert(std::shared_ptr<const CachedSelect> entry) {
  lru_.push_front(std::move(entry));
  index_.emplace(lru_.front()->key, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back()->key);
    lru_.pop_back();
  }
}

void StatementCache::evict(const CachedSelect& statement) {
  auto it = index_.find(statement.key);
  if (it == index_.end() || it->second->get() != &statement) return;
  const Entries::iterator entry = it->second;
  index_.erase(it);
  lru_.erase(entry);
}

bool StatementCache::touch(const CachedSelect& statement) {
  auto it = index_.find(statement.key);
  if (it == index_.end() || it->second->get() != &statement) return false;
  lru_.splice(lru_.begin(), lru_, it->second);
  ++reused_;
  return true;
}

void StatementCache::clear() {
  index_.clear();
  lru_.clear();
}

StatementCacheStats StatementCache::stats() const {
  return StatementCacheStats{lru_.size(), capacity_, compiled_, reused_, uncached_};
}

}  // namespace covet::detail

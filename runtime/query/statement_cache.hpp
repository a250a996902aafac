// The compiled SELECTs of one Database, by query shape (query_shape.hpp): a
// query whose shape was compiled before binds its values into the text it
// already has, instead of compiling it again. The backend below keeps its own
// prepared statements by text (sqlite_connection.hpp, postgres_connection.hpp),
// so a repeated get() binds and steps a statement the connection holds.
//
// What is cached is the text and where each parameter comes from
// (param_sink.hpp), never a value: constants of the metadata are kept, the
// conditions' values and the slice are read from each query anew. Bounded
// (least recently used first out, ConnectOptions::statement_cache_size; 0
// turns it off), emptied by create_all() and drop_all(), and an entry whose
// statement failed is dropped, so the next query compiles it again.
#pragma once

#include "query/compiled_query.hpp"
#include "query/query_state.hpp"

#include <covet/statement_cache.hpp>

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace covet::detail {

enum class SelectKind;  // select_compiler.hpp

// One compiled shape.
struct CachedSelect {
  std::string key;
  std::string sql;
  std::vector<ParamOrigin> origins;
  std::vector<Value> constants;  // by parameter: the Constant ones' values, NULL elsewhere
};

// A statement ready to run: its text (kept alive by `statement`) and values.
struct BoundSelect {
  std::shared_ptr<const CachedSelect> statement;
  std::vector<Value> params;
  bool cached = false;  // `statement` is in the cache (evict it if it fails)
};

class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}

  // The SELECT of `kind` for `state` in `dialect`.
  BoundSelect bind(const QueryState& state, Dialect dialect, SelectKind kind);
  // Drops `statement`'s entry, if it is still cached.
  void evict(const CachedSelect& statement);
  // For a caller that keeps a cached statement (key_get_cache.hpp): counts
  // it reused and makes it the most recent, as bind() does, when it is
  // still cached; false when it has been dropped (then bind() again).
  bool touch(const CachedSelect& statement);
  void clear();
  bool enabled() const noexcept { return capacity_ > 0; }
  StatementCacheStats stats() const;

 private:
  using Entries = std::list<std::shared_ptr<const CachedSelect>>;
  void insert(std::shared_ptr<const CachedSelect> entry);

  std::size_t capacity_;
  Entries lru_;  // most recent first
  std::unordered_map<std::string_view, Entries::iterator> index_;  // views of the entries' keys
  std::uint64_t compiled_ = 0;
  std::uint64_t reused_ = 0;
  std::uint64_t uncached_ = 0;
  // Scratch for the key and the leaves of the query being bound.
  std::string key_;
  std::vector<const QNode*> leaves_;
};

}  // namespace covet::detail

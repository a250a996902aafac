// What a Database's cache of compiled queries did: a query set compiles its
// SQL once per shape (the model, the lookups, the ordering, whether it is
// sliced, select_related, only/defer: everything but the values), and every
// later query of that shape binds its own values into the same text, which
// the connection has prepared already.
//
//   covet::Database db = covet::connect("sqlite::memory:", {.statement_cache_size = 512});
//   for (std::int64_t id = 1; id <= 100; ++id) db.objects<User>().get("id", id);
//   covet::StatementCacheStats s = db.statement_cache();
//   // s.compiled == 1, s.reused == 99
//
// A few queries are compiled each time (uncached): those whose text depends
// on their values (contains/startswith patterns, `in` with more than 64
// values, a tree walk, a prefetch's key batch). Values are never kept in the
// cache. The query log says, per statement, whether the connection reused a
// prepared statement (QueryLogEntry::reused).
#pragma once

#include <cstddef>
#include <cstdint>

namespace covet {

struct StatementCacheStats {
  std::size_t size = 0;       // shapes held now
  std::size_t capacity = 0;   // ConnectOptions::statement_cache_size
  std::uint64_t compiled = 0;  // queries compiled and cached
  std::uint64_t reused = 0;    // queries bound to a cached shape
  std::uint64_t uncached = 0;  // queries compiled for themselves alone
};

}  // namespace covet

// How a Database treats lazy loads of related objects -- a Ref<T>::get() that
// was not loaded, a related manager read that was not prefetched, a
// ReverseOne<T>::get():
//
//   Loading::Lazy          (the default) each runs its own query
//   Loading::Strict        each throws UsageError naming the relation and the
//                          query it would have run: tests find N+1 patterns
//   Loading::AutoPrefetch  the first lazy load of a relation on one object of
//                          a query's result loads it for all the objects of
//                          that result, in one query; the others then answer
//                          without a query
//
//   covet::Database db = covet::connect(url, {.loading = covet::Loading::Strict});
//   db.set_loading(covet::Loading::AutoPrefetch);       // from now on
//   {
//     covet::LoadingScope strict(db, covet::Loading::Strict);   // until the scope ends
//     render(authors);                                          // throws on an N+1
//   }
//
// Auto-prefetch applies to objects loaded by a query set while the mode is
// on; it keeps the peers' keys (not the objects) with each result.
#pragma once

#include <chrono>
#include <cstddef>

namespace covet {

enum class Loading { Lazy, Strict, AutoPrefetch };

// Options of covet::connect() (docs/connecting.md):
//
//   using namespace std::chrono_literals;
//   covet::Database db = covet::connect("sqlite:///app.db",
//                                       {.busy_timeout = 10s, .statement_timeout = 2s});
struct ConnectOptions {
  Loading loading = Loading::Lazy;
  // SQLite: how long a statement waits for another connection's lock before
  // it fails with OperationalError "database is locked"; 0 fails at once.
  // PostgreSQL waits for locks as the server is configured (lock_timeout).
  std::chrono::milliseconds busy_timeout{5000};
  // The longest one statement may run before it is cancelled with
  // OperationalError (PostgreSQL's statement_timeout, set for the session;
  // SQLite's progress handler, counting the time inside the engine). 0: no
  // limit set by Covet (a PostgreSQL server's own statement_timeout applies).
  std::chrono::milliseconds statement_timeout{0};
  // How many query shapes the Database keeps compiled (covet/statement_cache.hpp),
  // least recently used first out; 0 compiles every query.
  std::size_t statement_cache_size = 256;
};

class Database;

// Sets the database's loading mode for the scope's lifetime and restores the
// previous one when it ends.
class LoadingScope {
 public:
  LoadingScope(Database& db, Loading mode);
  ~LoadingScope();
  LoadingScope(const LoadingScope&) = delete;
  LoadingScope& operator=(const LoadingScope&) = delete;

 private:
  Database* db_;
  Loading previous_;
};

}  // namespace covet

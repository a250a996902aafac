// covet::Atomic is a transaction scope, after Django's atomic(): the outermost
// scope is a transaction, nested scopes are savepoints, and each scope commits
// when it ends normally and rolls back when it ends by an exception.
//
//   {
//     covet::Atomic tx = db.atomic();     // BEGIN
//     db.create(Author{.name = "A"});
//     {
//       auto inner = db.atomic();         // SAVEPOINT
//       throw_if_bad();                   // an exception rolls back to the savepoint…
//     }
//   }                                     // …and, if not caught, the whole transaction
//
//   db.atomic([&] { db.create(Author{.name = "B"}); });   // the same as a call
//
// commit() and rollback() end a scope early. A failed COMMIT throws from the
// scope's end (never while an exception is already unwinding).
//
// On SQLite the outermost scope starts with BEGIN IMMEDIATE: it takes the
// write lock at once, so a second writer waits for it (within
// ConnectOptions::busy_timeout) instead of failing with "database is locked".
//
// A lost transaction. When the transaction ends under open scopes -- the
// connection to PostgreSQL is lost, or SQLite rolls back a write interrupted
// by the statement timeout -- its writes are gone, and the scopes cannot go
// on as if they were not: every later statement, nested atomic() and
// commit() throws OperationalError saying so, until the outermost scope
// ends. rollback() and an exception leaving the scope end it quietly (the
// writes are undone, as asked); the next statement then reconnects if it
// must. Run the whole transaction again.
//
//   try {
//     auto tx = db.atomic();
//     write_everything(db);      // OperationalError: connection lost
//   } catch (const covet::OperationalError&) {
//     retry_later();             // nothing of write_everything was kept
//   }
#pragma once

#include <memory>

namespace covet {

namespace detail {
struct DatabaseState;
}

class Atomic {
 public:
  explicit Atomic(std::shared_ptr<detail::DatabaseState> db);
  Atomic(Atomic&& other) noexcept;
  Atomic(const Atomic&) = delete;
  Atomic& operator=(const Atomic&) = delete;
  Atomic& operator=(Atomic&&) = delete;
  // Commits, or rolls back when an exception is unwinding through the scope.
  ~Atomic() noexcept(false);

  // Ends the scope now, keeping its writes (RELEASE SAVEPOINT when nested).
  // Throws OperationalError when the transaction was lost (the scope ends
  // all the same), or when the connection dropped during COMMIT (code 08007:
  // whether it committed is unknown); UsageError for a scope already ended.
  void commit();
  // Ends the scope now, undoing its writes. Does not throw for a lost
  // transaction (its writes are gone, as asked).
  void rollback();
  bool active() const noexcept { return db_ != nullptr; }

 private:
  std::shared_ptr<detail::DatabaseState> db_;
  int depth_ = 0;             // this scope's nesting level, from 1
  int uncaught_at_start_ = 0;
};

}  // namespace covet

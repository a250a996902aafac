// Transaction scopes. The outermost scope issues BEGIN/COMMIT/ROLLBACK;
// nested scopes use uniquely named savepoints, so an inner failure undoes
// only the inner scope's writes when the caller catches it.
//
// A transaction lost under open scopes (DatabaseState::lost_transaction, set
// by the TransactionGuard, or here when a savepoint can neither be released
// nor rolled back) is ended here: the scopes end without sending anything
// (the outermost sends ROLLBACK when the server still has the transaction),
// commit() throws (nothing can be kept), rollback() does not (the writes are
// gone, as asked), and the outermost scope's end clears the loss.
#include "database_state.hpp"
#include "transaction_guard.hpp"

#include <covet/atomic.hpp>
#include <covet/errors.hpp>

#include <exception>
#include <string>

namespace covet {

namespace {

std::string savepoint_name(int depth) { return "covet_sp_" + std::to_string(depth); }

// SQLite: BEGIN IMMEDIATE takes the write lock when the transaction starts.
// A deferred BEGIN reads under a shared lock and asks for the write lock at
// the first write; if another connection got it meanwhile, SQLite cannot
// wait for it (each would wait for the other) and fails at once with
// "database is locked", whatever the busy timeout. Taking the lock first
// makes a second writer wait at BEGIN, within the busy timeout, instead.
// In-memory databases (private to their connection) get the same statement
// for uniformity; it costs them nothing. A read-only database accepts it.
const char* begin_statement(detail::Dialect dialect) {
  return dialect == detail::Dialect::SQLite ? "BEGIN IMMEDIATE" : "BEGIN";
}

// A nested scope whose savepoint could not be rolled back leaves its writes
// in the transaction, where nothing can undo them apart from the rest: the
// transaction is marked lost (still open on the server), so every later
// statement and the outer commit throw, and the outermost scope rolls back.
void poison_after_failed_savepoint(detail::DatabaseState& db, const Error& why) {
  if (db.lost_transaction) return;
  db.lost_transaction = detail::LostTransaction{
      "a nested atomic scope's savepoint could not be rolled back (" + std::string(why.what()) +
          "), so its writes cannot be undone apart from the transaction's",
      why.code(), /*still_open=*/true};
}

}  // namespace

Atomic::Atomic(std::shared_ptr<detail::DatabaseState> db)
    : db_(std::move(db)), uncaught_at_start_(std::uncaught_exceptions()) {
  if (!db_ || !db_->connection) throw UsageError("cannot start a transaction: the Database has been closed");
  depth_ = db_->transaction_depth + 1;
  const std::string sql =
      depth_ == 1 ? std::string(begin_statement(db_->dialect)) : "SAVEPOINT " + savepoint_name(depth_);
  if (db_->lost_transaction) detail::throw_lost_transaction(*db_, sql);
  db_->connection->execute(sql, {});
  db_->transaction_depth = depth_;
}

Atomic::Atomic(Atomic&& other) noexcept
    : db_(std::move(other.db_)), depth_(other.depth_), uncaught_at_start_(other.uncaught_at_start_) {
  other.db_ = nullptr;
}

Atomic::~Atomic() noexcept(false) {
  if (!db_) return;
  if (std::uncaught_exceptions() > uncaught_at_start_) {
    try {
      rollback();
    } catch (...) {
      // The exception already unwinding says what went wrong; a failed
      // rollback (e.g. a lost connection) must not replace it.
    }
  } else {
    commit();
  }
}

void Atomic::commit() {
  if (!db_) throw UsageError("this transaction scope has already ended");
  auto db = std::move(db_);
  db_ = nullptr;
  if (db->transaction_depth != depth_)
    throw UsageError("transaction scopes must end in the reverse order they began");
  db->transaction_depth = depth_ - 1;
  if (!db->connection) return;
  const std::string sql = depth_ == 1 ? std::string("COMMIT") : "RELEASE SAVEPOINT " + savepoint_name(depth_);
  if (db->lost_transaction) {
    if (depth_ > 1) detail::throw_lost_transaction(*db, sql);
    const detail::LostTransaction lost = std::move(*db->lost_transaction);
    db->lost_transaction.reset();
    if (lost.still_open) {
      try {
        db->connection->execute("ROLLBACK", {});
      } catch (...) {
        // The error below says nothing was kept; a failed ROLLBACK changes
        // nothing about that (the server ends the transaction with the session).
      }
    }
    throw OperationalError(detail::lost_commit_message(lost), {}, sql, lost.code);
  }
  try {
    db->connection->execute(sql, {});
  } catch (const Error& e) {
    if (depth_ == 1) {
      if (!db->connection->connected())
        // The server may have committed before the connection dropped.
        throw OperationalError(std::string(e.what()) +
                                   "; the connection was lost during COMMIT, so whether the transaction was "
                                   "committed is unknown: check the data before running it again",
                               {}, e.sql(), "08007");
      // A failed COMMIT leaves PostgreSQL's transaction aborted; end it so the
      // connection is usable again.
      try {
        db->connection->execute("ROLLBACK", {});
      } catch (...) {
      }
    } else {
      // As Django's Atomic: a savepoint that cannot be released is rolled
      // back (and released), so the caller who catches the error keeps the
      // outer scope without the inner one's writes. If even that fails, the
      // inner writes cannot be told apart any more: the whole transaction is
      // marked lost, so the outer commit throws instead of keeping them.
      try {
        db->connection->execute("ROLLBACK TO SAVEPOINT " + savepoint_name(depth_), {});
        db->connection->execute("RELEASE SAVEPOINT " + savepoint_name(depth_), {});
      } catch (const Error& undo) {
        poison_after_failed_savepoint(*db, undo);
      }
    }
    throw;
  }
}

void Atomic::rollback() {
  if (!db_) throw UsageError("this transaction scope has already ended");
  auto db = std::move(db_);
  db_ = nullptr;
  db->transaction_depth = depth_ - 1;
  if (!db->connection) return;
  if (db->lost_transaction) {
    if (depth_ > 1) return;
    const bool still_open = db->lost_transaction->still_open;
    db->lost_transaction.reset();
    if (!still_open) return;
  }
  try {
    if (depth_ == 1) {
      db->connection->execute("ROLLBACK", {});
    } else {
      db->connection->execute("ROLLBACK TO SAVEPOINT " + savepoint_name(depth_), {});
      db->connection->execute("RELEASE SAVEPOINT " + savepoint_name(depth_), {});
    }
  } catch (const OperationalError& e) {
    // A transaction that went with its connection is rolled back: what was
    // asked for happened. (The guard has marked a nested scope's loss.)
    if (depth_ == 1 ? db->connection->connected() : !db->lost_transaction) {
      if (depth_ > 1) poison_after_failed_savepoint(*db, e);
      throw;
    }
    if (depth_ == 1) db->lost_transaction.reset();
  } catch (const Error& e) {
    // The savepoint's writes are still in the transaction: it must not commit.
    if (depth_ > 1) poison_after_failed_savepoint(*db, e);
    throw;
  }
}

}  // namespace covet

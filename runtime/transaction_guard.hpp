// The connection decorator that keeps a Database's statements honest about
// its transaction (issue: a connection lost inside db.atomic() once let the
// next statement reconnect and autocommit, and COMMIT "succeed" with half the
// writes).
//
// Contract, for every statement:
//  * While DatabaseState::lost_transaction is set, the statement is not sent:
//    it throws OperationalError saying the transaction was lost and what to do
//    (end the outermost atomic scope; its writes are gone).
//  * Outside any scope (transaction_depth 0), a broken connection is reopened
//    first (Connection::reconnect); inside one it never is.
//  * When a statement inside a scope fails and the backend's transaction is
//    gone with it (connection lost; SQLite rolled back an interrupted write),
//    or the backend's transaction is found gone before a statement runs,
//    lost_transaction is set and the error says the transaction was lost.
// Atomic (atomic.cpp) ends the poisoned scopes: commit() throws, rollback()
// does not (the writes are gone, as asked), and the outermost scope's end
// clears lost_transaction, after which the next statement may reconnect.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"

#include <memory>
#include <string_view>

namespace covet::detail {

class TransactionGuard final : public Connection {
 public:
  // `state` owns this guard (through its connection stack) and outlives it.
  TransactionGuard(std::unique_ptr<Connection> inner, DatabaseState& state)
      : inner_(std::move(inner)), state_(state) {}

  Dialect dialect() const override { return inner_->dialect(); }
  int max_params() const override { return inner_->max_params(); }
  ExecResult execute(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const Row&)>& on_row = {}) override;
  ExecResult execute_refs(std::string_view sql, std::span<const ParamRef> params,
                          const std::function<void(const Row&)>& on_row = {}) override;
  bool connected() const override { return inner_->connected(); }
  void reconnect() override { inner_->reconnect(); }
  bool in_transaction() const override { return inner_->in_transaction(); }
  bool reused_statement() const override { return inner_->reused_statement(); }
  void set_notice_sink(std::function<void(ServerNotice)> sink) override { inner_->set_notice_sink(std::move(sink)); }
  // While the cursor reads rows, every other statement on the Database is
  // refused with a UsageError (connection.hpp's Cursor).
  std::unique_ptr<Cursor> open_cursor(std::string_view sql, std::vector<Value> params) override;

 private:
  class GuardedCursor;
  // Whether `sql` may run now: throws for a lost transaction or a stream in
  // progress, reconnects a lost session outside any transaction.
  void admit(std::string_view sql);
  // Runs `step` (a statement, or a cursor's next row) and turns a failure
  // that lost the transaction or the session into the error that says so.
  template <class F>
  auto guarded(F&& step);

  std::unique_ptr<Connection> inner_;
  DatabaseState& state_;
};

// Throws the OperationalError of a statement `sql` run while `state`'s
// transaction is lost.
[[noreturn]] void throw_lost_transaction(const DatabaseState& state, std::string_view sql);

// The message of a commit() of a lost transaction's outermost scope.
std::string lost_commit_message(const LostTransaction& lost);

}  // namespace covet::detail

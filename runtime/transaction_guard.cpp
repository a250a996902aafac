#include "transaction_guard.hpp"

#include "backend/url.hpp"

#include <covet/errors.hpp>

#include <string>

namespace covet::detail {

namespace {

constexpr std::string_view kWhatToDo =
    "end the outermost atomic scope (let the exception leave it, or call rollback() on it), then run the whole "
    "transaction again";

void lose(DatabaseState& state, std::string_view cause, std::string code) {
  state.lost_transaction = LostTransaction{bounded_excerpt(cause, 400), std::move(code)};
}

}  // namespace

void throw_lost_transaction(const DatabaseState& state, std::string_view sql) {
  const LostTransaction& lost = *state.lost_transaction;
  throw OperationalError("cannot run this statement: the transaction of the open atomic scope was lost (" +
                             lost.cause + "), and its writes with it; " + std::string(kWhatToDo) + " [SQL: " +
                             sql_excerpt(sql) + "]",
                         {}, std::string(sql), lost.code);
}

std::string lost_commit_message(const LostTransaction& lost) {
  return "cannot commit: the transaction was lost (" + lost.cause +
         ") and none of its writes were kept; the atomic scope has ended, run the whole transaction again";
}

void TransactionGuard::admit(std::string_view sql) {
  if (state_.streaming)
    throw UsageError("cannot run this statement while iterate() is reading rows on this Database: finish (or "
                     "destroy) the iteration first; load what the loop needs with select_related(), or use fetch() "
                     "to hold every row [SQL: " + sql_excerpt(sql) + "]");
  if (state_.lost_transaction) throw_lost_transaction(state_, sql);
  if (state_.transaction_depth == 0) {
    if (!inner_->connected()) inner_->reconnect();  // nothing is open that a new session would lose
  } else if (!inner_->connected() || !inner_->in_transaction()) {
    lose(state_,
         inner_->connected() ? "the transaction was ended outside its atomic scopes, by a COMMIT or ROLLBACK run "
                               "directly"
                             : "the connection was lost",
         "08006");
    throw_lost_transaction(state_, sql);
  }
}

template <class F>
auto TransactionGuard::guarded(F&& step) {
  try {
    return step();
  } catch (const OperationalError& e) {
    if (state_.transaction_depth > 0 && !inner_->in_transaction()) {
      lose(state_, e.what(), e.code());
      throw OperationalError(std::string(e.what()) +
                                 "; the open transaction was lost with it, and its writes: every statement until "
                                 "the outermost atomic scope ends will throw; " +
                                 std::string(kWhatToDo),
                             e.model(), e.sql(), e.code());
    }
    if (state_.transaction_depth == 0 && !inner_->connected())
      throw OperationalError(std::string(e.what()) +
                                 "; the next statement reconnects (whether this one took effect is unknown: check "
                                 "before repeating a write)",
                             e.model(), e.sql(), e.code());
    throw;
  } catch (const Error& e) {
    // E.g. a constraint declared ON CONFLICT ROLLBACK on SQLite.
    if (state_.transaction_depth > 0 && !inner_->in_transaction()) lose(state_, e.what(), e.code());
    throw;
  }
}

ExecResult TransactionGuard::execute(std::string_view sql, std::span<const Value> params,
                                     const std::function<void(const Row&)>& on_row) {
  admit(sql);
  return guarded([&] { return inner_->execute(sql, params, on_row); });
}

// Marks the Database as streaming from the first row to the last (or to the
// cursor's end, whichever comes first).
class TransactionGuard::GuardedCursor final : public Cursor {
 public:
  GuardedCursor(TransactionGuard& guard, std::unique_ptr<Cursor> inner) : guard_(guard), inner_(std::move(inner)) {
    guard_.state_.streaming = true;
  }
  GuardedCursor(const GuardedCursor&) = delete;
  GuardedCursor& operator=(const GuardedCursor&) = delete;
  ~GuardedCursor() override { end(); }
  const Row* next() override {
    if (!inner_) return nullptr;
    try {
      if (const Row* row = guard_.guarded([&] { return inner_->next(); })) return row;
    } catch (...) {
      end();
      throw;
    }
    end();
    return nullptr;
  }

 private:
  void end() {
    if (!inner_) return;
    inner_.reset();  // the backend's statement ends first
    guard_.state_.streaming = false;
  }
  TransactionGuard& guard_;
  std::unique_ptr<Cursor> inner_;
};

std::unique_ptr<Cursor> TransactionGuard::open_cursor(std::string_view sql, std::vector<Value> params) {
  admit(sql);
  std::unique_ptr<Cursor> inner = guarded([&] { return inner_->open_cursor(sql, std::move(params)); });
  return std::make_unique<GuardedCursor>(*this, std::move(inner));
}

ExecResult TransactionGuard::execute_refs(std::string_view sql, std::span<const ParamRef> params,
                                          const std::function<void(const Row&)>& on_row) {
  admit(sql);
  return guarded([&] { return inner_->execute_refs(sql, params, on_row); });
}

}  // namespace covet::detail

// A Connection decorator that fails the k-th statement on purpose, for the
// fault-injection suites (test/fault/): every multi-statement write must
// leave the data as it was when any one of its statements fails, and the
// handle must stay usable.
//
//   covet::test::FaultInjector& faults = covet::test::inject_faults(db);  // wraps db's connection
//   faults.count();                       // count the statements of one run...
//   db.erase(publisher);
//   std::size_t n = faults.statements();  // ...e.g. 14, BEGIN and COMMIT included
//   faults.arm({.statement = 3, .error = FaultError::Operational});
//   EXPECT_THROW(db.erase(other), covet::OperationalError);   // the 3rd statement failed
//   faults.disarm();
//
// A fault fires once: after it, statements pass again (the runtime's
// ROLLBACK must reach the database). Statements are counted from arm() or
// count(); the SQL of each is kept for failure messages. max_params() can be
// lowered to force the runtime to split IN lists and multi-row statements
// into many batches with a handful of rows.
#pragma once

#include "backend/connection.hpp"

#include <covet/database.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet::test {

enum class FaultError {
  Operational,      // covet::OperationalError: the connection failed
  UniqueViolation,  // covet::UniqueViolation: a constraint refused the row
};

enum class FaultTiming {
  // The statement never reaches the database (the connection dropped first).
  BeforeStatement,
  // The database ran the statement, then the error came (its reply was lost,
  // or reading its rows failed): the rollback must undo its effect.
  AfterStatement,
};

struct Fault {
  std::size_t statement = 0;  // 1-based, counted from arm(); 0: never
  FaultError error = FaultError::Operational;
  FaultTiming timing = FaultTiming::BeforeStatement;
};

// The marker every injected error's message starts with.
inline constexpr std::string_view kInjectedFault = "injected fault";

// Whether `sql` is a transaction-control statement (BEGIN, COMMIT, ROLLBACK,
// SAVEPOINT, RELEASE).
bool is_transaction_control(std::string_view sql);

class FaultInjector final : public covet::detail::Connection {
 public:
  explicit FaultInjector(std::unique_ptr<covet::detail::Connection> inner) : inner_(std::move(inner)) {}

  covet::detail::Dialect dialect() const override { return inner_->dialect(); }
  int max_params() const override { return max_params_ > 0 ? max_params_ : inner_->max_params(); }
  covet::detail::ExecResult execute(std::string_view sql, std::span<const Value> params,
                                    const std::function<void(const covet::detail::Row&)>& on_row = {}) override;

  // Reports `limit` as the parameter limit (0: the backend's own again).
  void set_max_params(int limit) { max_params_ = limit; }

  // Counts statements from zero; the fault fires at `fault.statement`.
  void arm(Fault fault);
  // Counts statements from zero, with no fault.
  void count() { arm(Fault{}); }
  // Stops counting; no fault fires.
  void disarm();

  // The statements run since arm() / count(), and their SQL, in order.
  std::size_t statements() const noexcept { return seen_.size(); }
  const std::vector<std::string>& sql() const noexcept { return seen_; }
  // Whether the armed fault has fired.
  bool fired() const noexcept { return fired_; }

 private:
  [[noreturn]] void raise(std::string_view sql) const;

  std::unique_ptr<covet::detail::Connection> inner_;
  int max_params_ = 0;
  bool counting_ = false;
  bool fired_ = false;
  Fault fault_;
  std::vector<std::string> seen_;
};

// Wraps db's connection (shared by every copy of the handle) in a
// FaultInjector and returns it; it lives as long as the connection.
FaultInjector& inject_faults(covet::Database& db);

}  // namespace covet::test

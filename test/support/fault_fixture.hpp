// The fault-injection fixture: a database of every test model whose
// connection is wrapped in a FaultInjector (support/fault_injection.hpp),
// and the driver that fails each statement of an operation in turn.
//
//   TEST_P(FaultEraseTest, ...) {
//     expect_all_or_nothing({
//         .seed = [&] { house = database->create(Publisher{.name = "House"}); ... },
//         .run = [&] { Publisher p = house; database->erase(p); },
//         .max_params = 3,
//     });
//   }
//
// For an operation, expect_all_or_nothing first runs it once on fresh data
// to count its statements N, then for every fault plan (which error, before
// or after the statement reaches the database) and every k = 1..N: fresh
// data, a snapshot of every table, the fault armed at statement k, the
// operation (it must throw exactly the injected error), the snapshot again
// (it must be equal), then proof that the handle still works: a write, a
// read and a new transaction that starts with BEGIN (no scope left open),
// whose rows a second connection sees on PostgreSQL (they were committed).
// An "after" fault is not injected into transaction-control statements: a
// COMMIT that ran and then "failed" has committed, which no rollback undoes.
#pragma once

#include "models/fault.hpp"
#include "support/database_fixture.hpp"
#include "support/database_snapshot.hpp"
#include "support/fault_injection.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace covet::test {

struct FaultPlan {
  FaultError error;
  FaultTiming timing;
};

// Every error kind before the statement, and an OperationalError after it.
inline const std::vector<FaultPlan>& default_fault_plans() {
  static const std::vector<FaultPlan> plans{
      {FaultError::Operational, FaultTiming::BeforeStatement},
      {FaultError::UniqueViolation, FaultTiming::BeforeStatement},
      {FaultError::Operational, FaultTiming::AfterStatement},
  };
  return plans;
}

std::string describe(const FaultPlan& plan);

// Runs fn() and checks that it throws exactly the error `faults` injected;
// any other exception escapes (and fails the test).
void expect_injected_error(const FaultInjector& faults, FaultError error, const std::function<void()>& fn,
                           const std::string& context);

class FaultTest : public DatabaseTest {
 protected:
  struct Operation {
    std::function<void()> seed;  // writes the data the operation starts from
    std::function<void()> run;   // the multi-statement write under test
    int max_params = 0;          // the parameter limit to report while it runs (0: the backend's)
    const std::vector<FaultPlan>* plans = &default_fault_plans();
  };

  void SetUp() override;

  // Deletes every row of the fault_ tables.
  void clear();
  // Fails every statement of `op` in turn (see the header comment).
  void expect_all_or_nothing(const Operation& op);
  // A write, a read and a new transaction scope work; on PostgreSQL a second
  // connection sees the rows they wrote.
  void expect_handle_works(const std::string& context);

  FaultInjector* faults = nullptr;
  std::optional<covet::Database> observer;  // PostgreSQL: a second connection to the same schema
};

}  // namespace covet::test

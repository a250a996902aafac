// User code with nested transaction scopes, failing at any statement:
//
//   outer scope:  create "outer before"
//     inner scope (caught by the user):  create "inner", bulk_create of 3 (its own savepoint)
//   create "outer after"; the outer scope commits
//
// A failure among the inner scope's statements, caught by the user, undoes
// the inner writes only: the outer ones commit. A failure among the outer
// scope's own statements (BEGIN, its writes, COMMIT) leaves nothing.
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace fault;
using covet::test::FaultPlan;
using covet::test::FaultTiming;

namespace {

class AtomicFaultTest : public covet::test::FaultTest {
 protected:
  void seed() { database->create(Publisher{.name = "seeded"}); }

  // The user's code; returns whether it caught the inner scope's failure.
  bool user_code() {
    bool caught = false;
    auto outer = database->atomic();
    database->create(Publisher{.name = "outer before"});
    try {
      auto inner = database->atomic();
      database->create(Publisher{.name = "inner"});
      database->bulk_create(
          std::vector<Publisher>{{.name = "inner bulk 1"}, {.name = "inner bulk 2"}, {.name = "inner bulk 3"}}, 2);
    } catch (const covet::DatabaseError&) {
      caught = true;
    }
    database->create(Publisher{.name = "outer after"});
    return caught;  // `outer` commits here
  }

  std::vector<std::string> names() {
    std::vector<std::string> out;
    for (const Publisher& p : database->objects<Publisher>().order_by("name").fetch()) out.push_back(p.name);
    return out;
  }

  // The tables besides fault_publisher (and SQLite's key counters).
  covet::test::RowSnapshot other_tables() {
    covet::test::RowSnapshot rows = covet::test::snapshot_rows(*database);
    rows.erase("fault_publisher");
    rows.erase("sqlite_sequence");
    return rows;
  }

  // The statements of one successful run, and the 1-based positions of the
  // inner scope's SAVEPOINT and RELEASE.
  void count_statements() {
    clear();
    seed();
    faults->count();
    ASSERT_FALSE(user_code());
    statements = faults->sql();
    faults->disarm();
    const auto savepoint = std::find(statements.begin(), statements.end(), "SAVEPOINT covet_sp_2");
    const auto release = std::find(statements.begin(), statements.end(), "RELEASE SAVEPOINT covet_sp_2");
    ASSERT_NE(savepoint, statements.end());
    ASSERT_NE(release, statements.end());
    inner_first = static_cast<std::size_t>(savepoint - statements.begin()) + 1;
    inner_release = static_cast<std::size_t>(release - statements.begin()) + 1;
    RecordProperty("statements", static_cast<int>(statements.size()));
  }

  std::string context(const FaultPlan& plan, std::size_t k) const {
    return covet::test::describe(plan) + " statement " + std::to_string(k) + "/" +
           std::to_string(statements.size()) + " (" + statements[k - 1] + ")";
  }

  // Fails statement k, expects the user to catch it in the inner scope, and
  // the outer writes only to stay.
  void expect_inner_undone(const FaultPlan& plan, std::size_t k) {
    const std::string where = context(plan, k);
    clear();
    seed();
    const covet::test::RowSnapshot before = other_tables();
    faults->arm({.statement = k, .error = plan.error, .timing = plan.timing});
    bool caught = false;
    EXPECT_NO_THROW(caught = user_code()) << where;
    EXPECT_TRUE(faults->fired()) << where;
    faults->disarm();
    EXPECT_TRUE(caught) << where;
    EXPECT_EQ(names(), (std::vector<std::string>{"outer after", "outer before", "seeded"})) << where;
    EXPECT_EQ(other_tables(), before) << where;
    expect_handle_works(where);
  }

  std::vector<std::string> statements;
  std::size_t inner_first = 0, inner_release = 0;
};

TEST_P(AtomicFaultTest, CaughtFailureOfAnInnerStatementUndoesOnlyTheInnerScope) {
  count_statements();
  for (const FaultPlan& plan : covet::test::default_fault_plans())
    for (std::size_t k = inner_first; k < inner_release; ++k) {
      if (plan.timing == FaultTiming::AfterStatement && covet::test::is_transaction_control(statements[k - 1]))
        continue;
      expect_inner_undone(plan, k);
      if (HasFailure()) return;
    }
}

// Django's Atomic.__exit__ rolls back to the savepoint when RELEASE fails
// (savepoint_rollback, then savepoint_commit, then re-raise): the user who
// catches the error keeps the outer scope without the inner writes.
TEST_P(AtomicFaultTest, CaughtFailureOfTheInnerReleaseUndoesTheInnerScope) {
  count_statements();
  expect_inner_undone({covet::test::FaultError::Operational, FaultTiming::BeforeStatement}, inner_release);
}

// A RELEASE that ran and then failed has merged the inner writes into the
// transaction: no savepoint is left to roll back to, so the transaction is
// lost and the outer scope keeps nothing (Django: needs_rollback).
TEST_P(AtomicFaultTest, FailureAfterTheInnerReleaseRanLeavesNothing) {
  count_statements();
  clear();
  seed();
  const covet::test::RowSnapshot before = covet::test::snapshot_rows(*database);
  faults->arm({.statement = inner_release,
               .error = covet::test::FaultError::Operational,
               .timing = FaultTiming::AfterStatement});
  EXPECT_THROW(user_code(), covet::OperationalError) << "the outer scope's next statement";
  EXPECT_TRUE(faults->fired());
  faults->disarm();
  EXPECT_EQ(names(), (std::vector<std::string>{"seeded"}));
  EXPECT_EQ(covet::test::snapshot_rows(*database), before);
  expect_handle_works("after a failed RELEASE that ran");
}

TEST_P(AtomicFaultTest, FailureOfAnOuterStatementOrTheCommitLeavesNothing) {
  count_statements();
  for (const FaultPlan& plan : covet::test::default_fault_plans())
    for (std::size_t k = 1; k <= statements.size(); ++k) {
      if (k >= inner_first && k <= inner_release) continue;
      if (plan.timing == FaultTiming::AfterStatement && covet::test::is_transaction_control(statements[k - 1]))
        continue;
      const std::string where = context(plan, k);
      clear();
      seed();
      const covet::test::RowSnapshot before = covet::test::snapshot_rows(*database);
      faults->arm({.statement = k, .error = plan.error, .timing = plan.timing});
      covet::test::expect_injected_error(*faults, plan.error, [&] { user_code(); }, where);
      faults->disarm();
      EXPECT_EQ(covet::test::snapshot_rows(*database), before) << where;
      expect_handle_works(where);
      if (HasFailure()) return;
    }
}

COVET_INSTANTIATE_BACKENDS(AtomicFaultTest);

}  // namespace

// The fault injector itself (support/fault_injection.hpp): it counts
// statements, fails the chosen one with the chosen error, once, before or
// after the database runs it, and can lower the parameter limit.
#include "support/fault_fixture.hpp"

#include <gtest/gtest.h>

using namespace fault;
using covet::test::FaultError;
using covet::test::FaultTiming;

namespace {

class FaultInjectionTest : public covet::test::FaultTest {};

TEST_P(FaultInjectionTest, CountsEveryStatementItSees) {
  faults->count();
  database->create(Probe{.note = "a"});
  database->objects<Probe>().count();
  EXPECT_EQ(faults->statements(), 2u);
  EXPECT_EQ(faults->sql().at(1).rfind("SELECT", 0), 0u) << faults->sql().at(1);
}

TEST_P(FaultInjectionTest, FailsTheChosenStatementWithTheChosenError) {
  faults->arm({.statement = 2, .error = FaultError::UniqueViolation});
  database->create(Probe{.note = "first passes"});
  EXPECT_THROW(database->create(Probe{.note = "second fails"}), covet::UniqueViolation);
  faults->disarm();
  EXPECT_EQ(database->objects<Probe>().count(), 1);
}

TEST_P(FaultInjectionTest, FiresOnce) {
  faults->arm({.statement = 1});
  EXPECT_THROW(database->create(Probe{.note = "fails"}), covet::OperationalError);
  database->create(Probe{.note = "passes"});
  faults->disarm();
  EXPECT_EQ(database->objects<Probe>().count(), 1);
}

TEST_P(FaultInjectionTest, AnAfterFaultLetsTheDatabaseRunTheStatement) {
  faults->arm({.statement = 1, .timing = FaultTiming::AfterStatement});
  EXPECT_THROW(database->create(Probe{.note = "ran"}), covet::OperationalError);
  faults->disarm();
  EXPECT_EQ(database->objects<Probe>().count(), 1);
}

TEST_P(FaultInjectionTest, ALoweredParameterLimitSplitsStatements) {
  std::vector<Probe> probes(7);
  faults->set_max_params(2);
  faults->count();
  database->bulk_create(probes);
  const std::size_t statements = faults->statements();
  faults->disarm();
  faults->set_max_params(0);
  EXPECT_EQ(statements, 6u);  // BEGIN, four INSERTs of two rows (one parameter each) or one, COMMIT
}

TEST(FaultInjection, RecognizesTransactionControlStatements) {
  for (const char* sql : {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT covet_sp_2", "RELEASE SAVEPOINT covet_sp_2",
                          "ROLLBACK TO SAVEPOINT covet_sp_2", "begin immediate"})
    EXPECT_TRUE(covet::test::is_transaction_control(sql)) << sql;
  for (const char* sql : {"SELECT 1", "INSERT INTO \"BEGIN\" DEFAULT VALUES", "DELETE FROM \"x\""})
    EXPECT_FALSE(covet::test::is_transaction_control(sql)) << sql;
}

COVET_INSTANTIATE_BACKENDS(FaultInjectionTest);

}  // namespace

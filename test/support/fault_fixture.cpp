#include "support/fault_fixture.hpp"

#include <typeinfo>

namespace covet::test {

std::string describe(const FaultPlan& plan) {
  return std::string(plan.error == FaultError::Operational ? "OperationalError" : "UniqueViolation") +
         (plan.timing == FaultTiming::BeforeStatement ? " before" : " after");
}

void expect_injected_error(const FaultInjector& faults, FaultError error, const std::function<void()>& fn,
                           const std::string& context) {
  try {
    fn();
    ADD_FAILURE() << context << ": the operation succeeded";
    return;
  } catch (const covet::Error& e) {
    const bool right_type = error == FaultError::Operational ? dynamic_cast<const OperationalError*>(&e) != nullptr
                                                             : dynamic_cast<const UniqueViolation*>(&e) != nullptr;
    EXPECT_TRUE(right_type) << context << ": threw " << typeid(e).name() << ": " << e.what();
    EXPECT_EQ(std::string(e.what()).rfind(kInjectedFault, 0), 0u)
        << context << ": the error is not the injected one: " << e.what();
  }
  EXPECT_TRUE(faults.fired()) << context << ": the fault did not fire";
}

void FaultTest::SetUp() {
  DatabaseTest::SetUp();
  if (IsSkipped()) return;
  faults = &inject_faults(*database);
  if (!is_sqlite()) observer.emplace(covet::connect(url));
}

void FaultTest::clear() {
  // Referencing tables first; one statement per table, so the self
  // reference of fault_publisher is no obstacle.
  for (const char* table : {"fault_book_tags", "fault_chapter", "fault_magazine", "fault_book", "fault_tag",
                            "fault_publisher", "fault_probe"})
    database->execute(std::string("DELETE FROM \"") + table + "\"");
}

void FaultTest::expect_handle_works(const std::string& context) {
  faults->count();
  database->create(fault::Probe{.note = "written after the fault"});
  EXPECT_EQ(database->objects<fault::Probe>().count(), 1) << context;
  {
    auto tx = database->atomic();
    database->create(fault::Probe{.note = "a new transaction"});
  }
  const std::vector<std::string> sql = faults->sql();
  faults->disarm();
  ASSERT_GE(sql.size(), 3u) << context;
  EXPECT_EQ(sql[2], is_sqlite() ? "BEGIN IMMEDIATE" : "BEGIN")
      << context << ": a new scope must start a transaction, not a savepoint";
  EXPECT_EQ(database->objects<fault::Probe>().count(), 2) << context;
  if (observer) {
    EXPECT_EQ(observer->objects<fault::Probe>().count(), 2) << context << ": not committed";
  }
}

void FaultTest::expect_all_or_nothing(const Operation& op) {
  // Counting run: N statements, and proof that the operation writes.
  clear();
  op.seed();
  const RowSnapshot unchanged = snapshot_rows(*database);
  faults->set_max_params(op.max_params);
  faults->count();
  op.run();
  const std::vector<std::string> statements = faults->sql();
  faults->disarm();
  faults->set_max_params(0);
  ASSERT_GT(statements.size(), 1u) << "not a multi-statement operation";
  RecordProperty("statements", static_cast<int>(statements.size()));
  ASSERT_NE(snapshot_rows(*database), unchanged) << "the operation writes nothing";

  for (const FaultPlan& plan : *op.plans) {
    for (std::size_t k = 1; k <= statements.size(); ++k) {
      if (plan.timing == FaultTiming::AfterStatement && is_transaction_control(statements[k - 1])) continue;
      const std::string context =
          describe(plan) + " statement " + std::to_string(k) + "/" + std::to_string(statements.size()) + " (" +
          statements[k - 1] + ")";
      clear();
      op.seed();
      const RowSnapshot before = snapshot_rows(*database);
      faults->set_max_params(op.max_params);
      faults->arm({.statement = k, .error = plan.error, .timing = plan.timing});
      expect_injected_error(*faults, plan.error, op.run, context);
      faults->disarm();
      faults->set_max_params(0);
      EXPECT_EQ(snapshot_rows(*database), before) << context << ": the data changed";
      expect_handle_works(context);
      if (HasFatalFailure() || HasNonfatalFailure()) return;  // one failing k says enough
    }
  }
}

}  // namespace covet::test

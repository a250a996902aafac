// create_all on an empty database, failing at any of its statements (every
// CREATE TABLE, CREATE INDEX, ALTER TABLE ... ADD CONSTRAINT, BEGIN,
// COMMIT), leaves the database as empty as it was: DDL runs in one
// transaction on both backends.
//
// Which statements fail: on SQLite every one (about a hundred, in a second
// or so), before and after it runs. On PostgreSQL a CREATE costs a few
// milliseconds and failing statement k re-runs the k - 1 before it, so
// failing all ~150 twice would take a minute or more: there the test fails,
// before it runs, the first 6 statements, the first of each kind (CREATE
// TABLE, CREATE INDEX, ALTER TABLE) and the first after the ALTER TABLEs
// (the join tables), one in 15 between, and the last 3 (COMMIT included).
// (Failing statement k after it ran leaves the data as failing k + 1
// before it does: create_all has no code between its statements.)
// COVET_FAULT_EXHAUSTIVE=1 in the environment fails every one, both ways,
// there too.
#include "support/backends.hpp"
#include "support/database_snapshot.hpp"
#include "support/fault_fixture.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using covet::test::FaultError;
using covet::test::FaultTiming;

namespace {

// "CREATE TABLE", "CREATE INDEX", "ALTER TABLE", ...: a statement's first two words.
std::string_view kind_of(std::string_view sql) {
  const std::size_t first = sql.find(' ');
  if (first == std::string_view::npos) return sql;
  return sql.substr(0, sql.find(' ', first + 1));
}

// The 1-based statements to fail (see the header comment).
std::vector<std::size_t> statements_to_fail(const std::vector<std::string>& statements, bool every_one) {
  std::vector<std::size_t> out;
  std::set<std::string_view> kinds;
  const std::size_t n = statements.size();
  for (std::size_t k = 1; k <= n; ++k) {
    const std::string_view kind = kind_of(statements[k - 1]);
    const bool first_of_kind = kinds.insert(kind).second;
    const bool after_alters = k > 1 && kind != "ALTER TABLE" && kind_of(statements[k - 2]) == "ALTER TABLE";
    if (every_one || k <= 6 || k + 3 > n || first_of_kind || after_alters || k % 15 == 0) out.push_back(k);
  }
  return out;
}

bool exhaustive_requested() {
  const char* v = std::getenv("COVET_FAULT_EXHAUSTIVE");
  return v != nullptr && std::string_view(v) == "1";
}

class CreateAllFaultTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    database.emplace(covet::connect(covet::test::backend_url(GetParam())));
    faults = &covet::test::inject_faults(*database);
  }

  // A write, a read and a new transaction scope work (on a scratch table:
  // the models' tables do not exist).
  void expect_handle_works(const std::string& context) {
    faults->count();
    {
      auto tx = database->atomic();
      database->execute("CREATE TABLE \"fault_scratch\" (\"x\" INTEGER)");
      database->execute("INSERT INTO \"fault_scratch\" (\"x\") VALUES (7)");
      EXPECT_EQ(database->query("SELECT \"x\" FROM \"fault_scratch\"").size(), 1u) << context;
      database->execute("DROP TABLE \"fault_scratch\"");
    }
    const std::vector<std::string> sql = faults->sql();
    faults->disarm();
    ASSERT_FALSE(sql.empty()) << context;
    EXPECT_EQ(sql.front(), GetParam() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN")
        << context << ": a new scope must start a transaction, not a savepoint";
  }

  std::optional<covet::Database> database;
  covet::test::FaultInjector* faults = nullptr;
};

TEST_P(CreateAllFaultTest, CreateAllLeavesAnEmptyDatabaseEmptyWhenAnyStatementFails) {
  const std::vector<std::string> empty = covet::test::snapshot_schema(*database);
  faults->count();
  database->create_all();
  const std::vector<std::string> statements = faults->sql();
  faults->disarm();
  ASSERT_NE(covet::test::snapshot_schema(*database), empty);
  database->drop_all();
  ASSERT_EQ(covet::test::snapshot_schema(*database), empty) << "drop_all() left something behind";

  const bool every_one = GetParam() == "sqlite" || exhaustive_requested();
  const std::vector<std::size_t> chosen = statements_to_fail(statements, every_one);
  RecordProperty("statements", static_cast<int>(statements.size()));
  RecordProperty("failed_statements", static_cast<int>(chosen.size()));
  std::vector<covet::test::FaultPlan> plans{{FaultError::Operational, FaultTiming::BeforeStatement}};
  if (every_one) plans.push_back({FaultError::Operational, FaultTiming::AfterStatement});
  for (const covet::test::FaultPlan& plan : plans) {
    for (const std::size_t k : chosen) {
      if (plan.timing == FaultTiming::AfterStatement && covet::test::is_transaction_control(statements[k - 1]))
        continue;
      const std::string where = covet::test::describe(plan) + " statement " + std::to_string(k) + "/" +
                                std::to_string(statements.size()) + " (" + statements[k - 1] + ")";
      faults->arm({.statement = k, .error = plan.error, .timing = plan.timing});
      covet::test::expect_injected_error(*faults, plan.error, [&] { database->create_all(); }, where);
      faults->disarm();
      EXPECT_EQ(covet::test::snapshot_schema(*database), empty) << where;
      expect_handle_works(where);
      if (HasFailure()) return;
    }
  }
  // And afterwards the schema can be created, and used.
  database->create_all();
  EXPECT_EQ(database->create(fault::Probe{.note = "after"}).note, "after");
}

COVET_INSTANTIATE_BACKENDS(CreateAllFaultTest);

}  // namespace

// Transaction scopes: commit on normal exit, rollback on exception, savepoints
// when nested.
#include "models/records.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace records;

namespace {

class TransactionTest : public covet::test::DatabaseTest {
 protected:
  void add(const std::string& name) { database->create(Musician{.name = name, .stage_name = name}); }
  std::int64_t count() { return database->objects<Musician>().count(); }
};

TEST_P(TransactionTest, ScopeCommitsWhenItEndsNormally) {
  {
    auto tx = database->atomic();
    add("Ann");
  }
  EXPECT_EQ(count(), 1);
}

TEST_P(TransactionTest, ScopeRollsBackWhenAnExceptionLeavesIt) {
  try {
    auto tx = database->atomic();
    add("Ann");
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(count(), 0);
}

TEST_P(TransactionTest, FunctionFormReturnsTheResultAndCommits) {
  int result = database->atomic([&] {
    add("Ann");
    return 7;
  });
  EXPECT_EQ(result, 7);
  EXPECT_EQ(count(), 1);
}

TEST_P(TransactionTest, FunctionFormRollsBackAndRethrows) {
  EXPECT_THROW(database->atomic([&] {
    add("Ann");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 0);
}

TEST_P(TransactionTest, CaughtFailureInANestedScopeUndoesOnlyThatScope) {
  {
    auto outer = database->atomic();
    add("Ann");
    try {
      auto inner = database->atomic();
      add("Bob");
      throw std::runtime_error("inner fails");
    } catch (const std::runtime_error&) {
    }
    add("Cid");
  }
  std::vector<std::string> names;
  for (const Musician& m : database->objects<Musician>().order_by("name").fetch()) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Ann", "Cid"}));
}

TEST_P(TransactionTest, OuterRollbackUndoesCommittedInnerScopes) {
  try {
    auto outer = database->atomic();
    {
      auto inner = database->atomic();
      add("Bob");
    }
    throw std::runtime_error("outer fails");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(count(), 0);
}

TEST_P(TransactionTest, DatabaseErrorInsideAScopeRollsItBack) {
  add("Ann");
  EXPECT_THROW(database->atomic([&] {
    database->create(Musician{.name = "Bob", .stage_name = "Bob"});
    database->create(Musician{.name = "Dup", .stage_name = "Ann"});  // unique violation
  }),
               covet::UniqueViolation);
  EXPECT_EQ(count(), 1);
}

TEST_P(TransactionTest, NestedScopeRecoversFromADatabaseError) {
  // PostgreSQL aborts the whole transaction on an error unless a savepoint
  // contains it: the inner scope must make the outer one usable again.
  auto outer = database->atomic();
  add("Ann");
  try {
    auto inner = database->atomic();
    add("Ann");  // duplicate stage_name
  } catch (const covet::UniqueViolation&) {
  }
  add("Bob");
  outer.commit();
  EXPECT_EQ(count(), 2);
}

TEST_P(TransactionTest, ExplicitRollbackEndsTheScope) {
  auto tx = database->atomic();
  add("Ann");
  tx.rollback();
  EXPECT_FALSE(tx.active());
  EXPECT_EQ(count(), 0);
}

TEST_P(TransactionTest, EndingAScopeTwiceIsAUsageError) {
  auto tx = database->atomic();
  tx.commit();
  EXPECT_THROW(tx.commit(), covet::UsageError);
}

TEST_P(TransactionTest, CommitAfterACaughtErrorWithoutASavepointNeverPretendsToKeepTheWrites) {
  // PostgreSQL aborts the transaction at the error and answers COMMIT with a
  // silent ROLLBACK; SQLite undoes only the failed statement and commits the
  // rest. Either way commit() must say what happened.
  add("Ann");
  auto tx = database->atomic();
  add("Bob");
  EXPECT_THROW(add("Ann"), covet::UniqueViolation);  // caught, with no nested scope around it
  if (is_sqlite()) {
    tx.commit();
    EXPECT_EQ(count(), 2);
  } else {
    try {
      tx.commit();
      FAIL() << "PostgreSQL rolled the transaction back: commit() must not succeed";
    } catch (const covet::ProgrammingError& e) {
      EXPECT_EQ(e.code(), "25P02");
      EXPECT_NE(std::string(e.what()).find("none of its writes were kept"), std::string::npos) << e.what();
    }
    EXPECT_EQ(count(), 1);
  }
}

TEST_P(TransactionTest, OutermostScopeOnSqliteTakesTheWriteLockAtOnce) {
  covet::QueryCounter counter(*database);
  database->atomic([&] { add("Ann"); });
  ASSERT_FALSE(counter.entries().empty());
  EXPECT_EQ(counter.entries().front().sql, is_sqlite() ? "BEGIN IMMEDIATE" : "BEGIN");
}

TEST_P(TransactionTest, RawCommitInsideAScopeEndsItsTransactionForGood) {
  auto tx = database->atomic();
  add("Ann");
  database->execute("COMMIT");
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { add("Bob"); });
  EXPECT_NE(what.find("ended outside its atomic scopes"), std::string::npos) << what;
  EXPECT_THROW(tx.commit(), covet::OperationalError);
  EXPECT_EQ(count(), 1) << "Ann was committed by the raw COMMIT; Bob must not autocommit";
}

COVET_INSTANTIATE_BACKENDS(TransactionTest);

}  // namespace

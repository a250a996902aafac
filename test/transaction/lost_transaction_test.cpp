// A transaction lost under open atomic scopes (issue 10, item 1): the
// connection to PostgreSQL dies inside a user's transaction, or between the
// statements of a cascade, or SQLite rolls the transaction back on its own.
// None of its writes may survive, every later statement in the scope throws
// a typed error until the outermost scope ends, and then the handle works
// again (reconnecting if it must).
#include "models/conn.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace conn;
using namespace std::chrono_literals;

namespace {

constexpr auto npos = std::string::npos;

class LostTransactionTest : public covet::test::DatabaseTest {
 protected:
  void note(const std::string& text) { database->create(ConnNote{.text = text}); }
  std::vector<std::string> notes() {
    std::vector<std::string> out;
    for (const ConnNote& n : database->objects<ConnNote>().order_by("id").fetch()) out.push_back(n.text);
    return out;
  }
  covet::Value backend_pid() { return database->query("SELECT pg_backend_pid()").at(0).at(0); }
  // Terminates this database's server session from a second connection and
  // waits until it is gone.
  void kill_session() {
    const covet::Value pid = backend_pid();
    auto killer = covet::detail::open_connection(covet::test::postgres_base_url());
    killer->execute("SELECT pg_terminate_backend(CAST($1 AS integer), 10000)", std::vector<covet::Value>{pid});
  }
  // A trigger that makes the session terminate itself when a row of `table`
  // is deleted: the connection dies between the statements of a cascade.
  void kill_session_on_delete_from(const std::string& table) {
    database->execute(
        "CREATE FUNCTION conn_kill_session() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN OLD; END $$");
    database->execute("CREATE TRIGGER conn_kill BEFORE DELETE ON " + table +
                      " FOR EACH ROW EXECUTE FUNCTION conn_kill_session()");
  }
  ConnAuthor author_with_books() {
    ConnAuthor a = database->create(ConnAuthor{.name = "Ann"});
    for (const char* title : {"One", "Two"}) {
      ConnBook b = database->create(ConnBook{.title = title, .author = a});
      database->create(ConnReview{.body = "fine", .book = b});
    }
    return a;
  }
  std::vector<std::int64_t> cascade_counts() {
    return {database->objects<ConnAuthor>().count(), database->objects<ConnBook>().count(),
            database->objects<ConnReview>().count()};
  }
};

// Skips the SQLite instance of a test that needs a server session to kill.
#define COVET_NEEDS_SERVER()                                                                     \
  if (is_sqlite())                                                                               \
  GTEST_SKIP() << "an embedded SQLite database has no server session to lose; SQLite ending a " \
                  "transaction on its own is TimedOutWriteInsideAScopeKeepsNoneOfItsWrites"

TEST_P(LostTransactionTest, EveryStatementAfterTheLossThrowsUntilTheOutermostScopeEnds) {
  COVET_NEEDS_SERVER();
  auto tx = database->atomic();
  note("before");
  kill_session();
  const std::string found = covet::test::error_message<covet::OperationalError>([&] { note("finds the loss"); });
  EXPECT_NE(found.find("the open transaction was lost with it"), npos) << found;
  for (int i = 0; i < 2; ++i) {
    const std::string later = covet::test::error_message<covet::OperationalError>([&] { note("after"); });
    EXPECT_NE(later.find("the transaction of the open atomic scope was lost"), npos) << later;
    EXPECT_NE(later.find("end the outermost atomic scope"), npos) << later;
  }
  EXPECT_THROW((void)database->objects<ConnNote>().count(), covet::OperationalError)
      << "reads too: they would run on a new session, outside the transaction";
  tx.rollback();
}

TEST_P(LostTransactionTest, CommitOfALostTransactionThrowsAndKeepsNothing) {
  COVET_NEEDS_SERVER();
  auto tx = database->atomic();
  note("before");
  kill_session();
  // The user catches the errors and goes on, as in the issue.
  for (const char* text : {"finds the loss", "after"}) {
    try {
      note(text);
    } catch (const covet::OperationalError&) {
    }
  }
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { tx.commit(); });
  EXPECT_NE(what.find("cannot commit"), npos) << what;
  EXPECT_NE(what.find("none of its writes were kept"), npos) << what;
  EXPECT_FALSE(tx.active());
  EXPECT_EQ(notes(), std::vector<std::string>{})
      << "nothing written before or after the loss may be kept: no reconnect and autocommit inside a scope";
}

TEST_P(LostTransactionTest, NestedScopeInALostTransactionThrowsOperationalError) {
  COVET_NEEDS_SERVER();
  auto tx = database->atomic();
  kill_session();
  EXPECT_THROW(note("finds the loss"), covet::OperationalError);
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { auto inner = database->atomic(); });
  EXPECT_NE(what.find("was lost"), npos) << what;
  EXPECT_EQ(what.find("25P01"), npos) << "no SAVEPOINT may reach a new session: " << what;
  tx.rollback();
}

TEST_P(LostTransactionTest, RollbackOfALostTransactionEndsItWithoutAnError) {
  COVET_NEEDS_SERVER();
  auto tx = database->atomic();
  note("before");
  kill_session();
  EXPECT_THROW(note("finds the loss"), covet::OperationalError);
  EXPECT_NO_THROW(tx.rollback()) << "the writes are gone, as a rollback asks";
  EXPECT_EQ(notes(), std::vector<std::string>{});
}

TEST_P(LostTransactionTest, RollbackBeforeTheLossIsNoticedEndsItWithoutAnError) {
  COVET_NEEDS_SERVER();
  auto tx = database->atomic();
  note("before");
  kill_session();
  EXPECT_NO_THROW(tx.rollback()) << "a ROLLBACK on a dead session has nothing left to undo";
  EXPECT_EQ(notes(), std::vector<std::string>{});
}

TEST_P(LostTransactionTest, HandleReconnectsOnceTheLostScopeHasEnded) {
  COVET_NEEDS_SERVER();
  const covet::Value old_pid = backend_pid();
  {
    auto tx = database->atomic();
    kill_session();
    EXPECT_THROW(note("finds the loss"), covet::OperationalError);
    tx.rollback();
  }
  note("next");
  EXPECT_EQ(notes(), std::vector<std::string>{"next"});
  EXPECT_NE(backend_pid(), old_pid);
  database->atomic([&] { note("in a new transaction"); });
  EXPECT_EQ(notes(), (std::vector<std::string>{"next", "in a new transaction"}));
}

TEST_P(LostTransactionTest, ExceptionLeavingTheLostScopeEndsIt) {
  COVET_NEEDS_SERVER();
  EXPECT_THROW(database->atomic([&] {
    note("before");
    kill_session();
    note("finds the loss");
  }),
               covet::OperationalError);
  note("next");
  EXPECT_EQ(notes(), std::vector<std::string>{"next"});
}

TEST_P(LostTransactionTest, LossInsideANestedScopeLosesTheOuterScopeToo) {
  COVET_NEEDS_SERVER();
  auto outer = database->atomic();
  note("outer");
  try {
    auto inner = database->atomic();
    kill_session();
    note("finds the loss");
  } catch (const covet::OperationalError&) {
  }
  EXPECT_THROW(note("after the inner scope"), covet::OperationalError)
      << "the savepoint cannot save the outer transaction: it went with the session";
  EXPECT_THROW(outer.commit(), covet::OperationalError);
  EXPECT_EQ(notes(), std::vector<std::string>{});
}

TEST_P(LostTransactionTest, LostConnectionOutsideAScopeReconnectsOnTheNextStatement) {
  COVET_NEEDS_SERVER();
  kill_session();
  const std::string what =
      covet::test::error_message<covet::OperationalError>([&] { (void)database->objects<ConnNote>().count(); });
  EXPECT_NE(what.find("the next statement reconnects"), npos) << what;
  EXPECT_EQ(database->objects<ConnNote>().count(), 0);
}

TEST_P(LostTransactionTest, CommitCutOffByALostConnectionSaysItsOutcomeIsUnknown) {
  COVET_NEEDS_SERVER();
  // A deferred constraint trigger runs at COMMIT: the session dies there.
  database->execute(
      "CREATE FUNCTION conn_kill_session() RETURNS trigger LANGUAGE plpgsql AS "
      "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$");
  database->execute(
      "CREATE CONSTRAINT TRIGGER conn_kill_at_commit AFTER INSERT ON conn_note DEFERRABLE INITIALLY DEFERRED "
      "FOR EACH ROW EXECUTE FUNCTION conn_kill_session()");
  auto tx = database->atomic();
  note("written");
  try {
    tx.commit();
    FAIL() << "the COMMIT's session was terminated";
  } catch (const covet::OperationalError& e) {
    EXPECT_EQ(e.code(), "08007") << e.what();
    EXPECT_NE(std::string(e.what()).find("unknown"), npos) << e.what();
  }
  database->execute("DROP TRIGGER conn_kill_at_commit ON conn_note");  // reconnects: no scope is open
}

TEST_P(LostTransactionTest, CascadeKilledBetweenItsStatementsLeavesEveryRow) {
  COVET_NEEDS_SERVER();
  ConnAuthor ann = author_with_books();
  kill_session_on_delete_from("conn_author");  // the root row goes last, after its books and reviews
  covet::QueryCounter counter(*database);
  EXPECT_THROW(database->erase(ann), covet::OperationalError);
  int deletes = 0;
  for (const covet::QueryLogEntry& e : counter.entries()) deletes += e.sql.rfind("DELETE", 0) == 0 ? 1 : 0;
  EXPECT_GE(deletes, 2) << "the session must die after the cascade deleted something";
  EXPECT_EQ(cascade_counts(), (std::vector<std::int64_t>{1, 2, 2})) << "no partial cascade may be kept";
  EXPECT_NE(static_cast<std::int64_t>(ann.id), 0) << "the object keeps its key: it was not deleted";

  database->execute("DROP TRIGGER conn_kill ON conn_author");
  EXPECT_EQ(database->erase(ann).total, 5) << "the handle works again";
  EXPECT_EQ(cascade_counts(), (std::vector<std::int64_t>{0, 0, 0}));
}

TEST_P(LostTransactionTest, CascadeKilledInsideAUserScopeLosesTheWholeScope) {
  COVET_NEEDS_SERVER();
  ConnAuthor ann = author_with_books();
  kill_session_on_delete_from("conn_author");
  {
    auto tx = database->atomic();
    note("in the same scope");
    EXPECT_THROW(database->erase(ann), covet::OperationalError);
    EXPECT_THROW(note("after the cascade"), covet::OperationalError);
    EXPECT_THROW(tx.commit(), covet::OperationalError);
  }
  EXPECT_EQ(cascade_counts(), (std::vector<std::int64_t>{1, 2, 2}));
  EXPECT_EQ(notes(), std::vector<std::string>{});
}

TEST_P(LostTransactionTest, TimedOutWriteInsideAScopeKeepsNoneOfItsWrites) {
  // SQLite rolls the whole transaction back when it interrupts a write;
  // PostgreSQL aborts it. Either way the scope cannot commit half of it.
  auto db = covet::connect(is_sqlite() ? "sqlite::memory:" : url, {.statement_timeout = 100ms});
  if (is_sqlite()) db.create_all();
  auto tx = db.atomic();
  db.create(ConnNote{.text = "before"});
  EXPECT_THROW(db.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
                          "INSERT INTO conn_note (text) SELECT 'x' FROM c"),
               covet::OperationalError);
  EXPECT_THROW(db.create(ConnNote{.text = "after"}), covet::DatabaseError)
      << "the write after the interrupted one must not autocommit";
  EXPECT_THROW(tx.commit(), covet::DatabaseError);
  EXPECT_EQ(db.objects<ConnNote>().count(), 0);
}

COVET_INSTANTIATE_BACKENDS(LostTransactionTest);

}  // namespace

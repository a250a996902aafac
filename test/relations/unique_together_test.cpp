// covet::unique_together: create_all writes a UNIQUE table constraint per
// declaration, a violating insert is a UniqueViolation, and a through model
// whose two keys are unique together lets add() skip existing pairs with the
// database's conflict handling (ON CONFLICT ... DO NOTHING).
#include "models/m2m_pairs.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using m2m::Course;
using m2m::Enrolment;
using m2m::Event;
using m2m::Person;
using m2m::Seat;

class UniqueTogetherTest : public covet::test::DatabaseTest {
 protected:
  Person person(const std::string& name) { return database->create(Person{.name = name}); }
  Event event(const std::string& name) { return database->create(Event{.name = name}); }
  std::int64_t rows(const std::string& table) {
    return database->query("SELECT COUNT(*) FROM " + table).front().front().as_integer();
  }
};

TEST(UniqueTogetherMetadata, ModelInfoKeepsEachConstraintInOrder) {
  const auto& info = covet::model_info<Seat>();
  ASSERT_EQ(info.unique_together.size(), 2u);
  EXPECT_EQ(info.unique_together[0], (std::vector<std::string>{"event", "person"}));
  EXPECT_EQ(info.unique_together[1], (std::vector<std::string>{"event", "row", "number"}));
  EXPECT_TRUE(covet::model_info<Enrolment>().unique_together.empty());
}

TEST_P(UniqueTogetherTest, CreateAllWritesOneUniqueConstraintPerDeclaration) {
  if (is_sqlite()) {
    const std::string sql =
        database->query("SELECT sql FROM sqlite_master WHERE name = 'm2m_seat'").front().front().as_text();
    EXPECT_NE(sql.find("UNIQUE (\"event_id\", \"person_id\")"), std::string::npos) << sql;
    EXPECT_NE(sql.find("UNIQUE (\"event_id\", \"row\", \"number\")"), std::string::npos) << sql;
    return;
  }
  auto constraints = database->query(
      "SELECT conname FROM pg_constraint WHERE conrelid = 'm2m_seat'::regclass AND contype = 'u' ORDER BY conname");
  ASSERT_EQ(constraints.size(), 2u);
  EXPECT_EQ(constraints[0].front().as_text(), "m2m_seat_event_id_person_id_uniq");
  EXPECT_EQ(constraints[1].front().as_text(), "m2m_seat_event_id_row_number_uniq");
}

TEST_P(UniqueTogetherTest, ARepeatedPairIsAUniqueViolation) {
  Person alice = person("alice");
  Event gala = event("gala");
  database->create(Seat{.person = alice, .event = gala, .row = 1, .number = 1});
  EXPECT_THROW(database->create(Seat{.person = alice, .event = gala, .row = 2, .number = 2}), covet::UniqueViolation);
  EXPECT_EQ(rows("m2m_seat"), 1);
}

TEST_P(UniqueTogetherTest, OneColumnAloneMayRepeat) {
  Person alice = person("alice"), bob = person("bob");
  Event gala = event("gala");
  database->create(Seat{.person = alice, .event = gala, .row = 1, .number = 1});
  EXPECT_NO_THROW(database->create(Seat{.person = bob, .event = gala, .row = 1, .number = 2}));
  EXPECT_EQ(rows("m2m_seat"), 2);
}

TEST_P(UniqueTogetherTest, AConstraintOverThreeColumnsIsEnforced) {
  Person alice = person("alice"), bob = person("bob");
  Event gala = event("gala");
  database->create(Seat{.person = alice, .event = gala, .row = 3, .number = 7});
  EXPECT_THROW(database->create(Seat{.person = bob, .event = gala, .row = 3, .number = 7}), covet::UniqueViolation);
}

TEST_P(UniqueTogetherTest, AddThroughAUniquePairSkipsExistingPairsWithOnConflict) {
  Person alice = person("alice");
  Event gala = event("gala");
  alice.events.add(gala);
  covet::QueryCounter counter(*database);
  alice.events.add(gala);
  // Seat has a second unique constraint (a seat, one guest), which two
  // connections inserting one pair could trip before ON CONFLICT sees the
  // pair: on PostgreSQL the add then also locks the person's row, in a
  // transaction (BEGIN, SELECT ... FOR UPDATE, INSERT, COMMIT).
  ASSERT_EQ(counter.count(), is_sqlite() ? 1u : 4u);
  const std::string insert = counter.entries()[is_sqlite() ? 0 : 2].sql;
  EXPECT_NE(insert.find("ON CONFLICT"), std::string::npos) << insert;
  EXPECT_EQ(rows("m2m_seat"), 1);
}

TEST_P(UniqueTogetherTest, AddSkipsOnlyAConflictOnThePair) {
  // Both guests would get the default seat (row 0, number 0): the second
  // violates the other constraint, which the pair's conflict handling must
  // not swallow (INSERT OR IGNORE would, on SQLite).
  Person alice = person("alice"), bob = person("bob");
  Event gala = event("gala");
  alice.events.add(gala);
  EXPECT_THROW(bob.events.add(gala), covet::UniqueViolation);
  EXPECT_EQ(rows("m2m_seat"), 1);
}

TEST_P(UniqueTogetherTest, AddFromTheOtherSideSkipsTheExistingPairToo) {
  Person alice = person("alice");
  Event gala = event("gala");
  alice.events.add(gala, covet::through_defaults(Seat{.row = 4, .number = 2}));
  database->related(gala, &Person::events).add(alice);
  EXPECT_EQ(rows("m2m_seat"), 1);
  EXPECT_EQ(database->objects<Seat>().get().row, 4) << "the existing row is kept as it was";
}

TEST_P(UniqueTogetherTest, AddWithoutAUniquePairStillWritesAPairOnce) {
  Person alice = person("alice");
  Course maths = database->create(Course{.name = "maths"});
  alice.courses.add(maths);
  covet::QueryCounter counter(*database);
  alice.courses.add(maths);
  // PostgreSQL: BEGIN, lock alice's row, INSERT ... WHERE NOT EXISTS, COMMIT.
  ASSERT_EQ(counter.count(), is_sqlite() ? 1u : 4u);
  if (!is_sqlite()) {
    EXPECT_NE(counter.entries()[1].sql.find("FOR UPDATE"), std::string::npos);
  }
  EXPECT_EQ(rows("m2m_enrolment"), 1);
}

COVET_INSTANTIATE_BACKENDS(UniqueTogetherTest);

}  // namespace

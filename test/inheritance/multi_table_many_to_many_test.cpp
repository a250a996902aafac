// Many-to-many relations owned by a multi-table child (Athlete : Entrant):
// add / set / remove from either side, through a model without a unique
// pair (on PostgreSQL add() locks the owners' rows) and through an
// automatic join table (set() locks the owner's row). The child's rows are
// in its own table, keyed by its parent link, so the locks name that column.
#include "models/inh_m2m.hpp"
#include "support/database_fixture.hpp"
#include "support/statement_log.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace inh_m2m;

namespace {

using covet::test::any_contains;

class MultiTableManyToManyTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (!database) return;
    ann = database->create(athlete("Ann", 7));
    bob = database->create(athlete("Bob", 9));
    reds = database->create(Squad{.name = "Reds"});
    blues = database->create(Squad{.name = "Blues"});
    gold = database->create(Medal{.name = "gold"});
    silver = database->create(Medal{.name = "silver"});
  }

  static Athlete athlete(const std::string& name, int number) {
    Athlete p;
    p.name = name;
    p.number = number;
    return p;
  }

  template <class T>
  static std::vector<std::string> names(std::vector<T> rows) {
    std::vector<std::string> out;
    for (const T& r : rows) out.push_back(r.name);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::int64_t enrolments() { return database->objects<Signing>().count(); }

  // The SQL of the statements fn() runs.
  template <class F>
  std::vector<std::string> statements_of(F&& fn) {
    return covet::test::statements_of(*database, std::forward<F>(fn));
  }

  Athlete ann, bob;
  Squad reds, blues;
  Medal gold, silver;
};

using Names = std::vector<std::string>;

TEST_P(MultiTableManyToManyTest, AddThroughAModelWithoutAUniquePairRelatesTheChildOnce) {
  ann.squads.add(reds, blues);
  ann.squads.add(reds);
  EXPECT_EQ(names(ann.squads.all().fetch()), (Names{"Blues", "Reds"}));
  EXPECT_EQ(enrolments(), 2);
  EXPECT_EQ(names(database->related(reds, &Athlete::squads).all().fetch()), (Names{"Ann"}));
}

TEST_P(MultiTableManyToManyTest, AddOnPostgresqlLocksTheChildsRowsByItsOwnKeyColumn) {
  const std::vector<std::string> sql = statements_of([&] { ann.squads.add(reds); });
  const std::string lock = R"(SELECT 1 FROM "inh_m2m_athlete" WHERE "entrant_ptr_id" IN ()";
  if (is_sqlite()) {
    EXPECT_FALSE(any_contains(sql, "FOR UPDATE"));
  } else {
    EXPECT_TRUE(any_contains(sql, lock)) << ::testing::PrintToString(sql);
    EXPECT_TRUE(any_contains(sql, R"(ORDER BY "entrant_ptr_id" FOR UPDATE)")) << ::testing::PrintToString(sql);
  }
  EXPECT_EQ(enrolments(), 1);
}

TEST_P(MultiTableManyToManyTest, AddFromTheTargetSideRelatesTheChildren) {
  database->related(reds, &Athlete::squads).add(ann, bob);
  database->related(reds, &Athlete::squads).add(bob);
  EXPECT_EQ(names(database->related(reds, &Athlete::squads).all().fetch()), (Names{"Ann", "Bob"}));
  EXPECT_EQ(names(bob.squads.all().fetch()), (Names{"Reds"}));
  EXPECT_EQ(enrolments(), 2);
}

TEST_P(MultiTableManyToManyTest, SetThroughAModelWithoutAUniquePairReplacesTheChildsPairs) {
  ann.squads.set({reds});
  ann.squads.set({blues});
  EXPECT_EQ(names(ann.squads.all().fetch()), (Names{"Blues"}));
  EXPECT_EQ(enrolments(), 1);
}

TEST_P(MultiTableManyToManyTest, SetOfAnAutomaticJoinTableReplacesTheChildsPairs) {
  ann.medals.set({gold});
  bob.medals.set({gold, silver});
  ann.medals.set({silver});
  EXPECT_EQ(names(ann.medals.all().fetch()), (Names{"silver"}));
  EXPECT_EQ(names(database->related(gold, &Athlete::medals).all().fetch()), (Names{"Bob"}));
  EXPECT_EQ(names(database->related(silver, &Athlete::medals).all().fetch()), (Names{"Ann", "Bob"}));
}

TEST_P(MultiTableManyToManyTest, SetOnPostgresqlLocksTheChildOwnersRowByItsOwnKeyColumn) {
  const std::vector<std::string> sql = statements_of([&] { ann.medals.set({gold}); });
  if (is_sqlite())
    EXPECT_FALSE(any_contains(sql, "FOR UPDATE"));
  else
    EXPECT_TRUE(any_contains(sql, R"(SELECT 1 FROM "inh_m2m_athlete" WHERE "entrant_ptr_id" IN ()"))
        << ::testing::PrintToString(sql);
  EXPECT_EQ(names(ann.medals.all().fetch()), (Names{"gold"}));
}

TEST_P(MultiTableManyToManyTest, SetFromTheTargetSideReplacesItsChildren) {
  database->related(gold, &Athlete::medals).set({ann});
  database->related(gold, &Athlete::medals).set({bob});
  EXPECT_EQ(names(database->related(gold, &Athlete::medals).all().fetch()), (Names{"Bob"}));
  EXPECT_TRUE(ann.medals.all().fetch().empty());
}

TEST_P(MultiTableManyToManyTest, RemoveAndClearOfAChildsPairs) {
  ann.squads.add(reds, blues);
  ann.medals.add(gold, silver);
  ann.squads.remove(reds);
  ann.medals.clear();
  EXPECT_EQ(names(ann.squads.all().fetch()), (Names{"Blues"}));
  EXPECT_TRUE(ann.medals.all().fetch().empty());
}

COVET_INSTANTIATE_BACKENDS(MultiTableManyToManyTest);

}  // namespace

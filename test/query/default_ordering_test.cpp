// A model's default ordering (covet::ordering, Django's Meta.ordering):
// queries without order_by() follow it, order_by() replaces it and
// order_by() with no fields drops it; proxies inherit it from their parent
// unless they declare their own, children from an abstract base; first()
// and last(), related managers and prefetch queries follow it; ordering by
// a relation follows the target's ordering; a field it names that does not
// exist, or an ordering that loops, is a FieldError (models/inh_proxy.hpp).
#include "models/inh_proxy.hpp"
#include "query/query_state.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace inh_proxy;

namespace {

template <class Rows>
std::vector<std::string> names(const Rows& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.name);
  return out;
}

class DefaultOrderingTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (!database) return;
    auto& db = *database;
    // Inserted out of every order the tests expect.
    cid = db.create(Person{.name = "Cid", .age = 40});
    ann = db.create(Person{.name = "Ann", .age = 12});
    bob = db.create(Person{.name = "Bob", .age = 70});
    abe = db.create(Person{.name = "Abe", .age = 40});
  }

  // The SELECT statements `fn` runs.
  std::vector<std::string> selects(const std::function<void()>& fn) {
    covet::QueryLog& log = database->query_log();
    log.start();
    fn();
    log.stop();
    std::vector<std::string> out;
    for (const auto& e : log.entries())
      if (e.sql.starts_with("SELECT")) out.push_back(e.sql);
    log.clear();
    return out;
  }

  Person cid, ann, bob, abe;
};

using Names = std::vector<std::string>;

TEST_P(DefaultOrderingTest, QueryWithoutOrderByFollowsTheModelsOrdering) {
  EXPECT_EQ(names(database->objects<Person>().fetch()), (Names{"Abe", "Ann", "Bob", "Cid"}));
  EXPECT_NE(database->objects<Person>().to_sql().find("ORDER BY"), std::string::npos);
}

TEST_P(DefaultOrderingTest, SeveralFieldsAndDescendingOnesOrderInTurn) {
  EXPECT_EQ(names(database->objects<Adult>().fetch()), (Names{"Bob", "Abe", "Cid", "Ann"}));  // -age, name
}

TEST_P(DefaultOrderingTest, OrderByReplacesTheDefaultOrdering) {
  EXPECT_EQ(names(database->objects<Person>().order_by("-name").fetch()), (Names{"Cid", "Bob", "Ann", "Abe"}));
  EXPECT_EQ(names(database->objects<Adult>().order_by("age", "-name").fetch()), (Names{"Ann", "Cid", "Abe", "Bob"}));
}

TEST_P(DefaultOrderingTest, OrderByWithNoFieldsDropsTheDefaultOrdering) {
  auto& db = *database;
  EXPECT_EQ(db.objects<Person>().order_by().to_sql().find("ORDER BY"), std::string::npos);
  EXPECT_EQ(db.objects<Person>().order_by("age").order_by().to_sql().find("ORDER BY"), std::string::npos);
  EXPECT_EQ(db.objects<Person>().order_by().fetch().size(), 4u);
}

TEST_P(DefaultOrderingTest, FiltersKeepTheDefaultOrdering) {
  EXPECT_EQ(names(database->objects<Person>().filter("age", 40).fetch()), (Names{"Abe", "Cid"}));
}

TEST_P(DefaultOrderingTest, ProxyWithoutOrderingInheritsItsParents) {
  EXPECT_EQ(covet::model_info<Member>().ordering, (Names{"name"}));
  EXPECT_EQ(names(database->objects<Member>().fetch()), (Names{"Abe", "Ann", "Bob", "Cid"}));
}

TEST_P(DefaultOrderingTest, ProxyOrderingReplacesTheParents) {
  EXPECT_EQ(covet::model_info<Adult>().ordering, (Names{"-age", "name"}));
  EXPECT_EQ(covet::model_info<Person>().ordering, (Names{"name"}));
}

TEST_P(DefaultOrderingTest, ProxyOfAProxyInheritsTheProxysOrdering) {
  EXPECT_EQ(covet::model_info<Senior>().ordering, (Names{"-age", "name"}));
  EXPECT_EQ(names(database->objects<Senior>().fetch()), (Names{"Bob", "Abe", "Cid", "Ann"}));
}

TEST_P(DefaultOrderingTest, EmptyOrderingDeclaresNone) {
  EXPECT_TRUE(covet::model_info<Unordered>().ordering.empty());
  EXPECT_EQ(database->objects<Unordered>().to_sql().find("ORDER BY"), std::string::npos);
}

TEST_P(DefaultOrderingTest, ChildOfAnAbstractBaseInheritsItsOrdering) {
  auto& db = *database;
  db.create(Note{{.created = 2}, "b"});
  db.create(Note{{.created = 3}, "c"});
  db.create(Note{{.created = 1}, "a"});
  EXPECT_EQ(covet::model_info<Note>().ordering, (Names{"-created"}));
  std::vector<std::string> texts;
  for (const Note& n : db.objects<Note>()) texts.push_back(n.text);
  EXPECT_EQ(texts, (Names{"c", "b", "a"}));
}

TEST_P(DefaultOrderingTest, FirstAndLastFollowTheDefaultOrdering) {
  auto& db = *database;
  EXPECT_EQ(db.objects<Person>().first()->name, "Abe");
  EXPECT_EQ(db.objects<Person>().last()->name, "Cid");
  EXPECT_EQ(db.objects<Adult>().first()->name, "Bob");
  EXPECT_EQ(db.objects<Adult>().last()->name, "Ann");
  // Without any ordering: the primary key, as before.
  EXPECT_EQ(db.objects<Person>().order_by().first()->name, "Cid");
  EXPECT_EQ(db.objects<Unordered>().last()->name, "Abe");
}

TEST_P(DefaultOrderingTest, SlicesTakeRowsInTheDefaultOrder) {
  EXPECT_EQ(names(database->objects<Person>().limit(2).fetch()), (Names{"Abe", "Ann"}));
  EXPECT_EQ(names(database->objects<Adult>().slice(1, 3).fetch()), (Names{"Abe", "Cid"}));
  EXPECT_EQ(database->objects<Adult>().slice(1, 3).count(), 2);
}

TEST_P(DefaultOrderingTest, CountExistsAndGetDoNotOrder) {
  auto& db = *database;
  std::vector<std::string> sql = selects([&] {
    db.objects<Person>().count();
    db.objects<Person>().exists();
    db.objects<Person>().get("name", "Ann");
    db.objects<Person>().filter("name", "Zed").erase();
  });
  ASSERT_EQ(sql.size(), 4u);
  for (const std::string& s : sql) EXPECT_EQ(s.find("ORDER BY"), std::string::npos) << s;
}

TEST_P(DefaultOrderingTest, RelatedManagersAndPrefetchFollowTheTargetsOrdering) {
  auto& db = *database;
  db.create(Pet{.name = "Rex", .owner = ann});
  db.create(Pet{.name = "Ace", .owner = ann});
  db.create(Pet{.name = "Max", .owner = ann});
  EXPECT_EQ(names(db.related(ann, &Pet::owner).fetch()), (Names{"Ace", "Max", "Rex"}));
  Person loaded = db.objects<Person>().get("name", "Ann");
  EXPECT_EQ(names(loaded.pets.fetch()), (Names{"Ace", "Max", "Rex"}));
  std::vector<Person> people = db.objects<Person>().filter("name", "Ann").prefetch_related("pets").fetch();
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(names(people.at(0).pets.fetch()), (Names{"Ace", "Max", "Rex"})); });
  Club chess = db.create(Club{.name = "chess"});
  db.related(chess, &Person::clubs).add(cid, abe, bob);
  EXPECT_EQ(names(db.related(chess, &Person::clubs).fetch()), (Names{"Abe", "Bob", "Cid"}));
}

// Pets inserted so that their own names, their keys, their owners' keys
// and their owners' names each give a different order.
void make_pets(covet::Database& db, const Person& abe, const Person& bob, const Person& cid) {
  db.create(Pet{.name = "rex", .owner = abe});
  db.create(Pet{.name = "max", .owner = cid});
  db.create(Pet{.name = "ace", .owner = bob});
}

TEST_P(DefaultOrderingTest, OrderingByARelationOrdersByTheTargetsOrdering) {
  make_pets(*database, abe, bob, cid);
  // Person is ordered by name: "owner" is "owner__name".
  EXPECT_EQ(names(database->objects<Pet>().order_by("owner").fetch()), (Names{"rex", "ace", "max"}));
  EXPECT_EQ(names(database->objects<Pet>().order_by("-owner").fetch()), (Names{"max", "ace", "rex"}));
}

TEST_P(DefaultOrderingTest, DescendingRelationFlipsEachFieldOfTheTargetsOrdering) {
  auto& db = *database;
  for (const Adult& a : db.objects<Adult>().fetch()) db.create(Fan{.name = "fan of " + a.name, .idol = a});
  // Adult is ordered by "-age", "name": "-idol" is "idol__age", "-idol__name".
  EXPECT_EQ(names(db.objects<Fan>().order_by("idol").fetch()),
            (Names{"fan of Bob", "fan of Abe", "fan of Cid", "fan of Ann"}));
  EXPECT_EQ(names(db.objects<Fan>().order_by("-idol").fetch()),
            (Names{"fan of Ann", "fan of Cid", "fan of Abe", "fan of Bob"}));
}

TEST_P(DefaultOrderingTest, OrderingByARelationsKeyColumnOrdersByTheKey) {
  make_pets(*database, abe, bob, cid);
  // Keys: cid < bob < abe.
  EXPECT_EQ(names(database->objects<Pet>().order_by("owner_id").fetch()), (Names{"max", "ace", "rex"}));
  EXPECT_EQ(names(database->objects<Pet>().order_by("-owner__id").fetch()), (Names{"rex", "ace", "max"}));
  EXPECT_EQ(database->objects<Pet>().order_by("owner__pk").to_sql().find("JOIN"), std::string::npos);
}

TEST_P(DefaultOrderingTest, OrderingByASelfRelationOrdersByTheRelatedRowsOrdering) {
  auto& db = *database;
  db.create(Person{.name = "Dan", .guardian = bob});
  db.create(Person{.name = "Eva", .guardian = abe});
  EXPECT_EQ(names(db.objects<Person>().filter("guardian__isnull", false).order_by("guardian").fetch()),
            (Names{"Eva", "Dan"}));
  EXPECT_EQ(names(db.objects<Person>().filter("guardian__isnull", false).order_by("-guardian").fetch()),
            (Names{"Dan", "Eva"}));
}

TEST_P(DefaultOrderingTest, OrderingByANullableRelationKeepsRowsWithoutOne) {
  auto& db = *database;
  db.create(Person{.name = "Dan", .guardian = bob});
  // Four people without a guardian, one with: a LEFT OUTER JOIN keeps them all.
  EXPECT_EQ(db.objects<Person>().order_by("guardian").fetch().size(), 5u);
  EXPECT_NE(db.objects<Person>().order_by("guardian").to_sql().find("LEFT OUTER JOIN"), std::string::npos);
}

// Metadata the plugin has not checked: a copy of Person ordered by its own
// self relation, whose target is that copy again.
covet::ModelInfo looping_person() {
  covet::ModelInfo node = covet::model_info<Person>();
  node.ordering = {"guardian"};
  return node;
}

void point_relation_at(covet::ModelInfo& model, const std::string& member, const covet::ModelInfo& target) {
  for (covet::MemberInfo& m : model.members)
    if (m.name == member) {
      m.relation = std::make_shared<covet::RelationInfo>(*m.relation);
      m.relation->target = &target;
    }
}

TEST_P(DefaultOrderingTest, DefaultOrderingThatLoopsIsAFieldError) {
  covet::ModelInfo node = looping_person();
  point_relation_at(node, "guardian", node);
  const auto people = database->objects<Person>();
  const auto db = covet::detail::QueryCoreAccess::database(covet::detail::QuerySetAccess::core(people));
  std::string what = covet::test::error_message<covet::FieldError>([&] { covet::detail::QueryCore core(db, node); });
  EXPECT_NE(what.find("Infinite loop caused by ordering"), std::string::npos) << what;
  EXPECT_NE(what.find("ordering Person by 'guardian'"), std::string::npos) << what;
  EXPECT_NE(what.find("'guardian__id'"), std::string::npos) << what;
}

TEST_P(DefaultOrderingTest, OrderByARelationWhoseTargetsOrderingLoopsIsAFieldError) {
  covet::ModelInfo node = looping_person();
  point_relation_at(node, "guardian", node);
  covet::ModelInfo pet = covet::model_info<Pet>();
  point_relation_at(pet, "owner", node);
  const auto pets = database->objects<Pet>();
  const auto db = covet::detail::QueryCoreAccess::database(covet::detail::QuerySetAccess::core(pets));
  const covet::detail::QueryCore query(db, pet);
  std::string what = covet::test::error_message<covet::FieldError>([&] { (void)query.ordered({"-owner"}); });
  EXPECT_NE(what.find("Infinite loop caused by ordering"), std::string::npos) << what;
  EXPECT_NE(what.find("ordering Pet by '-owner'"), std::string::npos) << what;
  EXPECT_NE(what.find("'owner__id'"), std::string::npos) << what;
}

TEST_P(DefaultOrderingTest, UnknownFieldInTheOrderingIsAFieldError) {
  // Metadata the plugin has not checked: Person with an ordering naming a
  // field it does not have.
  covet::ModelInfo bad = covet::model_info<Person>();
  bad.ordering = {"-agee"};
  const auto people = database->objects<Person>();
  const auto db = covet::detail::QueryCoreAccess::database(covet::detail::QuerySetAccess::core(people));
  std::string what = covet::test::error_message<covet::FieldError>([&] { covet::detail::QueryCore core(db, bad); });
  EXPECT_NE(what.find("default ordering of Person"), std::string::npos) << what;
  EXPECT_NE(what.find("'-agee'"), std::string::npos) << what;
  EXPECT_NE(what.find("Choices are: id, name, age"), std::string::npos) << what;
  bad.ordering = {"pets__name"};
  what = covet::test::error_message<covet::FieldError>([&] { covet::detail::QueryCore core(db, bad); });
  EXPECT_NE(what.find("to-many"), std::string::npos) << what;
  bad.ordering = {"-"};
  what = covet::test::error_message<covet::FieldError>([&] { covet::detail::QueryCore core(db, bad); });
  EXPECT_NE(what.find("no field name"), std::string::npos) << what;
}

}  // namespace

COVET_INSTANTIATE_BACKENDS(DefaultOrderingTest);

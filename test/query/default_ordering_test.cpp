// A model's default ordering (covet::ordering, Django's Meta.ordering):
// queries without order_by() follow it, order_by() replaces it and
// order_by() with no fields drops it; proxies inherit it from their parent
// unless they declare their own, children from an abstract base; first()
// and last(), related managers and prefetch queries follow it; a field it
// names that does not exist is a FieldError (models/inh_proxy.hpp).
#include "models/inh_proxy.hpp"
#include "query/query_state.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <functional>
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

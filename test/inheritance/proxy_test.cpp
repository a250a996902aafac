// Proxy models (covet::proxy, Django's proxy = True) with the guide's
// Person/Adult (models/inh_proxy.hpp): the parent's table and rows, proxy
// objects out of every query, writes to the parent's table, relations to
// the proxy that point at the parent's table, the parent's relations usable
// from the proxy, and erase treating a proxy object as the parent's row.
#include "models/inh_proxy.hpp"
#include "support/database_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

using namespace inh_proxy;

namespace {

template <class T>
std::vector<std::string> names(const std::vector<T>& rows) {
  std::vector<std::string> out;
  for (const T& r : rows) out.push_back(r.name);
  std::sort(out.begin(), out.end());
  return out;
}

class ProxyTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (!database) return;
    auto& db = *database;
    ann = db.create(Person{.name = "Ann", .age = 70});
    bob = db.create(Person{.name = "Bob", .age = 40});
    cid = db.create(Person{.name = "Cid", .age = 12, .guardian = bob});
  }

  Person ann, bob, cid;
};

// --- the table ---------------------------------------------------------------

TEST_P(ProxyTest, HasItsConcreteParentsTableAndNoneOfItsOwn) {
  const covet::ModelInfo& adult = covet::model_info<Adult>();
  EXPECT_EQ(adult.table, "inh_proxy_person");
  EXPECT_EQ(adult.inheritance, covet::Inheritance::Proxy);
  EXPECT_EQ(adult.concrete_model, &covet::model_info<Person>());
  EXPECT_EQ(covet::model_info<Senior>().concrete_model, &covet::model_info<Person>());
  EXPECT_EQ(covet::model_info<Person>().concrete_model, &covet::model_info<Person>());
  // create_all made Person's table only.
  const std::string tables = is_sqlite() ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                                         : "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()";
  std::vector<std::string> found;
  for (const auto& row : database->query(tables))
    if (row[0].as_text().starts_with("inh_proxy_")) found.push_back(row[0].as_text());
  EXPECT_NE(std::find(found.begin(), found.end(), "inh_proxy_person"), found.end());
  for (const char* none : {"adult", "inh_proxy_adult", "senior", "member", "unordered"})
    EXPECT_EQ(std::find(found.begin(), found.end(), none), found.end()) << none;
}

// --- queries -----------------------------------------------------------------

TEST_P(ProxyTest, QueryReturnsProxyObjectsForEveryRowOfTheParent) {
  std::vector<Adult> all = database->objects<Adult>().fetch();
  static_assert(std::is_same_v<decltype(all)::value_type, Adult>);
  EXPECT_EQ(names(all), (std::vector<std::string>{"Ann", "Bob", "Cid"}));
}

TEST_P(ProxyTest, StaticFunctionOfTheGuideFiltersTheParentsRows) {
  EXPECT_EQ(names(Adult::get_adults(*database).fetch()), (std::vector<std::string>{"Ann", "Bob"}));
  EXPECT_EQ(Adult::get_adults(*database).count(), 2);
}

TEST_P(ProxyTest, FilterExcludeCountExistsAndGetWork) {
  auto& db = *database;
  EXPECT_EQ(db.objects<Adult>().filter("age__lt", 50).exclude("name", "Cid").count(), 1);
  EXPECT_TRUE(db.objects<Adult>().filter("name__startswith", "A").exists());
  Adult bob_as_adult = db.objects<Adult>().get("name", "Bob");
  EXPECT_EQ(bob_as_adult.id, bob.id);
  EXPECT_EQ(bob_as_adult.age, 40);
  EXPECT_THROW(db.objects<Adult>().get("name", "Zed"), covet::DoesNotExist);
}

TEST_P(ProxyTest, ProxyNamesItselfInErrors) {
  std::string what = covet::test::error_message<covet::DoesNotExist>(
      [&] { database->objects<Adult>().get("name", "Zed"); });
  EXPECT_NE(what.find("Adult matching query does not exist"), std::string::npos) << what;
  what = covet::test::error_message<covet::FieldError>([&] { database->objects<Adult>().filter("nmae", 1); });
  EXPECT_NE(what.find("'Adult'"), std::string::npos) << what;
}

TEST_P(ProxyTest, UpdateOfAProxyQueryWritesTheParentsRows) {
  auto& db = *database;
  EXPECT_EQ(Adult::get_adults(db).update({{"age", 18}}), 2);
  EXPECT_EQ(db.objects<Person>().filter("age", 18).count(), 2);
  EXPECT_EQ(db.objects<Person>().get("name", "Cid").age, 12);
}

TEST_P(ProxyTest, CreateOfAProxyObjectInsertsAParentRow) {
  auto& db = *database;
  Adult dee = db.create(Adult{{.name = "Dee", .age = 30}});
  EXPECT_NE(dee.id, 0);
  Person row = db.objects<Person>().get("pk", dee.id);
  EXPECT_EQ(row.name, "Dee");
  EXPECT_EQ(row.age, 30);
}

TEST_P(ProxyTest, SaveAndUpdateOfAProxyObjectWriteTheParentRow) {
  auto& db = *database;
  Adult a = db.objects<Adult>().get("name", "Ann");
  a.age = 71;
  db.save(a);
  EXPECT_EQ(db.objects<Person>().get("pk", a.id).age, 71);
  a.name = "Anne";
  db.update(a);
  EXPECT_EQ(db.objects<Person>().get("pk", a.id).name, "Anne");
  Adult fresh;
  fresh.name = "Eve";
  fresh.age = 22;
  db.save(fresh);  // unsaved: an INSERT into the parent's table
  EXPECT_EQ(db.objects<Person>().filter("name", "Eve").count(), 1);
  db.refresh(fresh);
  EXPECT_EQ(fresh.age, 22);
}

TEST_P(ProxyTest, BulkCreateOfProxyObjectsInsertsParentRows) {
  auto& db = *database;
  std::vector<Adult> made = db.bulk_create(std::vector<Adult>{Adult{{.name = "Fay", .age = 20}},
                                                              Adult{{.name = "Gus", .age = 21}}});
  ASSERT_EQ(made.size(), 2u);
  EXPECT_NE(made[0].id, 0);
  EXPECT_EQ(db.objects<Person>().filter("name__in", {"Fay", "Gus"}).count(), 2);
}

TEST_P(ProxyTest, BulkUpdateOfProxyObjectsWritesTheParentsRows) {
  auto& db = *database;
  std::vector<Adult> all = db.objects<Adult>().fetch();
  for (Adult& a : all) a.age += 1;
  EXPECT_EQ(db.bulk_update(all, {"age"}), 3);
  EXPECT_EQ(db.objects<Person>().get("name", "Cid").age, 13);
  EXPECT_EQ(db.objects<Person>().get("name", "Ann").age, 71);
}

TEST_P(ProxyTest, PartialOfAProxyLoadsADeferredInheritedField) {
  // &Adult::age is an int Person::*: a member Adult inherits.
  covet::Partial<Adult> only_name = database->objects<Adult>().only("name").get("name", "Ann");
  EXPECT_FALSE(only_name.is_loaded(&Adult::age));
  EXPECT_EQ(only_name.get(&Adult::age), 70);
  EXPECT_TRUE(only_name.is_loaded(&Adult::age));
}

TEST_P(ProxyTest, PartialOfAProxySavesAnAssignedInheritedField) {
  auto& db = *database;
  covet::Partial<Adult> only_name = db.objects<Adult>().only("name").get("name", "Ann");
  only_name.set(&Adult::name, "Anne");
  db.save(only_name);
  EXPECT_EQ(db.objects<Person>().get("pk", ann.id).name, "Anne");
  EXPECT_EQ(db.objects<Person>().get("pk", ann.id).age, 70);  // the deferred field is left alone
}

TEST_P(ProxyTest, ProxyOfAProxyHasTheRowsOfTheConcreteModel) {
  auto& db = *database;
  std::vector<Senior> all = db.objects<Senior>().fetch();
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(names(Senior::get_seniors(db).fetch()), (std::vector<std::string>{"Ann"}));
  EXPECT_EQ(names(Senior::get_adults(db).fetch()), (std::vector<std::string>{"Ann", "Bob"}));  // Adult's, inherited
  Senior hal = db.create(Senior{});
  EXPECT_EQ(db.objects<Person>().filter("pk", hal.id).count(), 1);
  EXPECT_EQ(db.erase(hal).count("Senior"), 1);
  EXPECT_EQ(db.objects<Person>().count(), 3);
}

// --- the parent's relations, from the proxy -----------------------------------

TEST_P(ProxyTest, FiltersFollowTheParentsForwardAndReverseRelations) {
  auto& db = *database;
  db.create(Pet{.name = "Rex", .owner = bob});
  Club chess = db.create(Club{.name = "chess"});
  db.related(chess, &Person::clubs).add(ann);
  EXPECT_EQ(names(db.objects<Adult>().filter("guardian__name", "Bob").fetch()), (std::vector<std::string>{"Cid"}));
  EXPECT_EQ(names(db.objects<Adult>().filter("wards__name", "Cid").fetch()), (std::vector<std::string>{"Bob"}));
  EXPECT_EQ(names(db.objects<Adult>().filter("pets__name", "Rex").fetch()), (std::vector<std::string>{"Bob"}));
  EXPECT_EQ(names(db.objects<Adult>().filter("clubs__name", "chess").fetch()), (std::vector<std::string>{"Ann"}));
  EXPECT_EQ(db.objects<Adult>().order_by("guardian__name").first()->name, is_sqlite() ? "Ann" : "Cid")
      << "NULLs sort first on SQLite and last on PostgreSQL";
}

TEST_P(ProxyTest, SelectRelatedFromTheProxyLoadsTheParentsRelation) {
  auto& db = *database;
  std::vector<Adult> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = db.objects<Adult>().filter("name", "Cid").select_related("guardian").fetch(); });
  ASSERT_EQ(rows.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(rows[0].guardian->get().name, "Bob"); });
}

TEST_P(ProxyTest, PrefetchFromTheProxyFillsTheParentsDeclaredReverseMember) {
  auto& db = *database;
  db.create(Pet{.name = "Rex", .owner = bob});
  db.create(Pet{.name = "Ace", .owner = bob});
  std::vector<Adult> rows;
  COVET_EXPECT_NUM_QUERIES(db, 2, [&] { rows = db.objects<Adult>().order_by("name").prefetch_related("pets").fetch(); });
  ASSERT_EQ(rows.size(), 3u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].pets.count(), 0);
    EXPECT_EQ(names(rows[1].pets.fetch()), (std::vector<std::string>{"Ace", "Rex"}));
  });
}

TEST_P(ProxyTest, PrefetchFromTheProxyFillsTheParentsManyToMany) {
  auto& db = *database;
  Club chess = db.create(Club{.name = "chess"});
  Club go = db.create(Club{.name = "go"});
  Adult a = db.objects<Adult>().get("name", "Ann");
  a.clubs.add(chess, go);
  std::vector<Adult> rows;
  COVET_EXPECT_NUM_QUERIES(db, 2, [&] { rows = db.objects<Adult>().order_by("name").prefetch_related("clubs").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(names(rows[0].clubs.fetch()), (std::vector<std::string>{"chess", "go"}));
    EXPECT_EQ(rows[1].clubs.count(), 0);
  });
  // The pairs live in Person's join table, under Person's key column.
  EXPECT_EQ(names(db.related(chess, &Person::clubs).fetch()), (std::vector<std::string>{"Ann"}));
  EXPECT_EQ(db.query("SELECT COUNT(*) FROM inh_proxy_person_clubs WHERE person_id = " + std::to_string(a.id))[0][0],
            covet::Value(std::int64_t{2}));
}

TEST_P(ProxyTest, ReverseManagersOfTheParentTakeAProxyObject) {
  auto& db = *database;
  db.create(Pet{.name = "Rex", .owner = bob});
  Adult b = db.objects<Adult>().get("name", "Bob");
  EXPECT_EQ(db.related(b, &Pet::owner).count(), 1);
  EXPECT_EQ(b.pets.count(), 1);  // the declared member, bound on load
  EXPECT_EQ(db.related<Pet>(b, "pets").fetch().at(0).name, "Rex");
  EXPECT_EQ(names(db.related(b, &Person::guardian).fetch()), (std::vector<std::string>{"Cid"}));
}

// --- relations to the proxy ----------------------------------------------------

TEST_P(ProxyTest, ForeignKeyToTheProxyReferencesTheParentsTable) {
  auto& db = *database;
  Adult a = db.objects<Adult>().get("name", "Ann");
  Fan f = db.create(Fan{.name = "f1", .idol = a});
  EXPECT_EQ(db.query("SELECT idol_id FROM inh_proxy_fan")[0][0], covet::Value(a.id));
  // The constraint is the parent table's: no such person, no fan.
  Adult ghost;
  ghost.id = covet::Id(a.id + 1000);
  EXPECT_THROW(db.create(Fan{.name = "f2", .idol = covet::Ref<Adult>(ghost)}), covet::ForeignKeyViolation);
  (void)f;
}

TEST_P(ProxyTest, ForeignKeyToTheProxyLoadsProxyObjects) {
  auto& db = *database;
  db.create(Fan{.name = "f1", .idol = db.objects<Adult>().get("name", "Ann")});
  Fan f = db.objects<Fan>().get("name", "f1");
  const Adult& idol = f.idol.get();  // lazily, one query
  EXPECT_EQ(idol.name, "Ann");
  std::vector<Fan> fans;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { fans = db.objects<Fan>().select_related("idol").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(fans.at(0).idol.get().age, 70); });
  COVET_EXPECT_NUM_QUERIES(db, 2, [&] { fans = db.objects<Fan>().prefetch_related("idol").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(fans.at(0).idol.get().name, "Ann"); });
}

TEST_P(ProxyTest, ReverseSideOfARelationToTheProxyBelongsToTheProxy) {
  auto& db = *database;
  Adult a = db.objects<Adult>().get("name", "Ann");
  db.create(Fan{.name = "f1", .idol = a});
  EXPECT_EQ(names(db.objects<Adult>().filter("fans__name", "f1").fetch()), (std::vector<std::string>{"Ann"}));
  EXPECT_EQ(db.related(a, &Fan::idol).count(), 1);
  EXPECT_EQ(names(db.related<Fan>(a, "fans").fetch()), (std::vector<std::string>{"f1"}));
  // Person has no such reverse side: the name is the proxy's.
  std::string what = covet::test::error_message<covet::FieldError>(
      [&] { db.objects<Person>().filter("fans__name", "f1"); });
  EXPECT_NE(what.find("Cannot resolve keyword 'fans'"), std::string::npos) << what;
  // A proxy of the proxy has it too.
  EXPECT_EQ(db.objects<Senior>().filter("fans__name", "f1").count(), 1);
}

TEST_P(ProxyTest, ManyToManyToTheProxyStoresParentKeys) {
  auto& db = *database;
  Committee board = db.create(Committee{.name = "board"});
  Adult a = db.objects<Adult>().get("name", "Ann");
  board.chairs.add(a);
  std::vector<Adult> chairs = board.chairs.all().fetch();
  ASSERT_EQ(chairs.size(), 1u);
  EXPECT_EQ(chairs[0].id, a.id);
  EXPECT_EQ(names(db.objects<Adult>().filter("committees__name", "board").fetch()), (std::vector<std::string>{"Ann"}));
}

// --- erase and cascades -----------------------------------------------------------

TEST_P(ProxyTest, EraseOfAProxyObjectCascadesAsForTheParent) {
  auto& db = *database;
  Adult b = db.objects<Adult>().get("name", "Bob");
  db.create(Pet{.name = "Rex", .owner = bob});       // to Person: CASCADE
  db.create(Fan{.name = "f1", .idol = b});            // to Adult: CASCADE
  Licence l = db.create(Licence{.code = "L1", .holder = b});  // to Adult: SET_NULL
  Club chess = db.create(Club{.name = "chess"});
  b.clubs.add(chess);                                  // Person's join table
  Committee board = db.create(Committee{.name = "board"});
  board.chairs.add(b);                                 // the proxy's join table
  covet::DeleteResult r = db.erase(b);
  EXPECT_EQ(b.id, 0);
  EXPECT_EQ(r.count("Adult"), 1);
  EXPECT_EQ(r.count("Pet"), 1);
  EXPECT_EQ(r.count("Fan"), 1);
  EXPECT_EQ(r.count("Person_clubs"), 1);
  EXPECT_EQ(r.count("Committee_chairs"), 1);
  EXPECT_EQ(r.total, 5);
  EXPECT_EQ(db.objects<Person>().count(), 2);
  EXPECT_FALSE(db.objects<Person>().get("name", "Cid").guardian.has_value());  // SET_NULL to Person
  db.refresh(l);
  EXPECT_FALSE(l.holder.has_value());
}

TEST_P(ProxyTest, EraseOfTheParentCascadesAlongRelationsToTheProxy) {
  auto& db = *database;
  db.create(Fan{.name = "f1", .idol = db.objects<Adult>().get("name", "Ann")});
  covet::DeleteResult r = db.erase(ann);
  EXPECT_EQ(r.count("Person"), 1);
  EXPECT_EQ(r.count("Fan"), 1);
  EXPECT_EQ(db.objects<Fan>().count(), 0);
}

TEST_P(ProxyTest, ProtectedRelationToTheProxyBlocksErasingEither) {
  auto& db = *database;
  Adult a = db.objects<Adult>().get("name", "Ann");
  db.create(Ballot{.voter = a});
  EXPECT_THROW(db.erase(a), covet::ProtectedError);
  EXPECT_THROW(db.erase(ann), covet::ProtectedError);
  EXPECT_THROW(db.objects<Senior>().filter("name", "Ann").erase(), covet::ProtectedError);
  EXPECT_EQ(db.objects<Person>().count(), 3);
  EXPECT_NE(a.id, 0);
}

TEST_P(ProxyTest, QuerySetEraseOfTheProxyDeletesParentRows) {
  auto& db = *database;
  db.create(Pet{.name = "Rex", .owner = ann});
  covet::DeleteResult r = Adult::get_adults(db).erase();
  EXPECT_EQ(r.count("Adult"), 2);
  EXPECT_EQ(r.count("Pet"), 1);
  EXPECT_EQ(names(db.objects<Person>().fetch()), (std::vector<std::string>{"Cid"}));
}

}  // namespace

namespace {

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_P(ProxyTest, UnknownFieldOfAProxyListsEachReverseRelationOnce) {
  auto& db = *database;
  const std::string what = covet::test::error_message<covet::FieldError>([&] { db.objects<Adult>().filter("nope", 1); });
  EXPECT_EQ(occurrences(what, "wards"), 1u) << what;
  EXPECT_EQ(occurrences(what, "pets"), 1u) << what;
}

TEST_P(ProxyTest, UnknownPrefetchOfAProxyListsEachReverseRelationOnce) {
  auto& db = *database;
  const std::string what =
      covet::test::error_message<covet::FieldError>([&] { db.objects<Adult>().prefetch_related("nope").fetch(); });
  EXPECT_EQ(occurrences(what, "wards"), 1u) << what;
  EXPECT_EQ(occurrences(what, "pets"), 1u) << what;
}

COVET_INSTANTIATE_BACKENDS(ProxyTest);

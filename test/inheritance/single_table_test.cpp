// Single-table inheritance (covet::polymorphic_on / polymorphic_identity),
// end to end on both backends: one table for the hierarchy, the identity
// written by create(), queries of a subclass restricted to its rows, relations
// to and from subclasses, cascades, bulk paths, polymorphic loads and the
// errors of rows that do not fit their model. Models: test/models/inh_sti.hpp.
#include "models/inh_sti.hpp"
#include "support/database_fixture.hpp"
#include "support/schema_probe.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

using namespace inh_sti;

namespace {

// Derived aggregates cannot take designated initializers for their bases'
// members, so the rows are built here.
Vehicle vehicle(const std::string& make, int wheels = 4) {
  Vehicle v;
  v.make = make;
  v.wheels = wheels;
  return v;
}

Car car(const std::string& make, int doors, const Person& owner) {
  Car c;
  c.make = make;
  c.num_doors = doors;
  c.owner = owner;
  return c;
}

SportsCar sports_car(const std::string& make, int top_speed, const Person& owner) {
  SportsCar s;
  s.make = make;
  s.num_doors = 2;
  s.owner = owner;
  s.top_speed = top_speed;
  return s;
}

Motorcycle motorcycle(const std::string& make, bool sidecar = false) {
  Motorcycle m;
  m.make = make;
  m.wheels = 2;
  m.has_sidecar = sidecar;
  return m;
}

class SingleTableTest : public covet::test::DatabaseTest {
 protected:
  covet::Database& db() { return *database; }

  Person person(const std::string& name) { return db().create(Person{.name = name}); }

  // The discriminator of the row with key `id`, read with plain SQL.
  std::string identity_of(covet::Id id) {
    return db().query("SELECT vehicle_type FROM inh_sti_vehicle WHERE id = $1", {covet::Value(id.value())})
        .at(0)
        .at(0)
        .as_text();
  }

  std::int64_t rows(const std::string& table) {
    return db().query("SELECT COUNT(*) FROM " + table).at(0).at(0).as_integer();
  }

  // The makes of a query's (or a vector's) objects, sorted.
  template <class R>
  static std::vector<std::string> makes(const R& objects) {
    std::vector<std::string> out;
    for (const auto& o : objects) out.push_back(o.make);
    std::sort(out.begin(), out.end());
    return out;
  }

  bool column_nullable(const std::string& column) {
    if (is_sqlite()) {
      for (const auto& row : db().query("SELECT name, \"notnull\" FROM pragma_table_info('inh_sti_vehicle')"))
        if (row.at(0).as_text() == column) return row.at(1).as_integer() == 0;
      ADD_FAILURE() << "no column " << column;
      return false;
    }
    auto r = db().query(
        "SELECT is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND "
        "table_name = 'inh_sti_vehicle' AND column_name = $1",
        {covet::Value(column)});
    if (r.empty()) {
      ADD_FAILURE() << "no column " << column;
      return false;
    }
    return r.at(0).at(0).as_text() == "YES";
  }

  bool index_exists(const std::string& index) { return covet::test::index_exists(db(), is_sqlite(), index); }

  std::int64_t tables_named(const std::string& pattern) {
    return (is_sqlite() ? db().query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE $1",
                                     {covet::Value(pattern)})
                        : db().query("SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename LIKE $1 AND "
                                     "schemaname = current_schema()",
                                     {covet::Value(pattern)}))
        .at(0)
        .at(0)
        .as_integer();
  }
};

// --- schema ---------------------------------------------------------------

TEST_P(SingleTableTest, CreateAllMakesOneTableForTheHierarchyAndNoneForSubclasses) {
  EXPECT_EQ(tables_named("inh_sti_%"), 5) << "person, garage, vehicle, ticket, trip";
  for (const char* name : {"car", "sportscar", "motorcycle", "inh_sti_car", "inh_sti_sportscar", "inh_sti_motorcycle"})
    EXPECT_EQ(tables_named(name), 0) << name;
  EXPECT_EQ(covet::model_info<Car>().table, "inh_sti_vehicle");
  EXPECT_EQ(covet::model_info<SportsCar>().table, "inh_sti_vehicle");
}

TEST_P(SingleTableTest, TheRootTableHoldsEverySubclassColumnNullable) {
  for (const char* column : {"num_doors", "owner_id", "top_speed", "spoiler", "sponsor_id", "has_sidecar", "rider_id"})
    EXPECT_TRUE(column_nullable(column)) << column << " belongs to a subclass: other rows leave it NULL";
  for (const char* column : {"make", "wheels", "vehicle_type"})
    EXPECT_FALSE(column_nullable(column)) << column;
  EXPECT_TRUE(column_nullable("garage_id")) << "optional in C++";
}

TEST_P(SingleTableTest, TheDiscriminatorIsIndexedAndRequired) {
  EXPECT_TRUE(index_exists("inh_sti_vehicle_vehicle_type_idx"));
  EXPECT_THROW(db().execute("INSERT INTO inh_sti_vehicle (make, wheels) VALUES ('x', 4)"), covet::IntegrityError);
}

TEST_P(SingleTableTest, SubclassIndexesAndConstraintsAreTheRootTables) {
  EXPECT_TRUE(index_exists("inh_sti_vehicle_num_doors_idx")) << "Car.num_doors is db_index";
  EXPECT_TRUE(index_exists("inh_sti_vehicle_owner_id_idx")) << "Car.owner is a foreign key";
  EXPECT_TRUE(index_exists("inh_sti_vehicle_sponsor_id_idx")) << "SportsCar.sponsor is a foreign key";
  // Motorcycle.rider is a one-to-one: UNIQUE on the shared table.
  Person ann = person("Ann");
  Motorcycle first = motorcycle("Ducati");
  first.rider = ann;
  db().create(first);
  Motorcycle second = motorcycle("Honda");
  second.rider = ann;
  EXPECT_THROW(db().create(second), covet::UniqueViolation);
  // Car.owner's foreign key constraint is the table's.
  EXPECT_THROW(db().execute("INSERT INTO inh_sti_vehicle (make, wheels, vehicle_type, owner_id) "
                            "VALUES ('x', 4, 'car', 999999)"),
               covet::ForeignKeyViolation);
}

// --- writes ---------------------------------------------------------------

TEST_P(SingleTableTest, CreateWritesEachModelsIdentity) {
  Person ann = person("Ann");
  EXPECT_EQ(identity_of(db().create(vehicle("Cart")).id), "vehicle");
  EXPECT_EQ(identity_of(db().create(car("Audi", 4, ann)).id), "car");
  EXPECT_EQ(identity_of(db().create(sports_car("Ferrari", 320, ann)).id), "sportscar")
      << "no polymorphic_identity: the lower-case model name";
  EXPECT_EQ(identity_of(db().create(motorcycle("Ducati")).id), "motorcycle");
}

TEST_P(SingleTableTest, SaveAndUpdateWriteASubclassesColumns) {
  Person ann = person("Ann");
  SportsCar s = db().create(sports_car("Ferrari", 320, ann));
  s.top_speed = 340;
  s.make = "Ferrari F8";
  s.spoiler = "carbon";
  db().save(s);
  SportsCar back = db().objects<SportsCar>().get("pk", s.id);
  EXPECT_EQ(back.top_speed, 340);
  EXPECT_EQ(back.make, "Ferrari F8");
  EXPECT_EQ(back.spoiler, "carbon");
  back.num_doors = 3;
  db().update(back);
  EXPECT_EQ(db().objects<Car>().get("pk", s.id).num_doors, 3);
  EXPECT_EQ(identity_of(s.id), "sportscar") << "writes keep the row's identity";
}

TEST_P(SingleTableTest, BulkCreateWritesTheIdentityOfEveryRow) {
  Person ann = person("Ann");
  std::vector<Car> cars = db().bulk_create(std::vector<Car>{car("A", 2, ann), car("B", 4, ann), car("C", 5, ann)});
  std::vector<Motorcycle> bikes = db().bulk_create(std::vector<Motorcycle>{motorcycle("D"), motorcycle("E")});
  for (const Car& c : cars) EXPECT_EQ(identity_of(c.id), "car");
  for (const Motorcycle& m : bikes) EXPECT_EQ(identity_of(m.id), "motorcycle");
  EXPECT_EQ(db().objects<Car>().count(), 3);
  EXPECT_EQ(db().objects<Motorcycle>().count(), 2);
}

TEST_P(SingleTableTest, BulkCreateInSeveralBatchesWritesEveryIdentity) {
  Person ann = person("Ann");
  std::vector<Car> many;
  for (int i = 0; i < 7; ++i) many.push_back(car("M" + std::to_string(i), i, ann));
  db().bulk_create(std::move(many), 3);
  EXPECT_EQ(db().objects<Car>().count(), 7);
  EXPECT_EQ(db().query("SELECT COUNT(*) FROM inh_sti_vehicle WHERE vehicle_type = 'car'").at(0).at(0).as_integer(), 7);
}

TEST_P(SingleTableTest, BulkUpdateOfASubclassWritesItsFields) {
  Person ann = person("Ann");
  std::vector<SportsCar> cars =
      db().bulk_create(std::vector<SportsCar>{sports_car("A", 200, ann), sports_car("B", 250, ann)});
  for (SportsCar& s : cars) s.top_speed += 10;
  EXPECT_EQ(db().bulk_update(cars, {"top_speed"}), 2);
  std::vector<int> speeds;
  for (const SportsCar& s : db().objects<SportsCar>().order_by("top_speed")) speeds.push_back(s.top_speed);
  EXPECT_EQ(speeds, (std::vector<int>{210, 260}));
}

TEST_P(SingleTableTest, QueryUpdateOfASubclassTouchesOnlyItsRows) {
  Person ann = person("Ann");
  db().create(car("Same", 4, ann));
  db().create(sports_car("Same", 300, ann));
  db().create(motorcycle("Same"));
  db().create(vehicle("Same"));
  EXPECT_EQ(db().objects<Car>().update({{"make", "Renamed"}}), 2) << "cars and sports cars";
  EXPECT_EQ(makes(db().objects<Vehicle>()), (std::vector<std::string>{"Renamed", "Renamed", "Same", "Same"}));
  EXPECT_EQ(db().objects<Motorcycle>().filter("make", "Same").update({{"wheels", 3}}), 1);
  EXPECT_EQ(db().objects<Vehicle>().filter("wheels", 3).count(), 1);
  // Conditions that join keep the restriction too.
  EXPECT_EQ(db().objects<SportsCar>().filter("owner__name", "Ann").update({{"top_speed", 1}}), 1);
}

TEST_P(SingleTableTest, QueryEraseOfASubclassDeletesOnlyItsRows) {
  Person ann = person("Ann");
  db().create(car("Audi", 4, ann));
  db().create(sports_car("Ferrari", 300, ann));
  db().create(motorcycle("Ducati"));
  db().create(vehicle("Cart"));
  covet::DeleteResult result = db().objects<Car>().erase();
  EXPECT_EQ(result.total, 2);
  EXPECT_EQ(makes(db().objects<Vehicle>()), (std::vector<std::string>{"Cart", "Ducati"}));
}

// --- reads ----------------------------------------------------------------

class SingleTableReadTest : public SingleTableTest {
 protected:
  void SetUp() override {
    SingleTableTest::SetUp();
    if (IsSkipped()) return;
    ann = person("Ann");
    bob = person("Bob");
    garage = db().create(Garage{.name = "North"});
    Vehicle cart = vehicle("Cart", 2);
    db().create(cart);
    audi = car("Audi", 4, ann);
    audi.garage = garage;
    audi = db().create(audi);
    fiat = db().create(car("Fiat", 2, bob));
    ferrari = db().create(sports_car("Ferrari", 320, ann));
    ducati = motorcycle("Ducati", true);
    ducati.rider = bob;
    ducati.garage = garage;
    ducati = db().create(ducati);
  }

  Person ann, bob;
  Garage garage;
  Car audi, fiat;
  SportsCar ferrari;
  Motorcycle ducati;
};

TEST_P(SingleTableReadTest, ASubclassQueryReturnsItsRowsAndItsDescendants) {
  EXPECT_EQ(makes(db().objects<Car>()), (std::vector<std::string>{"Audi", "Ferrari", "Fiat"}));
  EXPECT_EQ(makes(db().objects<SportsCar>()), (std::vector<std::string>{"Ferrari"}));
  EXPECT_EQ(makes(db().objects<Motorcycle>()), (std::vector<std::string>{"Ducati"}));
  Car as_car = db().objects<Car>().get("make", "Ferrari");
  EXPECT_EQ(as_car.num_doors, 2) << "a sports car loads as a Car through a Car query";
}

TEST_P(SingleTableReadTest, TheRootQueryReturnsEveryRow) {
  EXPECT_EQ(makes(db().objects<Vehicle>()), (std::vector<std::string>{"Audi", "Cart", "Ducati", "Ferrari", "Fiat"}));
  EXPECT_EQ(db().objects<Vehicle>().count(), 5);
}

TEST_P(SingleTableReadTest, TheRestrictionBindsTheIdentities) {
  covet::QueryCounter counter(db());
  db().objects<Car>().count();
  db().objects<Motorcycle>().exists();
  const auto entries = counter.entries();
  ASSERT_EQ(entries.size(), 2u);
  const std::string in = is_sqlite() ? R"("vehicle_type" IN (?, ?))" : R"("vehicle_type" IN ($1, $2))";
  const std::string eq = is_sqlite() ? R"("vehicle_type" = ?)" : R"("vehicle_type" = $1)";
  EXPECT_NE(entries[0].sql.find(in), std::string::npos) << entries[0].sql;
  EXPECT_EQ(entries[0].params, (std::vector<covet::Value>{covet::Value("car"), covet::Value("sportscar")}));
  EXPECT_NE(entries[1].sql.find(eq), std::string::npos) << entries[1].sql;
  EXPECT_EQ(entries[1].params.front(), covet::Value("motorcycle"));
  EXPECT_EQ(db().objects<Vehicle>().to_sql().find("vehicle_type"), std::string::npos)
      << "the root reads the whole table";
}

TEST_P(SingleTableReadTest, FiltersExcludesAndOrderingApplyWithinTheSubclass) {
  EXPECT_EQ(makes(db().objects<Car>().filter("num_doors", 2)), (std::vector<std::string>{"Ferrari", "Fiat"}));
  EXPECT_EQ(makes(db().objects<Car>().exclude("num_doors", 2)), (std::vector<std::string>{"Audi"}));
  std::vector<std::string> ordered;
  for (const Car& c : db().objects<Car>().order_by("-num_doors", "make")) ordered.push_back(c.make);
  EXPECT_EQ(ordered, (std::vector<std::string>{"Audi", "Ferrari", "Fiat"}));
  std::vector<std::string> sliced;
  for (const Car& c : db().objects<Car>().filter("make__gte", "B").order_by("make").slice(0, 1))
    sliced.push_back(c.make);
  EXPECT_EQ(sliced, (std::vector<std::string>{"Ferrari"}));
}

TEST_P(SingleTableReadTest, CountsAndExistsArePerSubclass) {
  EXPECT_EQ(db().objects<Vehicle>().count(), 5);
  EXPECT_EQ(db().objects<Car>().count(), 3);
  EXPECT_EQ(db().objects<SportsCar>().count(), 1);
  EXPECT_EQ(db().objects<Motorcycle>().count(), 1);
  EXPECT_EQ(db().objects<Car>().slice(1, 10).count(), 2);
  EXPECT_TRUE(db().objects<Motorcycle>().filter("has_sidecar", true).exists());
  EXPECT_FALSE(db().objects<SportsCar>().filter("make", "Audi").exists());
}

TEST_P(SingleTableReadTest, GetFirstAndLastSeeOnlyTheSubclassesRows) {
  db().create(motorcycle("Audi"));  // the same make, another subclass
  EXPECT_EQ(db().objects<Car>().get("make", "Audi").id, audi.id);
  EXPECT_THROW(db().objects<Car>().get("pk", ducati.id), covet::DoesNotExist);
  EXPECT_EQ(db().objects<Car>().order_by("make").first()->make, "Audi");
  EXPECT_EQ(db().objects<Car>().order_by("make").last()->make, "Fiat");
  EXPECT_EQ(db().objects<SportsCar>().first()->top_speed, 320);
}

TEST_P(SingleTableReadTest, OnlyAndDeferKeepTheRestriction) {
  auto partial = db().objects<Car>().only("num_doors").order_by("make").fetch();
  ASSERT_EQ(partial.size(), 3u);
  EXPECT_EQ(partial[0]->num_doors, 4);
  auto deferred = db().objects<SportsCar>().defer("spoiler").fetch();
  ASSERT_EQ(deferred.size(), 1u);
  EXPECT_EQ(deferred[0]->top_speed, 320);
}

TEST_P(SingleTableReadTest, AChildQueryLooksUpItsParentsFields) {
  EXPECT_EQ(makes(db().objects<SportsCar>().filter("make__startswith", "Fer")), (std::vector<std::string>{"Ferrari"}));
  EXPECT_EQ(makes(db().objects<Car>().filter("garage__name", "North")), (std::vector<std::string>{"Audi"}));
  EXPECT_EQ(makes(db().objects<SportsCar>().filter("owner__name", "Ann")), (std::vector<std::string>{"Ferrari"}));
  db().create(Trip{.km = 120, .vehicle = ferrari});
  EXPECT_EQ(makes(db().objects<SportsCar>().filter("trips__km__gt", 100)), (std::vector<std::string>{"Ferrari"}))
      << "the reverse of Vehicle's relation, from a grandchild";
  std::vector<std::string> by_owner;
  for (const Car& c : db().objects<Car>().order_by("owner__name", "make")) by_owner.push_back(c.make);
  EXPECT_EQ(by_owner, (std::vector<std::string>{"Audi", "Ferrari", "Fiat"}));
}

TEST_P(SingleTableReadTest, ASubclassFieldOnABaseQueryIsAFieldErrorNamingTheSubclass) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { db().objects<Vehicle>().filter("num_doors", 4); });
  EXPECT_NE(what.find("num_doors is a field of Car, not of Vehicle: query db.objects<Car>()"), std::string::npos)
      << what;
  EXPECT_NE(what.find("Choices are: id, make, wheels, garage, trips"), std::string::npos) << what;
  EXPECT_EQ(what.find("num_doors, "), std::string::npos) << "the valid names stay the base's own: " << what;

  what = covet::test::error_message<covet::FieldError>([&] { db().objects<Car>().filter("top_speed__gt", 1); });
  EXPECT_NE(what.find("top_speed is a field of SportsCar, not of Car: query db.objects<SportsCar>()"),
            std::string::npos)
      << what;
  what = covet::test::error_message<covet::FieldError>([&] { db().objects<Vehicle>().order_by("owner__name"); });
  EXPECT_NE(what.find("owner is a field of Car, not of Vehicle"), std::string::npos) << what;
  what = covet::test::error_message<covet::FieldError>([&] { db().objects<Garage>().filter("vehicles__has_sidecar", true); });
  EXPECT_NE(what.find("has_sidecar is a field of Motorcycle, not of Vehicle: query db.objects<Motorcycle>()"),
            std::string::npos)
      << what;
}

// --- relations to and from subclasses ------------------------------------

TEST_P(SingleTableReadTest, TheReverseOfASubclassForeignKeyYieldsOnlyItsRows) {
  // A row of another identity holding Ann's key in Car's column: not a car.
  db().execute("INSERT INTO inh_sti_vehicle (make, wheels, vehicle_type, owner_id) VALUES ('Stray', 2, "
               "'motorcycle', " + std::to_string(ann.id.value()) + ")");
  EXPECT_EQ(makes(db().related(ann, &Car::owner).fetch()), (std::vector<std::string>{"Audi", "Ferrari"}));
  EXPECT_EQ(db().related(ann, &Car::owner).count(), 2);
  Person loaded = db().objects<Person>().get("name", "Ann");
  EXPECT_EQ(makes(loaded.cars.fetch()), (std::vector<std::string>{"Audi", "Ferrari"}));
  EXPECT_EQ(db().objects<Person>().filter("cars__make", "Stray").count(), 0);
  EXPECT_EQ(db().objects<Person>().filter("cars__num_doors", 2).count(), 2) << "Ann (Ferrari) and Bob (Fiat)";
}

TEST_P(SingleTableReadTest, PrefetchOfTheReverseOfASubclassForeignKeyYieldsOnlyItsRows) {
  db().execute("INSERT INTO inh_sti_vehicle (make, wheels, vehicle_type, owner_id) VALUES ('Stray', 2, "
               "'motorcycle', " + std::to_string(ann.id.value()) + ")");
  std::vector<Person> people;
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] { people = db().objects<Person>().order_by("name").prefetch_related("cars").fetch(); });
  ASSERT_EQ(people.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(makes(people[0].cars.fetch()), (std::vector<std::string>{"Audi", "Ferrari"}));
    EXPECT_EQ(makes(people[1].cars.fetch()), (std::vector<std::string>{"Fiat"}));
  });
}

TEST_P(SingleTableReadTest, AReverseOneToOneToASubclassJoinsOnlyItsRows) {
  // Ann has no motorcycle; a car row holds her key in Motorcycle's column.
  db().execute("UPDATE inh_sti_vehicle SET rider_id = " + std::to_string(ann.id.value()) + " WHERE make = 'Audi'");
  EXPECT_EQ(db().objects<Person>().filter("motorcycle__isnull", false).count(), 1) << "Bob only";
  // The join's identity comes before the WHERE's values in the text: the
  // parameters must follow on SQLite's positional placeholders.
  EXPECT_EQ(db().objects<Person>().filter("name", "Bob").filter("motorcycle__has_sidecar", true).count(), 1);
  EXPECT_EQ(db().objects<Person>().filter("name", "Ann").filter("motorcycle__make", "Audi").count(), 0);
  std::vector<Person> people;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { people = db().objects<Person>().select_related("motorcycle").order_by("name").fetch(); });
  ASSERT_EQ(people.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_FALSE(people[0].motorcycle.exists()) << "Ann's 'motorcycle' row is a car";
    EXPECT_EQ(people[1].motorcycle.get().make, "Ducati");
  });
}

TEST_P(SingleTableReadTest, AForeignKeyToASubclassLoadsItsModel) {
  Ticket t = db().create(Ticket{.reason = "speeding", .car = ferrari});
  Ticket loaded = db().objects<Ticket>().get("pk", t.id);
  EXPECT_EQ(loaded.car.get().make, "Ferrari");
  EXPECT_EQ(db().objects<Ticket>().filter("car__num_doors", 2).count(), 1);
  EXPECT_EQ(db().objects<Ticket>().filter("car__owner__name", "Ann").count(), 1);
  std::vector<Ticket> tickets;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { tickets = db().objects<Ticket>().select_related("car__owner").fetch(); });
  ASSERT_EQ(tickets.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] { EXPECT_EQ(tickets[0].car.get().owner.get().name, "Ann"); });
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] { tickets = db().objects<Ticket>().prefetch_related("car").fetch(); });
  EXPECT_EQ(tickets.at(0).car.get().num_doors, 2);
}

TEST_P(SingleTableReadTest, SelectRelatedFollowsAnInheritedRelation) {
  std::vector<Car> cars;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { cars = db().objects<Car>().filter("make", "Audi").select_related("garage", "owner").fetch(); });
  ASSERT_EQ(cars.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(cars[0].garage->get().name, "North");
    EXPECT_EQ(cars[0].owner.get().name, "Ann");
  });
}

TEST_P(SingleTableReadTest, PrefetchFollowsInheritedReverseRelations) {
  db().create(Trip{.km = 10, .vehicle = ferrari});
  db().create(Trip{.km = 20, .vehicle = ferrari});
  db().create(Ticket{.reason = "parking", .car = ferrari});
  std::vector<SportsCar> cars;
  COVET_EXPECT_NUM_QUERIES(db(), 3, [&] { cars = db().objects<SportsCar>().prefetch_related("trips", "tickets").fetch(); });
  ASSERT_EQ(cars.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(cars[0].tickets.fetch().size(), 1u);
    EXPECT_EQ(cars[0].trips.fetch().size(), 2u);
  });
  EXPECT_EQ(db().related(ferrari, &Trip::vehicle).count(), 2) << "a SportsCar is a Vehicle";
  EXPECT_EQ(db().related(ferrari, &Ticket::car).count(), 1) << "a SportsCar is a Car";
}

TEST_P(SingleTableReadTest, AnInheritedReverseMemberIsBound) {
  db().create(Ticket{.reason = "parking", .car = ferrari});
  SportsCar loaded = db().objects<SportsCar>().get("pk", ferrari.id);
  EXPECT_EQ(loaded.tickets.count(), 1) << "SportsCar::tickets mirrors Car's reverse side";
  EXPECT_EQ(loaded.tickets.fetch().at(0).reason, "parking");
}

TEST_P(SingleTableReadTest, TheReverseManagerOfASubclassKeyClearsOnlyItsRows) {
  SportsCar sponsored = ferrari;
  sponsored.sponsor = bob;
  db().save(sponsored);
  // A car row (not a sports car) holding Bob's key in SportsCar's column.
  db().execute("UPDATE inh_sti_vehicle SET sponsor_id = " + std::to_string(bob.id.value()) + " WHERE make = 'Fiat'");
  EXPECT_EQ(db().related(bob, &SportsCar::sponsor).count(), 1);
  db().related(bob, &SportsCar::sponsor).clear();
  EXPECT_EQ(db().related(bob, &SportsCar::sponsor).count(), 0);
  EXPECT_EQ(db().query("SELECT COUNT(*) FROM inh_sti_vehicle WHERE sponsor_id IS NOT NULL").at(0).at(0).as_integer(), 1)
      << "the Fiat row is no SportsCar: clear() leaves it";
}

// --- cascades -------------------------------------------------------------

TEST_P(SingleTableReadTest, ErasingAPersonCascadesToTheirCars) {
  db().create(Ticket{.reason = "speeding", .car = audi});
  db().create(Trip{.km = 5, .vehicle = ferrari});
  covet::DeleteResult result = db().erase(ann);
  EXPECT_EQ(result.per_model["Person"], 1);
  EXPECT_EQ(result.per_model["Car"], 2) << "the Audi and the Ferrari";
  EXPECT_EQ(result.per_model["Ticket"], 1);
  EXPECT_EQ(result.per_model["Trip"], 1);
  EXPECT_EQ(makes(db().objects<Vehicle>()), (std::vector<std::string>{"Cart", "Ducati", "Fiat"}));
}

TEST_P(SingleTableReadTest, ErasingACarCascadesToWhatReferencesItOrItsParent) {
  db().create(Ticket{.reason = "speeding", .car = audi});
  db().create(Trip{.km = 5, .vehicle = audi});
  db().create(Ticket{.reason = "parking", .car = fiat});
  covet::DeleteResult result = db().erase(audi);
  EXPECT_EQ(result.total, 3);
  EXPECT_EQ(rows("inh_sti_ticket"), 1);
  EXPECT_EQ(rows("inh_sti_trip"), 0);
}

TEST_P(SingleTableReadTest, ErasingVehiclesReachesTheRelationsToTheirSubclasses) {
  db().create(Ticket{.reason = "speeding", .car = ferrari});
  db().create(Trip{.km = 5, .vehicle = ferrari});
  covet::DeleteResult result = db().objects<Vehicle>().filter("make", "Ferrari").erase();
  EXPECT_EQ(result.per_model["Vehicle"], 1);
  EXPECT_EQ(result.per_model["Ticket"], 1) << "a Ticket's Ref<Car> points at the Vehicle row";
  EXPECT_EQ(result.per_model["Trip"], 1);
  EXPECT_EQ(db().objects<Car>().count(), 2);
}

TEST_P(SingleTableReadTest, ErasingAGarageSetsNullOnItsVehiclesOfEveryModel) {
  db().erase(garage);
  EXPECT_FALSE(db().objects<Car>().get("pk", audi.id).garage.has_value());
  EXPECT_FALSE(db().objects<Motorcycle>().get("pk", ducati.id).garage.has_value());
}

TEST_P(SingleTableReadTest, ErasingAPersonSetsNullOnTheirSubclassOneToOne) {
  db().erase(bob);  // Bob's Fiat cascades; his Ducati loses its rider
  EXPECT_FALSE(db().objects<Motorcycle>().get("pk", ducati.id).rider.has_value());
  EXPECT_EQ(makes(db().objects<Car>()), (std::vector<std::string>{"Audi", "Ferrari"}));
}

// --- rows that do not fit their model --------------------------------------

TEST_P(SingleTableReadTest, ANullInANonOptionalSubclassColumnIsANullSubclassField) {
  db().execute("UPDATE inh_sti_vehicle SET num_doors = NULL WHERE make = 'Fiat'");
  try {
    db().objects<Car>().get("pk", fiat.id);
    FAIL() << "expected NullSubclassField";
  } catch (const covet::NullSubclassField& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.model(), "Car");
    EXPECT_EQ(e.field(), "num_doors");
    EXPECT_EQ(e.key(), covet::Value(fiat.id.value()));
    EXPECT_NE(what.find("Car with id " + std::to_string(fiat.id.value())), std::string::npos) << what;
    EXPECT_NE(what.find("column 'num_doors'"), std::string::npos) << what;
    EXPECT_NE(what.find("vehicle_type one of 'car', 'sportscar'"), std::string::npos) << what;
    EXPECT_NE(what.find("std::optional"), std::string::npos) << "says what to do: " << what;
  }
  EXPECT_THROW(db().objects<Car>().fetch(), covet::DataError);
  EXPECT_EQ(db().objects<Vehicle>().count(), 5) << "the base has no such member: its rows load";
  EXPECT_NO_THROW(db().objects<Vehicle>().fetch());
}

TEST_P(SingleTableReadTest, APolymorphicLoadNamesTheRowsIdentityInANullSubclassField) {
  db().execute("UPDATE inh_sti_vehicle SET top_speed = NULL WHERE make = 'Ferrari'");
  try {
    db().objects<Vehicle>().polymorphic<Car, SportsCar, Motorcycle>();
    FAIL() << "expected NullSubclassField";
  } catch (const covet::NullSubclassField& e) {
    EXPECT_EQ(e.identity(), "sportscar");
    EXPECT_EQ(e.model(), "SportsCar");
    EXPECT_NE(std::string(e.what()).find("(vehicle_type 'sportscar') has NULL in column 'top_speed'"),
              std::string::npos)
        << e.what();
  }
}

TEST_P(SingleTableReadTest, AnUnknownIdentityFailsAPolymorphicLoadButNotAPlainOne) {
  db().execute("INSERT INTO inh_sti_vehicle (make, wheels, vehicle_type) VALUES ('Truck', 6, 'truck')");
  EXPECT_EQ(db().objects<Vehicle>().count(), 6);
  EXPECT_EQ(makes(db().objects<Vehicle>().filter("wheels", 6)), (std::vector<std::string>{"Truck"}))
      << "a plain load of the root loads every row as the root";
  EXPECT_EQ(db().objects<Car>().count(), 3) << "a subclass query never meets it";
  try {
    db().objects<Vehicle>().polymorphic<Car, SportsCar, Motorcycle>();
    FAIL() << "expected UnknownIdentity";
  } catch (const covet::UnknownIdentity& e) {
    EXPECT_EQ(e.identity(), "truck");
    EXPECT_EQ(e.known_identities(), (std::vector<std::string>{"car", "motorcycle", "sportscar", "vehicle"}));
    const std::string what = e.what();
    EXPECT_NE(what.find("vehicle_type 'truck'"), std::string::npos) << what;
    EXPECT_NE(what.find("known: 'car', 'motorcycle', 'sportscar', 'vehicle'"), std::string::npos) << what;
    EXPECT_NE(what.find("polymorphic_identity(\"truck\")"), std::string::npos) << "says what to do: " << what;
  }
}

// --- polymorphic loads -----------------------------------------------------

using AnyVehicle = std::variant<Vehicle, Car, SportsCar, Motorcycle>;

template <class... Ts>
std::string make_of(const std::variant<Ts...>& row) {
  return std::visit([](const auto& v) { return v.make; }, row);
}

TEST_P(SingleTableReadTest, APolymorphicLoadBuildsEachRowAsItsMostDerivedModelInOneQuery) {
  std::vector<AnyVehicle> rows;
  COVET_EXPECT_NUM_QUERIES(db(), 1, ([&] {
    rows = db().objects<Vehicle>().order_by("make").polymorphic<Car, SportsCar, Motorcycle>();
  }));
  ASSERT_EQ(rows.size(), 5u);
  // Audi, Cart, Ducati, Ferrari, Fiat
  ASSERT_TRUE(std::holds_alternative<Car>(rows[0]));
  EXPECT_EQ(std::get<Car>(rows[0]).num_doors, 4);
  EXPECT_EQ(std::get<Car>(rows[0]).owner.id(), ann.id);
  ASSERT_TRUE(std::holds_alternative<Vehicle>(rows[1]));
  EXPECT_EQ(std::get<Vehicle>(rows[1]).wheels, 2);
  ASSERT_TRUE(std::holds_alternative<Motorcycle>(rows[2]));
  EXPECT_TRUE(std::get<Motorcycle>(rows[2]).has_sidecar);
  ASSERT_TRUE(std::holds_alternative<SportsCar>(rows[3]));
  EXPECT_EQ(std::get<SportsCar>(rows[3]).top_speed, 320);
  EXPECT_EQ(std::get<SportsCar>(rows[3]).num_doors, 2) << "its Car columns too";
  ASSERT_TRUE(std::holds_alternative<Car>(rows[4]));
  // The objects are bound: their relations load.
  EXPECT_EQ(std::get<Car>(rows[4]).owner.get().name, "Bob");
}

TEST_P(SingleTableReadTest, APolymorphicLoadTakesFiltersOrderAndSlices) {
  auto rows =  // any order of the list: the variant's order follows it
      db().objects<Vehicle>().filter("wheels", 4).exclude("make", "Fiat").order_by("-make").polymorphic<Car, Motorcycle, SportsCar>();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(make_of(rows[0]), "Ferrari");
  EXPECT_EQ(make_of(rows[1]), "Audi");
  auto sliced = db().objects<Vehicle>().order_by("make").slice(1, 3).polymorphic<SportsCar, Car, Motorcycle>();
  ASSERT_EQ(sliced.size(), 2u);
  EXPECT_EQ(make_of(sliced[0]), "Cart");
  EXPECT_TRUE(std::holds_alternative<Motorcycle>(sliced[1]));
  auto in_garage = db().objects<Vehicle>().filter("garage__name", "North").order_by("make").polymorphic<Car, SportsCar, Motorcycle>();
  ASSERT_EQ(in_garage.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<Car>(in_garage[0]));
  EXPECT_TRUE(std::holds_alternative<Motorcycle>(in_garage[1]));
}

TEST_P(SingleTableReadTest, APolymorphicLoadOfASubclassLoadsItsRowsOnly) {
  std::vector<std::variant<Car, SportsCar>> rows;
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { rows = db().objects<Car>().order_by("make").polymorphic<SportsCar>(); });
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<Car>(rows[0]));
  EXPECT_TRUE(std::holds_alternative<SportsCar>(rows[1]));
  EXPECT_TRUE(std::holds_alternative<Car>(rows[2]));
  auto leaves = db().objects<SportsCar>().polymorphic<>();
  ASSERT_EQ(leaves.size(), 1u);
  EXPECT_EQ(std::get<SportsCar>(leaves[0]).top_speed, 320);
}

TEST_P(SingleTableReadTest, APolymorphicLoadTakesSelectRelated) {
  std::vector<AnyVehicle> rows;
  COVET_EXPECT_NUM_QUERIES(db(), 1, ([&] {
    rows = db().objects<Vehicle>().select_related("garage").order_by("make").polymorphic<Car, SportsCar, Motorcycle>();
  }));
  ASSERT_EQ(rows.size(), 5u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(std::get<Car>(rows[0]).garage->get().name, "North");
    EXPECT_EQ(std::get<Motorcycle>(rows[2]).garage->get().name, "North");
  });
}

TEST_P(SingleTableReadTest, APolymorphicLoadPrefetchesTheQueriedModelsRelations) {
  db().create(Trip{.km = 1, .vehicle = ducati});
  db().create(Trip{.km = 2, .vehicle = ferrari});
  db().create(Trip{.km = 3, .vehicle = ferrari});
  std::vector<AnyVehicle> rows;
  COVET_EXPECT_NUM_QUERIES(db(), 2, ([&] {
    rows = db().objects<Vehicle>().order_by("make").prefetch_related("trips").polymorphic<Car, SportsCar, Motorcycle>();
  }));
  ASSERT_EQ(rows.size(), 5u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(std::get<SportsCar>(rows[3]).trips.fetch().size(), 2u);
    EXPECT_EQ(std::get<Motorcycle>(rows[2]).trips.fetch().size(), 1u);
    EXPECT_EQ(std::get<Vehicle>(rows[1]).trips.fetch().size(), 0u);
  });
}

TEST_P(SingleTableReadTest, APolymorphicLoadMakesTheRowsOfEachModelPeersWhenAutoPrefetching) {
  db().set_loading(covet::Loading::AutoPrefetch);
  std::vector<AnyVehicle> rows = db().objects<Vehicle>().order_by("make").polymorphic<Car, SportsCar, Motorcycle>();
  ASSERT_EQ(rows.size(), 5u);
  // The Audi's owner loads the owners of every Car row (the Audi, the Fiat).
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] {
    EXPECT_EQ(std::get<Car>(rows[0]).owner.get().name, "Ann");
    EXPECT_EQ(std::get<Car>(rows[4]).owner.get().name, "Bob");
  });
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(std::get<SportsCar>(rows[3]).owner.get().name, "Ann"); });
}

TEST_P(SingleTableReadTest, APolymorphicLoadListsExactlyTheConcreteSubclasses) {
  covet::QueryCounter counter(db());
  std::string what = covet::test::error_message<covet::UsageError>([&] { db().objects<Vehicle>().polymorphic<Car, Motorcycle>(); });
  EXPECT_NE(what.find("must list exactly the concrete models below Vehicle (Car, Motorcycle, SportsCar)"),
            std::string::npos)
      << what;
  EXPECT_NE(what.find("missing: SportsCar"), std::string::npos) << what;
  what = covet::test::error_message<covet::UsageError>(
      [&] { db().objects<Car>().polymorphic<SportsCar, Motorcycle, Person>(); });
  EXPECT_NE(what.find("extra: Motorcycle (not a model below Car), Person (not a model below Car)"),
            std::string::npos)
      << what;
  what = covet::test::error_message<covet::UsageError>([&] { db().objects<Car>().polymorphic<SportsCar, SportsCar>(); });
  EXPECT_NE(what.find("listed twice: SportsCar"), std::string::npos) << what;
  what = covet::test::error_message<covet::UsageError>([&] { db().objects<SportsCar>().polymorphic<Car>(); });
  EXPECT_NE(what.find("(there are none)"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u) << "refused before any query";
}

TEST_P(SingleTableReadTest, APolymorphicLoadOfAModelOutsideAHierarchyLoadsItsRows) {
  auto people = db().objects<Person>().order_by("name").polymorphic<>();
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(std::get<Person>(people[1]).name, "Bob");
}

}  // namespace

COVET_INSTANTIATE_BACKENDS(SingleTableTest);
COVET_INSTANTIATE_BACKENDS(SingleTableReadTest);

// The inheritance example: the guide's four strategies doing real work --
// Animal/Dog/Cat (an abstract base whose relation each child shares, with
// "{model}" reverse names), Vehicle/Car/Motorcycle (one table, loaded
// polymorphically), Person/Employee/Customer (multi-table: child rows, the
// parent's child, keep_parents) and Person/Adult (a proxy's static function
// and default ordering) -- on an in-memory SQLite database (pass another URL
// as the first argument, e.g. "postgresql:///mydb"). Each step checks its
// result; the program exits with 1 when one is wrong.
#include "models.hpp"

#include <covet/covet.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace {

int failed_checks = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++failed_checks;
    std::cout << "  CHECK FAILED: " << what << '\n';
  }
}

std::string deleted(const covet::DeleteResult& r) {
  std::string out;
  for (const auto& [model, n] : r.per_model) out += (out.empty() ? "" : ", ") + model + " " + std::to_string(n);
  return "{" + out + "}";
}

std::int64_t rows_in(covet::Database& db, const std::string& table) {
  return db.query("SELECT COUNT(*) FROM " + table).at(0).at(0).as_integer();
}

template <class R>
std::string names(const R& objects) {
  std::string out;
  for (const auto& o : objects) out += (out.empty() ? "" : ", ") + o.name;
  return "[" + out + "]";
}

// The most-derived model of a polymorphic row, by its C++ type.
template <class Base, class... Derived>
std::string model_of(const std::variant<Base, Derived...>& row) {
  return std::visit([](const auto& object) { return covet::model_info<std::decay_t<decltype(object)>>().name; },
                    row);
}

void abstract_base(covet::Database& db) {
  using namespace zoo;
  std::cout << "abstract base Animal (covet::abstract):\n";
  const covet::ModelInfo& animal = covet::model_info<Animal>();
  std::cout << "  Animal has no table; its concrete models:";
  for (const covet::ModelInfo* child : animal.children) std::cout << ' ' << child->name << " (" << child->table << ')';
  std::cout << '\n';
  check(animal.abstract && animal.table.empty() && animal.children.size() == 2, "Animal is abstract, two children");

  Keeper ann = db.create(Keeper{.name = "Ann"});
  Keeper bob = db.create(Keeper{.name = "Bob"});
  Dog rex;
  rex.name = "Rex";
  rex.age = 3;
  rex.breed = "Collie";
  rex.owner = ann;
  rex = db.create(rex);
  Dog fido;
  fido.name = "Fido";
  fido.age = 11;
  fido.breed = "Beagle";
  fido.owner = bob;
  db.create(fido);
  Cat tom;
  tom.name = "Tom";
  tom.age = 5;
  tom.indoor = true;
  tom.owner = ann;
  db.create(tom);

  auto young_dogs = db.objects<Dog>().filter("age__lt", 10).fetch();
  auto indoor_cats = db.objects<Cat>().filter("indoor", true).count();
  std::cout << "  dogs under 10: " << names(young_dogs) << "; indoor cats: " << indoor_cats << '\n';
  check(young_dogs.size() == 1 && young_dogs[0].breed == "Collie" && indoor_cats == 1, "the children's own tables");

  // The base's relation, once per child: Keeper gets "dogs" / "cats" and the
  // query names "dog" / "cat" from related_name("{model}s").
  auto collie_keepers = db.objects<Keeper>().filter("dog__breed", "Collie").fetch();
  auto cat_keepers = db.objects<Keeper>().filter("cat__isnull", false).fetch();
  std::cout << "  keepers of a collie (dog__breed): " << names(collie_keepers)
            << "; keepers of a cat (cat__isnull): " << names(cat_keepers) << '\n';
  check(collie_keepers.size() == 1 && collie_keepers[0].name == "Ann", "dog__breed");
  check(cat_keepers.size() == 1 && cat_keepers[0].name == "Ann", "cat__isnull");

  std::cout << "  ann.dogs: " << names(ann.dogs.all()) << ", ann.cats: " << names(ann.cats.all())
            << ", db.related<Cat>(bob, &Cat::owner): " << db.related<Cat>(bob, &Cat::owner).count() << " cat(s)\n";
  check(ann.dogs.count() == 1 && ann.cats.count() == 1 && db.related<Cat>(bob, &Cat::owner).count() == 0,
        "the reverse managers");

  std::vector<Keeper> keepers;
  std::size_t statements = 0;
  {
    covet::QueryCounter counter(db);
    keepers = db.objects<Keeper>().prefetch_related("dogs", "cats").order_by("name").fetch();
    for (const Keeper& k : keepers) {
      k.dogs.all().fetch();  // from the prefetch cache: no statement
      k.cats.all().fetch();
    }
    statements = counter.count();
  }
  std::cout << "  prefetch_related(\"dogs\", \"cats\"): " << statements << " statements for " << keepers.size()
            << " keepers and their animals\n";
  check(statements == 3 && keepers.size() == 2 && keepers[1].dogs.all().fetch().at(0).name == "Fido",
        "prefetch of both reverse sides");

  covet::DeleteResult gone = db.erase(ann);  // CASCADE, through each child's copy of the relation
  std::cout << "  erase(Ann) deleted " << deleted(gone) << '\n';
  check(gone.count("Keeper") == 1 && gone.count("Dog") == 1 && gone.count("Cat") == 1 && gone.total == 3,
        "the cascade reaches both children");
}

void single_table(covet::Database& db) {
  using namespace garage;
  std::cout << "single-table Vehicle (covet::polymorphic_on(\"vehicle_type\")):\n";
  Car tesla;
  tesla.model_name = "Tesla Model 3";
  tesla.year = 2024;
  tesla.num_doors = 4;
  db.create(tesla);
  Motorcycle ural;
  ural.model_name = "Ural Gear Up";
  ural.year = 2019;
  ural.has_sidecar = true;
  db.create(ural);
  Vehicle cart;
  cart.model_name = "Hand cart";
  cart.year = 1950;
  db.create(cart);

  std::cout << "  rows of inh_ex_vehicle:";
  std::vector<std::string> identities;
  for (const auto& row : db.query("SELECT model_name, vehicle_type FROM inh_ex_vehicle ORDER BY id")) {
    std::cout << " [" << row.at(0).as_text() << ": " << row.at(1).as_text() << ']';
    identities.push_back(row.at(1).as_text());
  }
  std::cout << '\n';
  check(identities == std::vector<std::string>{"car", "motorcycle", "vehicle"}, "create() writes the identity");

  const auto vehicles = db.objects<Vehicle>().count();
  const auto cars = db.objects<Car>().count();
  const auto recent_cars = db.objects<Car>().filter("year__gte", 2020).count();
  std::cout << "  vehicles " << vehicles << ", cars " << cars << " (vehicle_type = 'car'), cars since 2020 "
            << recent_cars << '\n';
  check(vehicles == 3 && cars == 1 && recent_cars == 1, "the counts by identity");

  std::vector<std::variant<Vehicle, Car, Motorcycle>> rows;
  std::size_t statements = 0;
  {
    covet::QueryCounter counter(db);
    rows = db.objects<Vehicle>().order_by("year").polymorphic<Car, Motorcycle>();
    statements = counter.count();
  }
  std::cout << "  polymorphic<Car, Motorcycle>() by year, " << statements << " statement:\n";
  std::vector<std::string> models;
  for (const auto& row : rows) {
    models.push_back(model_of(row));
    std::visit(
        [](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          std::cout << "    " << covet::model_info<T>().name << ' ' << v.model_name << " (" << v.year << ')';
          if constexpr (std::is_same_v<T, Car>) std::cout << ", " << v.num_doors << " doors";
          if constexpr (std::is_same_v<T, Motorcycle>) std::cout << (v.has_sidecar ? ", with a sidecar" : "");
          std::cout << '\n';
        },
        row);
  }
  check(statements == 1 && models == std::vector<std::string>{"Vehicle", "Motorcycle", "Car"},
        "one query, each row as its most-derived model");
  check(std::get<Car>(rows.at(2)).num_doors == 4 && std::get<Motorcycle>(rows.at(1)).has_sidecar,
        "the subclass columns");

  try {
    // Built at run time: the plugin rejects a literal lookup it cannot resolve.
    const std::string lookup = std::string("num_") + "doors";
    db.objects<Vehicle>().filter(lookup, 4).count();
    check(false, "a subclass field on the base is a FieldError");
  } catch (const covet::FieldError& e) {
    std::cout << "  a Car field on a Vehicle query: FieldError: " << e.what() << '\n';
  }
}

void multi_table(covet::Database& db) {
  using namespace staff;
  std::cout << "multi-table Person (covet::multi_table):\n";
  Employee alice;
  alice.name = "Alice";
  alice.email = "alice@example.com";
  alice.employee_id = "EMP001";
  alice.department = "Engineering";
  std::size_t statements = 0;
  {
    covet::QueryCounter counter(db);
    alice = db.create(alice);
    statements = counter.count();
  }
  std::cout << "  create(Employee Alice): " << statements
            << " statements (BEGIN, INSERT inh_ex_person, INSERT inh_ex_employee, COMMIT)\n";
  check(statements == 4 && alice.id != 0, "the child create writes both tables in one transaction");
  Customer bob;
  bob.name = "Bob";
  bob.email = "bob@example.com";
  bob.customer_since = std::chrono::sys_days{std::chrono::year{2020} / 1 / 15};
  bob.loyalty_points = 120;
  bob = db.create(bob);
  db.create(Person{.name = "Carol", .email = "carol@example.com"});

  std::cout << "  rows: inh_ex_person " << rows_in(db, "inh_ex_person") << ", inh_ex_employee "
            << rows_in(db, "inh_ex_employee") << ", inh_ex_customer " << rows_in(db, "inh_ex_customer") << '\n';
  check(rows_in(db, "inh_ex_person") == 3 && rows_in(db, "inh_ex_employee") == 1 &&
            rows_in(db, "inh_ex_customer") == 1,
        "one person row per object, one child row per child");

  // A child query sees the parent's fields (one JOIN); a parent query sees
  // the child's through its one-to-one query name.
  Employee found = db.objects<Employee>().get("email", "alice@example.com");
  Customer loyal = db.objects<Customer>().get("loyalty_points__gte", 100);
  const auto engineers = db.objects<Person>().filter("employee__department", "Engineering").count();
  std::cout << "  Employee by email: " << found.name << " (" << found.employee_id << ", " << found.department
            << "); Customer with 100+ points: " << loyal.name << "; people in Engineering: " << engineers << '\n';
  check(found.id == alice.id && found.department == "Engineering", "child query, parent field");
  check(loyal.customer_since == bob.customer_since && engineers == 1, "child fields from both sides");

  Person alice_person = db.objects<Person>().get("name", "Alice");
  Person carol = db.objects<Person>().get("name", "Carol");
  Employee as_employee = db.child<Employee>(alice_person);
  const bool alice_is_customer = db.find_child<Customer>(alice_person).has_value();
  std::cout << "  db.child<Employee>(Alice the person): " << as_employee.employee_id
            << "; find_child<Customer>: " << (alice_is_customer ? "a customer" : "none") << '\n';
  check(as_employee.employee_id == "EMP001" && !alice_is_customer, "parent -> child");
  try {
    db.child<Employee>(carol);
    check(false, "Carol is no employee");
  } catch (const covet::DoesNotExist& e) {
    std::cout << "  db.child<Employee>(Carol): DoesNotExist: " << e.what() << '\n';
  }

  std::vector<std::variant<Person, Employee, Customer>> people;
  {
    covet::QueryCounter counter(db);
    people = db.objects<Person>().order_by("name").polymorphic<Employee, Customer>();
    statements = counter.count();
  }
  std::cout << "  polymorphic<Employee, Customer>() by name, " << statements << " statement (LEFT JOINs):\n";
  std::vector<std::string> models;
  for (const auto& row : people) {
    models.push_back(model_of(row));
    std::visit([&](const auto& p) { std::cout << "    " << p.name << ": " << models.back() << '\n'; }, row);
  }
  check(statements == 1 && models == std::vector<std::string>{"Employee", "Customer", "Person"},
        "one query, each row as its most-derived model");

  covet::DeleteResult only_child = db.erase(alice, covet::keep_parents);
  std::cout << "  erase(Alice, keep_parents) deleted " << deleted(only_child) << "; Alice is still a person: "
            << std::boolalpha << db.objects<Person>().filter("name", "Alice").exists() << '\n';
  check(only_child.total == 1 && only_child.count("Employee") == 1 &&
            db.objects<Person>().filter("name", "Alice").exists() && !db.find_child<Employee>(alice_person),
        "keep_parents deletes the child row only");
  covet::DeleteResult both = db.erase(bob);
  std::cout << "  erase(Bob) deleted " << deleted(both) << '\n';
  check(both.count("Customer") == 1 && both.count("Person") == 1 && rows_in(db, "inh_ex_customer") == 0 &&
            rows_in(db, "inh_ex_person") == 2,
        "erase of a child deletes its parent row too");
}

void proxy(covet::Database& db) {
  using namespace census;
  std::cout << "proxy Adult (covet::proxy, covet::ordering(\"name\")):\n";
  for (const auto& [name, age] : {std::pair{"Zoe", 34}, std::pair{"Max", 12}, std::pair{"Ann", 19}})
    db.create(Person{.name = name, .age = age});
  Adult bea = db.create(Adult{{.name = "Bea", .age = 40}});  // a row of Person's table

  const covet::ModelInfo& adult = covet::model_info<Adult>();
  std::cout << "  Adult's table: " << adult.table << " (Person's: " << covet::model_info<Person>().table << ")\n";
  check(adult.table == covet::model_info<Person>().table && adult.concrete_model == &covet::model_info<Person>(),
        "the proxy shares its parent's table");

  std::vector<Adult> adults;
  std::string sql;
  {
    covet::QueryCounter counter(db);
    adults = Adult::get_adults(db).fetch();
    sql = counter.entries().at(0).sql;
  }
  auto people = db.objects<Person>().order_by("id").fetch();
  std::cout << "  Adult::get_adults(db): " << names(adults) << "\n    " << sql << '\n';
  std::cout << "  every Person, by id: " << names(people) << "; db.objects<Adult>().count(): "
            << db.objects<Adult>().count() << '\n';
  check(names(adults) == "[Ann, Bea, Zoe]", "get_adults: age >= 18, the proxy's ordering by name");
  check(names(people) == "[Zoe, Max, Ann, Bea]" && db.objects<Adult>().count() == 4,
        "the proxy's queries read every row of the table");

  Adult zoe = db.objects<Adult>().get("name", "Zoe");
  zoe.age = 35;
  db.save(zoe);
  covet::DeleteResult gone = db.erase(bea);
  std::cout << "  save(Zoe as an Adult): Person Zoe is " << db.objects<Person>().get("name", "Zoe").age
            << "; erase(Bea) deleted " << deleted(gone) << '\n';
  check(db.objects<Person>().get("name", "Zoe").age == 35 && gone.count("Adult") == 1 &&
            db.objects<Person>().count() == 3,
        "writes of the proxy are writes of the parent's rows");
}

}  // namespace

int main(int argc, char** argv) try {
  const std::string url = argc > 1 ? argv[1] : "sqlite::memory:";
  covet::Database db = covet::connect(url);
  std::cout << "connected to " << db.backend() << " (" << url << ")\n";
  db.drop_all();  // the example's own tables, left by an earlier run on this database
  db.create_all();
  std::cout << "created inh_ex_keeper, inh_ex_dog, inh_ex_cat, inh_ex_vehicle, inh_ex_person, inh_ex_employee, "
               "inh_ex_customer, inh_ex_census_person\n";
  abstract_base(db);
  single_table(db);
  multi_table(db);
  proxy(db);
  if (failed_checks != 0) {
    std::cout << failed_checks << " check(s) failed\n";
    return 1;
  }
  std::cout << "every check passed\n";
  return 0;
} catch (const covet::Error& e) {
  std::cerr << "covet error: " << e.what() << '\n';
  return 1;
}

// The guide's "Polymorphic Models" chapter, one hierarchy per strategy:
// Animal/Dog/Cat (abstract base), Vehicle/Car/Motorcycle (single table),
// Person/Employee/Customer (multi-table) and Person/Adult (proxy). Table
// names carry an "inh_ex_" prefix so the example can share a database with
// other programs.
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <string>

namespace zoo {

struct Dog;
struct Cat;

struct [[covet::model("inh_ex_keeper")]] Keeper {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  covet::ReverseSet<Dog> dogs;  // the reverse of Dog::owner: "{model}s" for Dog
  covet::ReverseSet<Cat> cats;  // and for Cat
};

// Abstract base: no table; Dog and Cat each get its columns and its relation.
// The relation's reverse names hold "{model}", the concrete model's
// lower-case name, so each child's reverse side has a name of its own.
struct [[covet::model, covet::abstract]] Animal {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  int age = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("{model}s"), covet::related_query_name("{model}")]]
  covet::Ref<Keeper> owner;
};

struct [[covet::model("inh_ex_dog")]] Dog : Animal {
  [[covet::max_length(50)]] std::string breed;
};

struct [[covet::model("inh_ex_cat")]] Cat : Animal {
  bool indoor = false;
};

}  // namespace zoo

namespace garage {

// Single-table inheritance: one table, inh_ex_vehicle, with a vehicle_type
// column that create() fills with the model's identity.
struct [[covet::model("inh_ex_vehicle"), covet::polymorphic_on("vehicle_type"),
         covet::polymorphic_identity("vehicle")]] Vehicle {
  covet::Id id;
  [[covet::max_length(100)]] std::string model_name;
  int year = 0;
};

struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {
  int num_doors = 0;
};

struct [[covet::model, covet::polymorphic_identity("motorcycle")]] Motorcycle : Vehicle {
  bool has_sidecar = false;
};

}  // namespace garage

namespace staff {

// Multi-table inheritance: inh_ex_person, and inh_ex_employee /
// inh_ex_customer keyed by person_ptr_id, a foreign key to the person's id.
struct [[covet::model("inh_ex_person"), covet::multi_table]] Person {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::max_length(254)]] std::string email;
};

struct [[covet::model("inh_ex_employee")]] Employee : Person {
  [[covet::max_length(20)]] std::string employee_id;
  [[covet::max_length(50)]] std::string department;
};

struct [[covet::model("inh_ex_customer")]] Customer : Person {
  std::chrono::sys_seconds customer_since{};
  int loyalty_points = 0;
};

}  // namespace staff

namespace census {

struct [[covet::model("inh_ex_census_person")]] Person {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  int age = 0;
};

// Proxy: Person's table and rows, its own static function and ordering.
struct [[covet::model, covet::proxy, covet::ordering("name")]] Adult : Person {
  static covet::QuerySet<Adult> get_adults(covet::Database& db) { return db.objects<Adult>().filter("age__gte", 18); }
};

}  // namespace census

// Models for the single-table inheritance suite (test/inheritance/
// single_table_test.cpp): the guide's Vehicle / Car / Motorcycle, a
// grandchild (SportsCar : Car), and relations to and from every level.
//
//   inh_sti_vehicle  id, make, wheels, garage_id (Vehicle), num_doors,
//                    owner_id (Car), top_speed, spoiler, sponsor_id
//                    (SportsCar), has_sidecar, rider_id (Motorcycle),
//                    vehicle_type
//
// Vehicle's relation (garage) is inherited by every subclass; Car's (owner)
// by SportsCar. Person reaches cars through the reverse of Car::owner, a
// motorcycle through the reverse of the one-to-one Motorcycle::rider and
// sponsored sports cars through the nullable SportsCar::sponsor; Ticket
// points at a Car, Trip at any Vehicle.
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace inh_sti {

struct Car;
struct Motorcycle;
struct Ticket;
struct Trip;

struct [[covet::model("inh_sti_person")]] Person {
  covet::Id id;
  [[covet::max_length(60)]] std::string name;
  covet::ReverseSet<Car> cars;               // the reverse of Car::owner
  covet::ReverseOne<Motorcycle> motorcycle;  // the reverse of Motorcycle::rider
};

struct [[covet::model("inh_sti_garage")]] Garage {
  covet::Id id;
  [[covet::max_length(60)]] std::string name;
};

struct [[covet::model("inh_sti_vehicle"), covet::polymorphic_on("vehicle_type")]] Vehicle {
  covet::Id id;
  [[covet::max_length(40)]] std::string make;
  int wheels = 4;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("vehicles")]]
  std::optional<covet::Ref<Garage>> garage;
  covet::ReverseSet<Trip> trips;  // the reverse of Trip::vehicle, inherited by every subclass
};

struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {
  [[covet::db_index]] int num_doors = 4;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("cars")]]
  covet::Ref<Person> owner;
  covet::ReverseSet<Ticket> tickets;  // the reverse of Ticket::car
};

// No polymorphic_identity: its identity is its lower-case name, "sportscar".
struct [[covet::model]] SportsCar : Car {
  int top_speed = 0;
  std::optional<std::string> spoiler;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("sponsored")]]
  std::optional<covet::Ref<Person>> sponsor;
};

struct [[covet::model, covet::polymorphic_identity("motorcycle")]] Motorcycle : Vehicle {
  bool has_sidecar = false;
  [[covet::one_to_one(covet::SET_NULL), covet::related_name("motorcycle")]]
  std::optional<covet::Ref<Person>> rider;
};

struct [[covet::model("inh_sti_ticket")]] Ticket {
  covet::Id id;
  [[covet::max_length(60)]] std::string reason;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("tickets")]]
  covet::Ref<Car> car;
};

struct [[covet::model("inh_sti_trip")]] Trip {
  covet::Id id;
  int km = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("trips")]]
  covet::Ref<Vehicle> vehicle;
};

}  // namespace inh_sti

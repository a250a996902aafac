// A single-table hierarchy is well-formed: every model below the root shares
// the root's table, with or without a polymorphic_identity of its own, and a
// reverse member a subclass inherits from a concrete parent mirrors that
// parent's reverse side (SportsCar::tickets is Car's).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <string>

struct Ticket;

struct [[covet::model("vehicle"), covet::polymorphic_on("vehicle_type")]] Vehicle {
  covet::Id id;
  std::string make;
};

struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {
  int num_doors = 4;
  covet::ReverseSet<Ticket> tickets;  // the reverse of Ticket::car
};

struct [[covet::model]] SportsCar : Car {  // identity "sportscar", table "vehicle"
  int top_speed = 0;
};

struct [[covet::model, covet::polymorphic_identity("motorcycle")]] Motorcycle : Vehicle {
  bool has_sidecar = false;
};

struct [[covet::model]] Ticket {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("tickets")]]
  covet::Ref<Car> car;
};

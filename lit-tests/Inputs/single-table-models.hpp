// Models of lookup-single-table.cpp: a single-table hierarchy (Car and
// Motorcycle below Vehicle, SportsCar below Car), a relation into the base
// and one into a subclass.
#include <covet/covet.hpp>

#include <string>

namespace st {

struct [[covet::model("vehicle"), covet::polymorphic_on("vehicle_type")]] Vehicle {
  covet::Id id;
  std::string make;
};

struct [[covet::model]] Car : Vehicle {
  int num_doors = 4;
  int seats = 5;
};

struct [[covet::model]] SportsCar : Car {
  int top_speed = 0;
};

struct [[covet::model]] Motorcycle : Vehicle {
  int seats = 2;
};

struct [[covet::model]] Trip {
  covet::Id id;
  int km = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("trips")]] covet::Ref<Vehicle> vehicle;
};

struct [[covet::model]] Ticket {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("tickets")]] covet::Ref<Car> car;
};

}  // namespace st

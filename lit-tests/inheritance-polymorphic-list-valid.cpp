// Polymorphic loads listing exactly the concrete, non-proxy models below the
// queried one (checks/PolymorphicListCheck.h) are silent, in any order and
// spelling, in a template's instantiations too. (The QuerySet is a
// stand-in: Inputs/inheritance-standin.hpp.)
// RUN: %clangxx_standin -fplugin=%covet_plugin -Xclang -verify %s
// RUN: %clangxx_standin -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/inheritance-vehicles.hpp
// RUN: %clangxx_standin -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s
// expected-no-diagnostics

#include "Inputs/inheritance-vehicles.hpp"

using veh::Car;

void loads(const covet::QuerySet<veh::Vehicle> &vehicles, const covet::QuerySet<veh::Car> &cars,
           const covet::QuerySet<veh::Truck> &trucks, const covet::QuerySet<veh::SportsCar> &sports,
           const covet::QuerySet<veh::Person> &people) {
  vehicles.polymorphic<veh::Car, veh::Truck, veh::SportsCar>();
  vehicles.polymorphic<veh::SportsCar, Car, veh::Truck>();
  cars.polymorphic<veh::SportsCar>();
  trucks.polymorphic<>();
  sports.polymorphic();
  people.polymorphic();  // a model outside any hierarchy: nothing below it
}

template <class... Ts>
void load(const covet::QuerySet<veh::Vehicle> &vehicles) {
  vehicles.polymorphic<Ts...>();
}
template void load<veh::Car, veh::Truck, veh::SportsCar>(const covet::QuerySet<veh::Vehicle> &);
template void load<veh::Truck, veh::SportsCar, veh::Car>(const covet::QuerySet<veh::Vehicle> &);

// The types of QuerySet<T>::polymorphic<Ts...>() are exactly the concrete,
// non-proxy models below T (checks/PolymorphicListCheck.h), with a fix-it
// writing the list; checked over the model headers, and in check-only mode
// over a source that sees only the root, against the model graph JSON.
// (The QuerySet is a stand-in: Inputs/inheritance-standin.hpp.)
// RUN: %clangxx_standin -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx_standin -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %clangxx_standin -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/inheritance-vehicles.hpp
// RUN: %clangxx_standin -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -DROOT_ONLY -ferror-limit=0 -Xclang -verify %s

#ifdef ROOT_ONLY
#include "Inputs/inheritance-vehicle-root.hpp"

// A source that sees only the root: the models below it come from the JSON.
void loadsSeeingTheRoot(const covet::QuerySet<veh::Vehicle> &vehicles) {
  // expected-error@+2 {{polymorphic() on a query of 'Vehicle' must list exactly the concrete, non-proxy models below 'Vehicle', in any order: 'Car', 'Truck' and 'SportsCar' are missing}}
  // expected-note@+1 {{list them: 'polymorphic<veh::Car, veh::Truck, veh::SportsCar>()'}}
  vehicles.polymorphic();
}
#else
#include "Inputs/inheritance-vehicles.hpp"

using veh::Car;

void loads(const covet::QuerySet<veh::Vehicle> &vehicles, const covet::QuerySet<veh::Car> &cars,
           const covet::QuerySet<veh::Truck> &trucks) {
  // Exactly the models below, in any order, spelled as you like.
  vehicles.polymorphic<veh::Car, veh::Truck, veh::SportsCar>();
  vehicles.polymorphic<veh::SportsCar, Car, veh::Truck>();
  cars.polymorphic<veh::SportsCar>();
  trucks.polymorphic<>();
  trucks.polymorphic();

  // expected-error@+2 {{polymorphic() on a query of 'Vehicle' must list exactly the concrete, non-proxy models below 'Vehicle', in any order: 'Truck' is missing}}
  // expected-note@+1 {{list them: 'polymorphic<Car, veh::Truck, veh::SportsCar>()'}}
  vehicles.polymorphic<Car, veh::SportsCar>();
  // expected-error@+2 {{polymorphic() on a query of 'Vehicle' must list exactly the concrete, non-proxy models below 'Vehicle', in any order: 'Car', 'Truck' and 'SportsCar' are missing}}
  // expected-note@+1 {{list them: 'polymorphic<veh::Car, veh::Truck, veh::SportsCar>()'}}
  vehicles.polymorphic();
  // expected-error@+2 {{'Car', 'Truck' and 'SportsCar' are missing; 'FastCar' is a proxy, whose rows load as 'Car'; 'Person' is not below 'Vehicle'; 'Vehicle' is the queried model, the first alternative already; 'Wheeled' is abstract; 'int' is not a model}}
  // expected-note@+1 {{list them: 'polymorphic<veh::Car, veh::Truck, veh::SportsCar>()'}}
  vehicles.polymorphic<veh::FastCar, veh::Person, veh::Vehicle, veh::Wheeled, int>();
  // expected-error@+2 {{polymorphic() on a query of 'Car' must list exactly the concrete, non-proxy models below 'Car', in any order: 'SportsCar' is missing; 'Truck' is not below 'Car'}}
  // expected-note@+1 {{list them: 'polymorphic<veh::SportsCar>()'}}
  cars.polymorphic<veh::Truck>();
  // expected-error@+2 {{polymorphic() on a query of 'Car' must list exactly the concrete, non-proxy models below 'Car', in any order: 'SportsCar' is listed twice}}
  // expected-note@+1 {{list them: 'polymorphic<veh::SportsCar>()'}}
  cars.polymorphic<veh::SportsCar, veh::SportsCar>();
}

// In a template: reported once, at the call, for the instantiation that is
// wrong.
template <class... Ts>
void load(const covet::QuerySet<veh::Vehicle> &vehicles) {
  // expected-error@+2 {{'Truck' and 'SportsCar' are missing}}
  // expected-note@+1 {{list them: 'polymorphic<veh::Car, veh::Truck, veh::SportsCar>()'}}
  vehicles.polymorphic<Ts...>();
}
template void load<veh::Car, veh::Truck, veh::SportsCar>(const covet::QuerySet<veh::Vehicle> &);
template void load<veh::Car>(const covet::QuerySet<veh::Vehicle> &);
#endif

// CHECK: fix-it:"{{.*}}inheritance-polymorphic-list.cpp":{36:23-36:44}:"<Car, veh::Truck, veh::SportsCar>"

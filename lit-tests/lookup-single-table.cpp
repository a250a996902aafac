// Lookups through a single-table hierarchy, as the runtime resolves them
// (runtime/query/lookup_path.cpp, runtime/inheritance/subclass_fields.cpp):
// a subclass has its ancestors' fields and reverse relations; a base query
// naming a field of a subclass is an error whose note says which subclass
// has it (the topmost one on each branch) and which query to write. The
// base reaches no subclass by name: the subclasses share its table and rows.
// The same holds when the models come from the model graph JSON
// (check-only mode).
//
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/single-table-models.hpp
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s
//
// JSON:      "name": "Car",
// JSON:      "inheritance": "single_table",
// JSON-NEXT: "parent": "::st::Vehicle",
// JSON-NEXT: "bases": [

#include "Inputs/single-table-models.hpp"

void lookups(covet::Database &db) {
  auto cars = db.objects<st::Car>();
  cars.filter("make", "VW").filter("num_doors", 4);  // make is Vehicle's
  cars.filter("trips__km__gte", 100).order_by("make");
  cars.filter("tickets__id", 1);
  cars.prefetch_related("trips");
  db.objects<st::SportsCar>().filter("make__startswith", "Fer").filter("trips__km", 3);
  db.objects<st::Vehicle>().filter("make", "VW").filter("trips__km", 3);
  db.objects<st::Trip>().filter("vehicle__make", "VW");

  auto vehicles = db.objects<st::Vehicle>();
  // expected-error@+2 {{no field named 'num_doors' in model 'Vehicle'}}
  // expected-note@+1 {{'num_doors' is a field of 'Car', not of 'Vehicle': query 'db.objects<Car>()'}}
  vehicles.filter("num_doors", 4);  // expected-note {{fields of 'Vehicle' are: id, make, trips}}
  // expected-error@+2 {{no field named 'seats' in model 'Vehicle'}}
  // expected-note@+1 {{'seats' is a field of 'Car' and 'Motorcycle', not of 'Vehicle': query 'db.objects<Car>()' or 'db.objects<Motorcycle>()'}}
  vehicles.filter("seats__gt", 2);  // expected-note {{fields of 'Vehicle' are: id, make, trips}}
  // expected-error@+2 {{no field named 'top_speed' in model 'Vehicle'}}
  // expected-note@+1 {{'top_speed' is a field of 'SportsCar', not of 'Vehicle': query 'db.objects<SportsCar>()'}}
  vehicles.order_by("-top_speed");  // expected-note {{fields of 'Vehicle' are: id, make, trips}}
  // expected-error@+2 {{no field named 'tickets' in model 'Vehicle'}}
  // expected-note@+1 {{'tickets' is a field of 'Car', not of 'Vehicle': query 'db.objects<Car>()'}}
  vehicles.filter("tickets__id", 1);  // expected-note {{fields of 'Vehicle' are: id, make, trips}}
  // expected-error@+2 {{no field named 'top_speed' in model 'Car'}}
  // expected-note@+1 {{'top_speed' is a field of 'SportsCar', not of 'Car': query 'db.objects<SportsCar>()'}}
  cars.filter("top_speed__gt", 1);  // expected-note {{fields of 'Car' are: id, make, num_doors, seats, tickets, trips}}
  // Through a relation into the base, the same.
  // expected-error@+2 {{no field named 'num_doors' in model 'Vehicle'}}
  // expected-note@+1 {{'num_doors' is a field of 'Car', not of 'Vehicle': query 'db.objects<Car>()'}}
  db.objects<st::Trip>().filter("vehicle__num_doors", 4);  // expected-note {{fields of 'Vehicle' are: id, make, trips}}
  // expected-error@+2 {{no field named 'car' in model 'Vehicle'}}
  // expected-note@+1 {{fields of 'Vehicle' are: id, make, trips}}
  vehicles.filter("car__num_doors", 4);
}

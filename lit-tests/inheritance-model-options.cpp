// Model options that contradict the model's shape
// (checks/ModelOptionCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

struct [[covet::model("vehicles"), covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
};
// expected-error@+1 {{'covet::model("cars")' names a table for 'Car', which has none of its own: a single-table subclass lives in the table of its root 'Vehicle'; remove the table name}}
struct [[covet::model("cars")]] Car : Vehicle {};
// expected-error@+1 {{'covet::model("vehicles")' names a table for 'Truck', which has none of its own: a single-table subclass lives in the table of its root 'Vehicle'; remove the table name}}
struct [[covet::model( "vehicles" )]] Truck : Car {};

struct [[covet::model]] Person {
  covet::Id id;
};
// expected-error@+1 {{'covet::model("adults")' names a table for 'Adult', which has none of its own: a proxy uses the table of 'Person'; remove the table name}}
struct [[covet::model("adults"), covet::proxy]] Adult : Person {};
// expected-error@+1 {{'covet::model("named")' names a table for 'Named', which has none of its own: an abstract model has no table, and the models deriving from it do not inherit the name; remove the table name}}
struct [[covet::model("named"), covet::abstract]] Named {
  covet::Id id;
};

// Options that exclude each other.
// expected-error@+1 {{'covet::multi_table' on 'Child' contradicts 'covet::proxy': a proxy has no table of its own; remove one of them}}
struct [[covet::model, covet::proxy, covet::multi_table]] Child : Person {};
// expected-error@+1 {{'covet::proxy' on 'Shape' contradicts 'covet::abstract': an abstract model has no rows for a proxy to show; remove one of them}}
struct [[covet::model, covet::abstract, covet::proxy]] Shape : Person {};
// expected-error@+1 {{'covet::multi_table' on 'Form' contradicts 'covet::abstract': an abstract model has no table for a child to extend; remove one of them}}
struct [[covet::model, covet::abstract, covet::multi_table]] Form {
  covet::Id id;
};

// The fix-its remove the argument, parentheses included.
// CHECK: fix-it:"{{.*}}inheritance-model-options.cpp":{12:22-12:30}:""
// CHECK: fix-it:"{{.*}}inheritance-model-options.cpp":{14:22-14:36}:""
// CHECK: fix-it:"{{.*}}inheritance-model-options.cpp":{20:22-20:32}:""
// CHECK: fix-it:"{{.*}}inheritance-model-options.cpp":{22:22-22:31}:""
// CHECK-NOT: fix-it:

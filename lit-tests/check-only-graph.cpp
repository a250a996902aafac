// A source file that includes some model headers only, checked as
// covet_add_models() checks every source of its target: check-only mode,
// against the model graph the model headers' run wrote. The JSON fills in
// what the file does not define (here shop::User, only forward-declared by
// graph-orders.hpp), and check-only mode reports no model-graph diagnostic
// (no "relation target 'User' of 'user' is never defined").
//
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/graph-models.hpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s
//
// Without the graph, check-only mode checks what the file defines and leaves
// the paths through the unknown User alone:
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-check-only -Xclang -verify=nograph %s
//
// An ordinary plugin run (no check-only) has only the file's models, and
// reports the partial view, as before:
// RUN: not %clangxx -fplugin=%covet_plugin %s 2>&1 | FileCheck %s --check-prefix=FULL
// FULL: error: relation target 'User' of 'user' is never defined

#include "Inputs/graph-orders.hpp"

void orders(covet::Database &db) {
  auto orders = db.objects<shop::Order>();
  orders.filter("user__username__startswith", "al");
  orders.filter("user__age__gte", 18).order_by("user__username", "-quantity");
  orders.filter("recipient__isnull", true);
  orders.select_related("user", "recipient", "invoice");
  orders.prefetch_related("user", "invoice__order");
  orders.only("quantity", "user_id");
  orders.filter("user", 3);

  // expected-error@+2 {{no field named 'usernme' in model 'User'}}
  // expected-note@+1 {{did you mean 'username'?}}
  orders.filter("user__usernme", "al");
  // The graph's User knows the reverse relations of models this file does not see.
  // expected-error@+3 {{no field named 'order' in model 'User'}}
  // expected-note@+2 {{did you mean 'order_set'?}}
  // expected-note@+1 {{'order' is the reverse query name of 'Order::user'; prefetch_related names it 'order_set'}}
  orders.prefetch_related("user__order");
  // A value whose type does not fit a column the graph describes.
  // expected-error@+1 {{cannot compare 'User::age' of type 'int' with a value of type 'const char[4]'}}
  orders.filter("recipient__age", "ten");

  // The file's own models are checked with or without the graph.
  // expected-error@+3 {{no field named 'quantty' in model 'Order'}}
  // expected-note@+2 {{did you mean 'quantity'?}}
  // nograph-error@+1 {{no field named 'quantty' in model 'Order'}}
  orders.filter("quantty", 1);  // nograph-note {{did you mean 'quantity'?}}
  // expected-error@+2 {{cannot compare 'Order::quantity' of type 'std::int64_t' with a value of type 'const char[4]'}}
  // nograph-error@+1 {{cannot compare 'Order::quantity' of type 'std::int64_t' with a value of type 'const char[4]'}}
  orders.exclude("quantity", "two");
  // expected-note@Inputs/graph-orders.hpp:* {{'Order::quantity' declared here}}
  // nograph-note@Inputs/graph-orders.hpp:* {{'Order::quantity' declared here}}
}

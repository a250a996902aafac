// A source that sees shop::User only: the reverse relations other models give
// it come from the model graph, with Django's names (accessor 'order_set' in
// prefetch_related, query name 'order' in lookups).
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/graph-models.hpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s

#include "Inputs/graph-users.hpp"

void users(covet::Database &db) {
  auto users = db.objects<shop::User>();
  users.filter("order__quantity__gt", 1);
  users.filter("gift__note__isnull", false);
  users.exclude("order__invoice__isnull", true);
  users.prefetch_related("order_set", "gifts__invoice");

  // expected-error@+3 {{no field named 'order_set' in model 'User'}}
  // expected-note@+2 {{did you mean 'order'?}}
  // expected-note@+1 {{'order_set' is the reverse accessor of 'Order::user'; lookups name it 'order'}}
  users.filter("order_set__quantity", 1);
  // expected-error@+3 {{no field named 'gift' in model 'User'}}
  // expected-note@+2 {{did you mean 'gifts'?}}
  // expected-note@+1 {{'gift' is the reverse query name of 'Order::recipient'; prefetch_related names it 'gifts'}}
  users.prefetch_related("gift");
  // A column known from the graph only: no declaration to point at.
  // expected-error@+1 {{cannot compare 'Order::quantity' of type 'std::int64_t' with a value of type 'const char[4]'}}
  users.filter("order__quantity", "two");
  // expected-error@+1 {{cannot order 'User' by 'order__quantity': 'order' is a to-many relation}}
  users.order_by("order__quantity");
}

// Lookups through a multi-table hierarchy, as the runtime resolves them
// (runtime/query/lookup_path.cpp): a child has its parent's fields and
// reverse relations; a parent reaches each multi-table child row by the
// child's lower-case name, a single-valued step ("employee__department"),
// compared directly on the child's key ("employee__isnull"). The same holds
// when the models come from the model graph JSON (check-only mode).
//
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/multi-table-models.hpp
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s
//
// JSON:      "name": "Employee",
// JSON:      "parent": "::mt::Person",
// JSON-NEXT: "parent_link": "person_ptr_id",

#include "Inputs/multi-table-models.hpp"

void lookups(covet::Database &db) {
  auto people = db.objects<mt::Person>();
  people.filter("employee__department", "R&D");
  people.filter("employee__manager__reports__gte", 1);
  people.filter("employee__isnull", true).order_by("customer__tier");
  people.exclude("customer__tier", "gold");
  people.filter("reviews__text", "good");

  auto employees = db.objects<mt::Employee>();
  employees.filter("name", "Ann").filter("department", "R&D");
  employees.filter("reviews__text", "good");  // the parent's reverse relation
  employees.filter("books__title", "Notes");
  employees.filter("manager__reports", 3);
  employees.prefetch_related("reviews");
  db.objects<mt::Book>().filter("author__name", "Ann").filter("author__department", "R&D");

  // expected-error@+2 {{no field named 'employe' in model 'Person'}}
  // expected-note@+1 {{did you mean 'employee'?}}
  people.filter("employe__department", "R&D");
  // A child row is reached from its parent, not from a sibling; the
  // choices list the inherited reverse relations and the children.
  // expected-error@+2 {{no field named 'customer' in model 'Employee'}}
  // expected-note@+1 {{fields of 'Employee' are: id, name, department, books, reviews, manager}}
  employees.filter("customer__tier", "gold");
  // expected-error@+2 {{no field named 'salary' in model 'Employee'}}
  // expected-note@+1 {{fields of 'Employee' are: id, name, department, books, reviews, manager}}
  people.filter("employee__salary", 1);
}

// Check-only mode with a hierarchy the file does not define: the model graph
// JSON gives Employee's parent (Person), its reverse relations and its
// multi-table children ("inheritance", "parent"), so a lookup through a
// relation into the child reaches them as in lookup-multi-table.cpp.
//
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/multi-table-models.hpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

namespace mt {
struct Employee;  // defined in Inputs/multi-table-models.hpp, known from the JSON
struct [[covet::model]] Book {
  covet::Id id;
  std::string title;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]] covet::Ref<Employee> author;
};
}  // namespace mt

void lookups(covet::Database &db) {
  auto books = db.objects<mt::Book>();
  books.filter("author__name", "Ann");                  // Person's field
  books.filter("author__reviews__text", "good");        // Person's reverse relation
  books.filter("author__manager__reports__gte", 1);     // Employee's child row
  books.filter("author__manager__isnull", true);
  // expected-error@+2 {{no field named 'customer' in model 'Employee'}}
  // expected-note@+1 {{fields of 'Employee' are: id, name, department, books, reviews, manager}}
  books.filter("author__customer__tier", "gold");
}

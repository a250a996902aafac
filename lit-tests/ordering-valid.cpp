// Well-formed covet::ordering and proxy models: silent; the ordering is
// emitted into ModelSpec as resolved (own, else the base's: a proxy's
// parent, an abstract base), a proxy with its parent's table. The metadata
// compiles without the plugin, with clang and with g++-12.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %s
// RUN: FileCheck %s --input-file %t.cpp
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.cpp
// RUN: %if gxx12 %{ %gxx12 -fsyntax-only -Wall -Wextra -Werror %t.cpp %}
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model, covet::ordering("-age", "name", "guardian__name", "pk", "guardian_id")]] Person {
  covet::Id id;
  std::string name;
  int age = 0;
  [[covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Person>> guardian;
  covet::ReverseSet<struct Pet> pets;
};
// CHECK-LABEL: // ::Person
// CHECK: {.name = "Person", .table = "person", .ordering = {"-age", "name", "guardian__name", "pk", "guardian_id"}, .content_type = "default.person"},

// The guide's proxy, and a proxy of it: the parent's table and reverse
// relations (its declared member is not the proxy's to bind), the parent's
// ordering unless it writes one; covet::ordering() writes none.
struct [[covet::model, covet::proxy]] Adult : Person {
  static covet::QuerySet<Adult> get_adults(covet::Database& db) {
    return db.objects<Adult>().filter("age__gte", 18).filter("pets__name", "Rex").filter("fans__name", "f");
  }
};
// CHECK-LABEL: // ::Adult
// CHECK: {.name = "Adult", .table = "person", .proxy = true, .parent = &typeid(::Person), .inheritance = covet::Inheritance::Proxy, .ordering = {"-age", "name", "guardian__name", "pk", "guardian_id"}, .content_type = "default.adult"},

struct [[covet::model, covet::proxy, covet::ordering("guardian__age")]] Senior : Adult {};
// CHECK-LABEL: // ::Senior
// CHECK: .table = "person", .proxy = true, .parent = &typeid(::Adult), .inheritance = covet::Inheritance::Proxy, .ordering = {"guardian__age"}, .content_type = "default.senior"},

struct [[covet::model, covet::proxy, covet::ordering()]] Unordered : Person {};
// CHECK-LABEL: // ::Unordered
// CHECK: .inheritance = covet::Inheritance::Proxy, .content_type = "default.unordered"},

struct [[covet::model, covet::ordering("-owner__age")]] Pet {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("pets")]] covet::Ref<Person> owner;
};

struct [[covet::model]] Fan {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("fans")]] covet::Ref<Adult> idol;
};

struct [[covet::model, covet::abstract, covet::ordering("-created")]] Stamped {
  covet::Id id;
  int created = 0;
};

struct [[covet::model]] Entry : Stamped {
  std::string body;
};
// CHECK-LABEL: // ::Entry
// CHECK: {.name = "Entry", .table = "entry", .abstract_bases = {&typeid(::Stamped)}, .ordering = {"-created"}, .content_type = "default.entry"},

// Lookup strings on a proxy's queries see its concrete parent's fields and
// reverse relations, and the reverse relations that target the proxy; the
// parent does not see the latter (the reverse side belongs to the proxy).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Person {
  covet::Id id;
  std::string name;
  int age = 0;
};

struct [[covet::model, covet::proxy]] Adult : Person {};
struct [[covet::model, covet::proxy]] Senior : Adult {};

struct [[covet::model]] Pet {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("pets")]] covet::Ref<Person> owner;
};

struct [[covet::model]] Fan {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("fans")]] covet::Ref<Adult> idol;
};

void queries(covet::Database& db) {
  db.objects<Adult>().filter("pets__name", "Rex").filter("fans__name", "f").order_by("name");
  db.objects<Senior>().filter("pets__name", "Rex").filter("fans__name", "f").prefetch_related("pets");
  db.objects<Fan>().filter("idol__pets__name", "Rex").select_related("idol");
  // expected-error@+1 {{no field named 'fans' in model 'Person'}}
  db.objects<Person>().filter("fans__name", "f");  // expected-note {{fields of 'Person' are: id, name, age, pets}}
}

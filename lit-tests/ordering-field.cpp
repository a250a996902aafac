// covet::ordering: each field is one order_by() takes on every model the
// ordering orders (checks/OrderingFieldCheck.h): the lookup-string
// diagnostics, at the field in the attribute.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

// A misspelt field: a did-you-mean note with a fix-it; a '-' alone.
// expected-error@+3 {{no field named 'agee' in model 'Person'}}
// expected-note@+2 {{did you mean 'age'?}}
// expected-error@+1 {{'covet::ordering' of 'Person' has a '-' with no field name after it}}
struct [[covet::model, covet::ordering("-agee", "name", "-")]] Person {
  covet::Id id;
  std::string name;
  int age = 0;
  [[covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Person>> guardian;
};
// CHECK: fix-it:"{{.*}}ordering-field.cpp":{[[@LINE-6]]:42-[[@LINE-6]]:46}:"age"

// A path through a relation is checked on its target; a lookup and a
// to-many path are not fields to order by.
// expected-error@+3 {{no field named 'nmae' in model 'Person'}}
// expected-note@+2 {{did you mean 'name'?}}
// expected-error@+1 {{cannot order 'Pet' by 'name__startswith': a lookup is not a field}}
struct [[covet::model, covet::ordering("owner__nmae", "name__startswith")]] Pet {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("pets")]] covet::Ref<Person> owner;
};

// expected-error@+1 {{cannot order 'Owner' by 'cats__name': 'cats' is a to-many relation}}
struct [[covet::model, covet::ordering("cats__name")]] Owner {
  covet::Id id;
};

struct [[covet::model]] Cat {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("cats")]] covet::Ref<Owner> owner;
};

// An abstract base's ordering is checked on each concrete model that
// inherits it, with a note there; nothing close: the note lists the fields.
// expected-error@+2 {{no field named 'title' in model 'Entry'}}
// expected-note@+1 {{fields of 'Entry' are: id, created, body}}
struct [[covet::model, covet::abstract, covet::ordering("title")]] Stamped {
  covet::Id id;
  int created = 0;
};

struct [[covet::model]] Entry : Stamped {  // expected-note {{'Entry' inherits this ordering}}
  std::string body;
};

// A proxy's own ordering is checked on the proxy: the parent's reverse
// relations count, so does its own model.
// expected-error@+2 {{no field named 'pest' in model 'Adult'}}
// expected-note@+1 {{did you mean 'pets'?}}
struct [[covet::model, covet::proxy, covet::ordering("guardian__name", "pest")]] Adult : Person {};

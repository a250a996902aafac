// A member redeclaring one the model inherits, from an abstract base or a
// concrete parent, or two bases bringing one name
// (checks/HiddenMemberCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
};

struct [[covet::model, covet::abstract]] Named {
  covet::Id id;
  std::string name;  // expected-note 2 {{'Named::name' declared here}}
};
// From an abstract base: the same column in one table, reported once, here.
struct [[covet::model]] Tag : Named {
  // expected-error@+1 {{member 'name' of 'Tag' hides the member 'Named::name' it inherits: a model cannot redeclare a field of a model it derives from, whose lookups, loads and saves would see two; rename it, or remove it and use the inherited one}}
  std::string name;
};

// From a concrete parent (multi-table: the tables differ, the names do not).
struct [[covet::model]] Person {
  covet::Id id;
  std::string email;  // expected-note {{'Person::email' declared here}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Author> mentor;  // expected-note {{'Person::mentor' declared here}}
  int badge_id = 0;  // expected-note {{'Person::badge_id' declared here}}
};
struct [[covet::model]] Employee : Person {
  std::optional<std::string> email;  // expected-error {{member 'email' of 'Employee' hides the member 'Person::email' it inherits}}
  // A key's lookup name: "mentor_id" is the key of Person::mentor.
  int mentor_id = 0;  // expected-error {{member 'mentor_id' of 'Employee' clashes with the member 'Person::mentor' it inherits: 'mentor_id' is the name lookups give the key of 'Person::mentor'; rename one of them}}
  // expected-error@+1 {{member 'badge' of 'Employee' clashes with the member 'Person::badge_id' it inherits: 'badge_id' is the name lookups give the key of 'Employee::badge'; rename one of them}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Author> badge;
};
// Deeper: a single-table grandchild and its grandparent.
struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
  int wheels = 0;  // expected-note {{'Vehicle::wheels' declared here}}
};
struct [[covet::model]] Car : Vehicle {};
struct [[covet::model]] Coupe : Car {
  int wheels = 0;  // expected-error {{member 'wheels' of 'Coupe' hides the member 'Vehicle::wheels' it inherits}}
};

// Two bases, one name (Django's models.E005).
struct [[covet::model, covet::abstract]] Titled {
  std::string name;  // expected-note {{'Titled::name' declared here}}
};
struct [[covet::model]] Book : Named, Titled {};  // expected-error {{model 'Book' inherits 'Named::name' and 'Titled::name' from two bases, with one name; rename one of them}}

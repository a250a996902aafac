// A member whose column is the discriminator column of its single-table
// hierarchy (checks/DiscriminatorClashCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Owner {
  covet::Id id;
};

// A member of the root, one of a subclass (compared case-insensitively),
// and a foreign key whose column is "<member>_id".
struct [[covet::model, covet::polymorphic_on("kind")]] Animal {  // expected-note {{'Animal' names its discriminator column 'kind' here}}
  covet::Id id;
  std::string kind;  // expected-error {{column 'kind' of 'Animal::kind' is the discriminator column of the single-table hierarchy of 'Animal', which holds each row's identity; give the member another 'covet::column("name")', or name another column in 'covet::polymorphic_on'}}
};
struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {  // expected-note {{'Vehicle' names its discriminator column 'kind' here}}
  covet::Id id;
};
struct [[covet::model]] Car : Vehicle {
  [[covet::column("KIND")]] int model = 0;  // expected-error {{column 'KIND' of 'Car::model' is the discriminator column of the single-table hierarchy of 'Vehicle'}}
};
struct [[covet::model, covet::polymorphic_on("owner_id")]] Pet {  // expected-note {{'Pet' names its discriminator column 'owner_id' here}}
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Owner> owner;  // expected-error {{column 'owner_id' of 'Pet::owner' is the discriminator column of the single-table hierarchy of 'Pet'}}
};

// A member of an abstract base, reported once for the hierarchy.
struct [[covet::model, covet::polymorphic_on("kind")]] Machine {  // expected-note {{'Machine' names its discriminator column 'kind' here}}
  covet::Id id;
};
struct [[covet::model, covet::abstract]] Described {
  std::string kind;  // expected-error {{column 'kind' of 'Described::kind' is the discriminator column of the single-table hierarchy of 'Machine'}}
};
struct [[covet::model]] Robot : Machine, Described {};
struct [[covet::model]] Drone : Machine, Described {};

// Two models of one single-table hierarchy with one identity
// (checks/DuplicateIdentityCheck.h); the default identity is the lower-case
// model name.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
};
// Explicit identities.
struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {};  // expected-note {{'Car' has the identity 'car'}}
// expected-error@+1 {{identity 'car' of 'Auto' is already the identity of 'Car' in the single-table hierarchy of 'Vehicle'; give one of them another 'covet::polymorphic_identity("...")'}}
struct [[covet::model, covet::polymorphic_identity("car")]] Auto : Vehicle {};

// An explicit identity equal to a default one, deeper in the hierarchy.
struct [[covet::model]] Truck : Vehicle {};  // expected-note {{'Truck' has the identity 'truck' (its lower-case name, the default)}}
// expected-error@+1 {{identity 'truck' of 'Lorry' is already the identity of 'Truck' in the single-table hierarchy of 'Vehicle'}}
struct [[covet::model, covet::polymorphic_identity("truck")]] Lorry : Car {};

// The root's identity counts too.
struct [[covet::model, covet::polymorphic_on("kind"), covet::polymorphic_identity("animal")]] Animal {  // expected-note {{'Animal' has the identity 'animal'}}
  covet::Id id;
};
// expected-error@+1 {{identity 'animal' of 'Dog' is already the identity of 'Animal' in the single-table hierarchy of 'Animal'}}
struct [[covet::model, covet::polymorphic_identity("animal")]] Dog : Animal {};

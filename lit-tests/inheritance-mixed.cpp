// covet::multi_table in a single-table hierarchy, or with polymorphic_on on
// one root (checks/MixedInheritanceCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {  // expected-note 2 {{'Vehicle' names its discriminator column 'kind' here}}
  covet::Id id;
};
// expected-error@+1 {{'covet::multi_table' on 'Car' contradicts the single-table hierarchy of 'Vehicle' ('covet::polymorphic_on("kind")'), whose models are all stored in the table of 'Vehicle'; remove 'covet::multi_table', or 'covet::polymorphic_on' from 'Vehicle' to make the hierarchy multi-table}}
struct [[covet::model, covet::multi_table]] Car : Vehicle {};
struct [[covet::model]] Truck : Vehicle {};
// At any depth.
// expected-error@+1 {{'covet::multi_table' on 'Lorry' contradicts the single-table hierarchy of 'Vehicle'}}
struct [[covet::model, covet::multi_table]] Lorry : Truck {};

// Both on one root.
// expected-error@+1 {{'covet::multi_table' on 'Animal' contradicts its 'covet::polymorphic_on("type")', which keeps the models below 'Animal' in its table; remove one of the two}}
struct [[covet::model, covet::multi_table, covet::polymorphic_on("type")]] Animal {
  covet::Id id;
};
struct [[covet::model]] Dog : Animal {};

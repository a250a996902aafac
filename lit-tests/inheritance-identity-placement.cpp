// covet::polymorphic_identity where no discriminator stores it
// (checks/IdentityPlacementCheck.h), and covet::polymorphic_on anywhere but
// on the root of a hierarchy (checks/DiscriminatorPlacementCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

// A root without polymorphic_on: its subclasses are multi-table.
struct [[covet::model]] Person {  // expected-note 3 {{'Person' is the root of the hierarchy of}}
  covet::Id id;
};
// expected-error@+1 {{'covet::polymorphic_identity' on 'Employee' names its rows in a single table, but the root of its hierarchy, 'Person', has no 'covet::polymorphic_on'; add 'covet::polymorphic_on("type")' to 'Person', or remove the identity}}
struct [[covet::model, covet::polymorphic_identity("employee")]] Employee : Person {};
// Deeper: the root is the top of the chain of concrete parents.
// expected-error@+1 {{'covet::polymorphic_identity' on 'Manager' names its rows in a single table, but the root of its hierarchy, 'Person', has no 'covet::polymorphic_on'}}
struct [[covet::model, covet::polymorphic_identity("manager")]] Manager : Employee {};

// On a model without any parent: its own polymorphic_on is missing.
// expected-error@+1 {{'covet::polymorphic_identity' on 'Lonely' names its rows in a single table, but 'Lonely' has no 'covet::polymorphic_on'; add 'covet::polymorphic_on("type")' to 'Lonely', or remove the identity}}
struct [[covet::model, covet::polymorphic_identity("lonely")]] Lonely {
  covet::Id id;
};

// On a proxy, and on an abstract model.
struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {  // expected-note {{'Vehicle' is the root of the hierarchy of 'Tandem'}}
  covet::Id id;
};
struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {};
// expected-error@+1 {{'covet::polymorphic_identity' on proxy 'FastCar' has no effect: a proxy loads the rows of 'Car', with its identity 'car'; remove it}}
struct [[covet::model, covet::proxy, covet::polymorphic_identity("fast")]] FastCar : Car {};
// expected-error@+1 {{'covet::polymorphic_identity' on abstract model 'Wheeled' has no effect: an abstract model has no rows; write it on the concrete models deriving from it}}
struct [[covet::model, covet::abstract, covet::polymorphic_identity("wheeled")]] Wheeled {
  int wheels = 0;
};

// polymorphic_on below the root: a second discriminator, or a single-table
// level under a multi-table parent.
struct [[covet::model]] Bike : Vehicle {};
// expected-error@+1 {{'covet::polymorphic_on' on 'Tandem' has no effect: 'Tandem' derives from the concrete model 'Bike', and only the root of a hierarchy names its discriminator; 'Vehicle', the root, names it already: remove it}}
struct [[covet::model, covet::polymorphic_on("seats")]] Tandem : Bike {};
// expected-error@+1 {{'covet::polymorphic_on' on 'Contractor' has no effect: 'Contractor' derives from the concrete model 'Person', and only the root of a hierarchy names its discriminator; move it to 'Person', the root}}
struct [[covet::model, covet::polymorphic_on("kind")]] Contractor : Person {};
// expected-error@+1 {{'covet::polymorphic_on' on abstract model 'Typed' has no effect: an abstract model has no table, and the models deriving from it do not inherit the option; write it on the concrete root of the hierarchy}}
struct [[covet::model, covet::abstract, covet::polymorphic_on("kind")]] Typed {
  covet::Id id;
};
struct [[covet::model]] Thing : Typed {};

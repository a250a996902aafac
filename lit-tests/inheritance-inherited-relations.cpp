// The relation checks see a relation declared on an abstract base once per
// concrete model deriving from it, and one declared on a concrete parent
// once: reverse names (checks/ReverseNameClashCheck.h, with the "{model}"
// placeholder of checks/RelatedNameCheck.h), CASCADE cycles
// (checks/CascadeCycleCheck.h), SET_NULL (checks/SetNullCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <optional>

struct [[covet::model]] Person {
  covet::Id id;
};

// A fixed related_name on an abstract base: each child gives Person the
// same reverse accessor. The error is at the child, the notes at the base.
struct [[covet::model, covet::abstract]] Pet {
  covet::Id id;
  // expected-note@+2 {{'Dog::owner' gives 'Person' the reverse accessor 'pets'}}
  // expected-note@+1 {{'Pet::owner' is declared on the abstract base 'Pet', so each model deriving from it has it: give it a reverse name per model, such as 'covet::related_name("{model}_pets")'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("pets")]] covet::Ref<Person> owner;
};
struct [[covet::model]] Dog : Pet {};
struct [[covet::model]] Cat : Pet {};  // expected-error {{reverse accessor 'Person::pets' of 'Cat::owner' clashes with the reverse accessor of 'Dog::owner'; add or change 'covet::related_name' on one of them}}

// "{model}" makes the accessors distinct; a fixed related_query_name still
// clashes, and the fix-it goes to it.
struct [[covet::model, covet::abstract]] Toy {
  covet::Id id;
  // expected-note@+2 {{'Ball::child' gives 'Person' the reverse query name 'toy'}}
  // expected-note@+1 {{'Toy::child' is declared on the abstract base 'Toy', so each model deriving from it has it: give it a reverse name per model, such as 'covet::related_query_name("{model}_toy")'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("{model}_toys"), covet::related_query_name("toy")]] covet::Ref<Person> child;
};
struct [[covet::model]] Ball : Toy {};
struct [[covet::model]] Kite : Toy {};  // expected-error {{reverse query name 'Person::toy' of 'Kite::child' clashes with the reverse query name of 'Ball::child'; add or change 'covet::related_query_name' on one of them}}

// A cycle closed by a key of an abstract base: reported at the model whose
// cycle it is (Hound -> Kennel -> Hound; Tabby is in none).
struct [[covet::model, covet::abstract]] Housed {
  covet::Id id;
  // expected-note@+2 {{'Hound::kennel' is a foreign key to 'Kennel' with 'covet::CASCADE'}}
  // expected-note@+1 {{to break the cycle, make 'Hound::kennel' (of type 'covet::Ref<struct Kennel>') a 'std::optional<covet::Ref<T>>' with 'covet::SET_NULL', or use 'covet::PROTECT', 'covet::RESTRICT' or 'covet::DO_NOTHING' on one edge}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("{model}s")]] covet::Ref<struct Kennel> kennel;
};
// expected-error@+1 {{'covet::CASCADE' on 'Hound::kennel' closes a cycle of cascading deletes through 2 models: 'Hound' -> 'Kennel' -> 'Hound'}}
struct [[covet::model]] Hound : Housed {};
struct [[covet::model]] Tabby : Housed {};
struct [[covet::model]] Kennel {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Hound> resident;  // expected-note {{'Kennel::resident' is a foreign key to 'Hound' with 'covet::CASCADE'}}
};

// A cycle through a key declared on a concrete parent: once, not again for
// the multi-table child (its table does not hold the key).
struct [[covet::model]] Shelf {
  covet::Id id;
  // expected-error@+2 {{'covet::CASCADE' on 'Shelf::top' closes a cycle of cascading deletes through 2 models: 'Shelf' -> 'Volume' -> 'Shelf'}}
  // expected-note@+1 {{'Shelf::top' is a foreign key to 'Volume' with 'covet::CASCADE'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<struct Volume> top;  // expected-note {{to break the cycle}}
};
struct [[covet::model]] Volume {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("volumes")]] covet::Ref<Shelf> shelf;  // expected-note {{'Volume::shelf' is a foreign key to 'Shelf' with 'covet::CASCADE'}}
};
struct [[covet::model]] Atlas : Volume {};

// SET_NULL on a key that cannot be NULL: once, at the declaration, however
// many models inherit it.
struct [[covet::model, covet::abstract]] Leashed {
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("{model}_walks")]] covet::Ref<Person> walker;  // expected-error {{'covet::SET_NULL' needs a nullable key, but 'walker' has type 'covet::Ref<Person>'}}
};
struct [[covet::model]] Puppy : Leashed {};
struct [[covet::model]] Kitten : Leashed {};
struct [[covet::model]] Lead {
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("leads")]] covet::Ref<Person> holder;  // expected-error {{'covet::SET_NULL' needs a nullable key, but 'holder' has type 'covet::Ref<Person>'}}
};
struct [[covet::model]] LongLead : Lead {};

// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{73:81-73:81}:"std::optional<"
// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{73:99-73:99}:">"
// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{79:73-79:73}:"std::optional<"
// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{79:91-79:91}:">"
// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{23:61-23:67}:"\"{model}_pets\""
// CHECK: fix-it:"{{.*}}inheritance-inherited-relations.cpp":{34:104-34:109}:"\"{model}_toy\""
// CHECK-NOT: fix-it:

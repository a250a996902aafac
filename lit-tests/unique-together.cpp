// covet::unique_together: two or more distinct members of the model, each a
// column, a foreign key or a one-to-one.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Group {
  covet::Id id;
  std::string name;
};

// A name that is no member: a did-you-mean note with a fix-it.
// expected-error@+2 {{'covet::unique_together' names 'gruop', which is not a member of 'Membership'}}
// expected-note@+1 {{did you mean 'group'?}}
struct [[covet::model, covet::unique_together("person", "gruop")]] Membership {
  covet::Id id;
  std::string person;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Group> group;
};
// CHECK: fix-it:"{{.*}}unique-together.cpp":{[[@LINE-5]]:57-[[@LINE-5]]:64}:"\"group\""

// Nothing close: the note lists the members it can name.
// expected-error@+2 {{'covet::unique_together' names 'colour', which is not a member of 'Badge'}}
// expected-note@+1 {{fields of 'Badge' are: id, code, owner}}
struct [[covet::model, covet::unique_together("code", "colour")]] Badge {
  covet::Id id;
  std::string code;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Group> owner;
  covet::ReverseSet<struct Tagging> taggings;
};

// A many-to-many has no column in the model's table (Django's models.E013);
// neither has a reverse member.
// expected-error@+2 {{'covet::unique_together' names 'groups', a many-to-many of 'Person'; it takes columns, foreign keys and one-to-ones}}
// expected-error@+1 {{'covet::unique_together' names 'taggings', a reverse member of 'Person'; it takes columns, foreign keys and one-to-ones}}
struct [[covet::model, covet::unique_together("name", "groups"), covet::unique_together("name", "taggings")]] Person {
  covet::Id id;
  std::string name;
  [[covet::many_to_many]] covet::RefSet<Group> groups;  // expected-note {{'Person::groups' declared here}}
  covet::ReverseSet<struct Tagging> taggings;         // expected-note {{'Person::taggings' declared here}}
};

struct [[covet::model]] Tagging {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("taggings")]] covet::Ref<Person> person;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("taggings")]] covet::Ref<Badge> badge;
};

// One name is covet::unique; none is nothing at all.
// expected-error@+2 {{'covet::unique_together' on 'Ticket' names 1 member; a constraint over several columns needs at least two}}
// expected-error@+1 {{'covet::unique_together' on 'Ticket' names 0 members; a constraint over several columns needs at least two}}
struct [[covet::model, covet::unique_together("serial"), covet::unique_together]] Ticket {
  covet::Id id;
  std::string serial;  // expected-note {{mark 'Ticket::serial' 'covet::unique'}}
};
// CHECK: fix-it:"{{.*}}unique-together.cpp":{[[@LINE-2]]:3-[[@LINE-2]]:3}:"{{\[\[}}covet::unique]] "

// A name given twice: the fix-it removes the repeat.
// expected-error@+2 {{'covet::unique_together' names 'seat' twice}}
// expected-note@+1 {{'seat' first named here}}
struct [[covet::model, covet::unique_together("seat", "show", "seat")]] Booking {
  covet::Id id;
  int seat = 0;
  int show = 0;
};
// CHECK: fix-it:"{{.*}}unique-together.cpp":{[[@LINE-5]]:61-[[@LINE-5]]:69}:""

// The arguments are string literals.
// expected-error@+1 {{'covet::unique_together' takes a string literal}}
struct [[covet::model, covet::unique_together("a", 2)]] Cell {
  covet::Id id;
  int a = 0;
};

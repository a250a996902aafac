// A relation or declared reverse member whose target is an abstract model
// (checks/AbstractTargetCheck.h): the message names the concrete models.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model, covet::abstract]] Animal {  // expected-note 4 {{'Animal' declared here}}
  covet::Id id;
  std::string name;
};
struct [[covet::model]] Dog : Animal {};
struct [[covet::model]] Cat : Animal {};
// Below a concrete model of Animal: Dog's, not one of Animal's own.
struct [[covet::model]] Puppy : Dog {};
// Through another abstract model: one of Animal's.
struct [[covet::model, covet::abstract]] Bird : Animal {};
struct [[covet::model]] Parrot : Bird {};

struct [[covet::model, covet::abstract]] Lonely {  // expected-note {{'Lonely' declared here}}
  covet::Id id;
};

struct [[covet::model]] Person {
  covet::Id id;
  // expected-error@+1 {{relation target 'Animal' of 'pet' is an abstract model, which has no table; refer to a concrete model such as 'Dog', 'Cat' or 'Parrot'}}
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Animal> pet;
  // expected-error@+1 {{relation target 'Animal' of 'rescue' is an abstract model, which has no table; refer to a concrete model such as 'Dog', 'Cat' or 'Parrot'}}
  [[covet::one_to_one(covet::SET_NULL)]] std::optional<covet::Ref<Animal>> rescue;
  // expected-error@+1 {{relation target 'Animal' of 'zoo' is an abstract model, which has no table; refer to a concrete model such as 'Dog', 'Cat' or 'Parrot'}}
  [[covet::many_to_many]] covet::RefSet<Animal> zoo;
  // expected-error@+1 {{relation target 'Lonely' of 'friend_' is an abstract model, which has no table; no concrete model derives from it: refer to a concrete model}}
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Lonely> friend_;
};

// A declared reverse member, and a relation declared on an abstract base:
// reported once, at the member.
struct [[covet::model]] Keeper {
  covet::Id id;
  covet::ReverseSet<Animal> animals;  // expected-error {{relation target 'Animal' of 'animals' is an abstract model, which has no table; refer to a concrete model such as 'Dog', 'Cat' or 'Parrot'}}
};

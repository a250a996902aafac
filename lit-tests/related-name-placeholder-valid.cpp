// "{model}" in a related_name or related_query_name of an abstract base's
// relation is each concrete model's lower-case name (Django's %(class)s):
// Dog and Cat get distinct reverse names, which are identifiers, and a
// declared reverse member matches the expanded name. All well-formed.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Owner {
  covet::Id id;
  covet::ReverseSet<struct Dog> dog_pets;  // the reverse of Dog::owner
};

struct [[covet::model]] Tag {
  covet::Id id;
};

struct [[covet::model, covet::abstract]] Animal {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("{model}_pets"),
    covet::related_query_name("{model}_pet")]]
  covet::Ref<Owner> owner;
  [[covet::many_to_many, covet::related_name("{model}s")]] covet::RefSet<Tag> tags;
};

struct [[covet::model, covet::abstract]] Pet : Animal {
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("{model}_fans")]]
  std::optional<covet::Ref<Owner>> fan;
};

struct [[covet::model]] Dog : Pet {};
struct [[covet::model]] Cat : Pet {};

// Lookups use the expanded query names.
inline void lookups(covet::Database& db) {
  db.objects<Owner>().filter("dog_pet__id", 1).count();
  db.objects<Owner>().filter("cat_pet__id", 1).count();
  db.objects<Tag>().filter("dogs__id", 1).count();
}

// Models for the abstract-base suite (test/inheritance/abstract_test.cpp):
// abstract bases (covet::abstract) give their columns, relations and options
// to each concrete model deriving from them, and have no table of their own.
// Tables start with "inh_abstract_".
//
//   Animal (abstract): name, age (db_index), owner -> Owner (CASCADE, default
//     reverse names), unique_together(owner, name)
//     Dog : Animal { good }       Cat : Animal { lives }
//   Creature (abstract): species, keeper -> Keeper (SET_NULL, related_name
//     "{model}_items", related_query_name "{model}_item"),
//     unique_together(species, keeper)
//     Bird (abstract) : Creature { wingspan, tags <-> Tag (automatic join
//       table), shelter -> Shelter (PROTECT, related_name "{model}s") }
//       Parrot : Bird { phrase }  Owl : Bird { nocturnal }
//   Keeper declares the reverse member Keeper::parrot_items (ReverseSet<Parrot>).
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace inh_abstract {

struct [[covet::model("inh_abstract_owner")]] Owner {
  covet::Id id;
  std::string name;
};

struct [[covet::model, covet::abstract, covet::unique_together("owner", "name")]] Animal {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  [[covet::db_index]] int age = 0;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Owner> owner;
};

struct [[covet::model("inh_abstract_dog")]] Dog : Animal {
  bool good = true;
};

struct [[covet::model("inh_abstract_cat")]] Cat : Animal {
  int lives = 9;
};

struct [[covet::model("inh_abstract_keeper")]] Keeper {
  covet::Id id;
  std::string name;
  covet::ReverseSet<struct Parrot> parrot_items;  // the reverse of Parrot::keeper ("{model}_items")
};

struct [[covet::model("inh_abstract_tag")]] Tag {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_abstract_shelter")]] Shelter {
  covet::Id id;
  std::string name;
};

struct [[covet::model, covet::abstract, covet::unique_together("species", "keeper")]] Creature {
  covet::Id id;
  std::string species;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("{model}_items"),
    covet::related_query_name("{model}_item")]]
  std::optional<covet::Ref<Keeper>> keeper;
};

struct [[covet::model, covet::abstract]] Bird : Creature {
  int wingspan = 0;
  [[covet::many_to_many]] covet::RefSet<Tag> tags;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("{model}s")]]
  std::optional<covet::Ref<Shelter>> shelter;
};

struct [[covet::model("inh_abstract_parrot")]] Parrot : Bird {
  std::string phrase;
};

struct [[covet::model("inh_abstract_owl")]] Owl : Bird {
  bool nocturnal = true;
};

}  // namespace inh_abstract

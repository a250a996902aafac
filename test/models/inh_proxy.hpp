// Models for the proxy-model and default-ordering suites
// (test/inheritance/proxy_test.cpp, test/query/default_ordering_test.cpp):
// the guide's Person/Adult, a proxy of a proxy, proxies that inherit,
// replace or clear the parent's default ordering, relations to the parent
// and to the proxy under several on_delete policies, and an abstract base
// whose ordering its children inherit. Tables start with "inh_proxy_".
//
//   Person (ordering "name")  <- Adult (proxy, ordering "-age", "name")  <- Senior (proxy)
//                             <- Member (proxy: inherits "name")
//                             <- Unordered (proxy, ordering(): none)
//   Pet.owner -> Person (CASCADE, reverse "pets", declared on Person)
//   Person.guardian -> Person (SET_NULL, reverse "wards")
//   Person.clubs <-> Club (automatic join table, reverse "members")
//   Fan.idol -> Adult (CASCADE, reverse "fans": Adult's only)
//   Ballot.voter -> Adult (PROTECT)     Licence.holder -> Adult (SET_NULL)
//   Committee.chairs <-> Adult (automatic join table)
//   Stamped (abstract, ordering "-created") <- Note
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace inh_proxy {

struct [[covet::model("inh_proxy_person"), covet::ordering("name")]] Person {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  int age = 0;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("wards")]]
  std::optional<covet::Ref<Person>> guardian;
  [[covet::many_to_many, covet::related_name("members")]] covet::RefSet<struct Club> clubs;
  covet::ReverseSet<struct Pet> pets;
};

// The guide's proxy: Person's rows, its own ordering and query.
struct [[covet::model, covet::proxy, covet::ordering("-age", "name")]] Adult : Person {
  static covet::QuerySet<Adult> get_adults(covet::Database& db) {
    return db.objects<Adult>().filter("age__gte", 18);
  }
};

// A proxy of a proxy: Person's rows again, Adult's ordering.
struct [[covet::model, covet::proxy]] Senior : Adult {
  static covet::QuerySet<Senior> get_seniors(covet::Database& db) {
    return db.objects<Senior>().filter("age__gte", 65);
  }
};

struct [[covet::model, covet::proxy]] Member : Person {};

struct [[covet::model, covet::proxy, covet::ordering()]] Unordered : Person {};

struct [[covet::model("inh_proxy_club")]] Club {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_proxy_pet"), covet::ordering("name")]] Pet {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("pets")]] covet::Ref<Person> owner;
};

struct [[covet::model("inh_proxy_fan")]] Fan {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("fans")]] covet::Ref<Adult> idol;
};

struct [[covet::model("inh_proxy_ballot")]] Ballot {
  covet::Id id;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("ballots")]] covet::Ref<Adult> voter;
};

struct [[covet::model("inh_proxy_licence")]] Licence {
  covet::Id id;
  std::string code;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("licences")]]
  std::optional<covet::Ref<Adult>> holder;
};

struct [[covet::model("inh_proxy_committee")]] Committee {
  covet::Id id;
  std::string name;
  [[covet::many_to_many, covet::related_name("committees")]] covet::RefSet<Adult> chairs;
};

struct [[covet::model, covet::abstract, covet::ordering("-created")]] Stamped {
  covet::Id id;
  int created = 0;
};

struct [[covet::model("inh_proxy_note")]] Note : Stamped {
  std::string text;
};

}  // namespace inh_proxy

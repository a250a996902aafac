// Models for many-to-many relations whose owner is a multi-table child
// (test/inheritance/multi_table_many_to_many_test.cpp). Tables are prefixed
// "inh_m2m_".
//
//   Entrant (inh_m2m_entrant: id, name)
//     <- Athlete (inh_m2m_athlete: entrant_ptr_id, number)
//          Athlete.squads   through Signing, no unique pair: on PostgreSQL
//                           add() locks the athletes' rows (their own table)
//          Athlete.medals   automatic join table (UNIQUE pair): set() locks
//                           the owner's row
//   Signing (inh_m2m_signing: id, athlete_id -> inh_m2m_athlete, squad_id, role)
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace inh_m2m {

struct Squad;
struct Medal;

struct [[covet::model("inh_m2m_entrant"), covet::multi_table]] Entrant {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_m2m_athlete")]] Athlete : Entrant {
  int number = 0;
  [[covet::many_to_many, covet::through("Signing"), covet::related_name("athletes")]]
  covet::RefSet<Squad> squads;
  [[covet::many_to_many, covet::related_name("holders")]] covet::RefSet<Medal> medals;
};

struct [[covet::model("inh_m2m_squad")]] Squad {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_m2m_medal")]] Medal {
  covet::Id id;
  std::string name;
};

// A through model without a unique pair.
struct [[covet::model("inh_m2m_signing")]] Signing {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Athlete> athlete;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Squad> squad;
  int role = 0;
};

}  // namespace inh_m2m

// Models for the many-to-many pair writes under concurrency and for
// covet::unique_together (test/relations/m2m_concurrency_test.cpp,
// unique_together_test.cpp). Tables are prefixed "m2m_".
//
//   Person.clubs    automatic join table m2m_person_clubs (UNIQUE pair)  (reverse: Club "members")
//   Person.courses  through Enrolment, which has no unique pair           (reverse: Course "students")
//   Person.events   through Seat, unique_together("event", "person")      (reverse: Event "guests")
//   Person.friends  self many-to-many, symmetrical, automatic join table
//   Seat also has unique_together("event", "row", "number"): one seat, one guest.
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace m2m {

struct Club;
struct Course;
struct Event;

struct [[covet::model("m2m_person")]] Person {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::many_to_many, covet::related_name("members")]] covet::RefSet<Club> clubs;
  [[covet::many_to_many, covet::through("Enrolment"), covet::related_name("students")]]
  covet::RefSet<Course> courses;
  [[covet::many_to_many, covet::through("Seat"), covet::related_name("guests")]]
  covet::RefSet<Event> events;
  [[covet::many_to_many]] covet::RefSet<Person> friends;
};

struct [[covet::model("m2m_club")]] Club {
  covet::Id id;
  [[covet::unique, covet::max_length(100)]] std::string name;
};

struct [[covet::model("m2m_course")]] Course {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
};

struct [[covet::model("m2m_event")]] Event {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
};

// A through model without a unique pair.
struct [[covet::model("m2m_enrolment")]] Enrolment {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Person> person;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Course> course;
  int year = 2024;
};

// A through model with a unique pair, named in the other order than the keys
// are declared, and a second constraint over three columns.
struct [[covet::model("m2m_seat"), covet::unique_together("event", "person"),
         covet::unique_together("event", "row", "number")]] Seat {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Person> person;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Event> event;
  int row = 0;
  int number = 0;
};

}  // namespace m2m

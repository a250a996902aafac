// Models for the multi-table inheritance read suites
// (test/inheritance/multi_table_read_test.cpp). Tables are prefixed
// "inh_mtir_".
//
//   Person                      inh_mtir_person      id, name, age, city_id
//   ├── Employee : Person       inh_mtir_employee    person_ptr_id, department, salary, office_id
//   │   └── Manager : Employee  inh_mtir_manager     employee_ptr_id, reports
//   └── Customer : Person       inh_mtir_customer    person_ptr_id, tier
//
// Relations into and out of the hierarchy:
//   Person.city       FK out of the parent, nullable      (reverse: City "residents")
//   Person.clubs      many-to-many out of the parent      (reverse: Club "members")
//   Employee.office   FK out of a child, nullable         (reverse: Office "staff")
//   Review.reviewer   FK into the parent                  (reverse: Person "reviews")
//   Book.author       FK into a child                     (reverse: Employee "books")
//   Badge.holder      one-to-one into the grandchild      (reverse: Manager "badge")
//
// Employee.fetched_reviews receives, by Prefetch(..., to_attr), the reverse
// side of a relation into its parent (Review.reviewer).
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace inh_mtir {

struct Employee;
struct Review;

struct [[covet::model("inh_mtir_city")]] City {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
};

struct [[covet::model("inh_mtir_office")]] Office {
  covet::Id id;
  [[covet::max_length(50)]] std::string floor;
  covet::ReverseSet<Employee> staff;  // the reverse of Employee.office: a relation out of a child
};

struct [[covet::model("inh_mtir_club")]] Club {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
};

struct [[covet::model("inh_mtir_person")]] Person {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  int age = 0;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("residents")]]
  std::optional<covet::Ref<City>> city;
  [[covet::many_to_many, covet::related_name("members")]]
  covet::RefSet<Club> clubs;
};

struct [[covet::model("inh_mtir_employee")]] Employee : Person {
  [[covet::max_length(50)]] std::string department;
  int salary = 0;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("staff")]]
  std::optional<covet::Ref<Office>> office;
  covet::Prefetched<Review> fetched_reviews;  // to_attr: the reverse of Review.reviewer, a parent's relation
};

struct [[covet::model("inh_mtir_manager")]] Manager : Employee {
  int reports = 0;
};

struct [[covet::model("inh_mtir_customer")]] Customer : Person {
  [[covet::max_length(20)]] std::string tier;
};

struct [[covet::model("inh_mtir_review")]] Review {
  covet::Id id;
  [[covet::max_length(100)]] std::string text;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("reviews")]]
  covet::Ref<Person> reviewer;
};

struct [[covet::model("inh_mtir_book")]] Book {
  covet::Id id;
  [[covet::max_length(100)]] std::string title;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Employee> author;
};

struct [[covet::model("inh_mtir_badge")]] Badge {
  covet::Id id;
  [[covet::max_length(20)]] std::string code;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("badge")]]
  covet::Ref<Manager> holder;
};

}  // namespace inh_mtir

// Models for the multi-table inheritance write suite
// (test/inheritance/multi_table_write_test.cpp): the guide's
// Person / Employee / Customer, a grandchild Manager : Employee, and
// relations into and out of the hierarchy. Tables start with "inh_mtiw_".
//
//   Person (inh_mtiw_person: id, name, email UNIQUE, city_id, created_at)
//     <- Employee (inh_mtiw_employee: person_ptr_id, badge UNIQUE, salary,
//                  employer_id, updated_at; unique_together(employer, desk))
//          <- Manager (inh_mtiw_manager: employee_ptr_id, reports, budget)
//     <- Customer (inh_mtiw_customer: person_ptr_id, tier)
//
//   out of the hierarchy:  Person.city -> City (CASCADE)
//                          Employee.employer -> Company (SET_NULL, nullable)
//                          Employee.skills <-> Skill (automatic join table)
//   into the hierarchy:    Note.person -> Person (CASCADE)
//                          Payslip.employee -> Employee (CASCADE)
//                          Review.customer -> Customer (PROTECT)
//                          Project.lead -> Manager (SET_NULL, nullable)
//
//   Account (inh_mtiw_account: id, delegate_id) <- Admin (inh_mtiw_admin: account_ptr_id, level)
//     Account.delegate -> Admin (CASCADE, nullable): a parent referring to a child
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace inh_mtiw {

struct [[covet::model("inh_mtiw_city")]] City {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_mtiw_company")]] Company {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_mtiw_skill")]] Skill {
  covet::Id id;
  std::string name;
};

struct [[covet::model("inh_mtiw_person"), covet::multi_table]] Person {
  covet::Id id;
  [[covet::max_length(40)]] std::string name;
  [[covet::unique]] std::string email;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("people")]]
  std::optional<covet::Ref<City>> city;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> created_at{};
};

struct [[covet::model("inh_mtiw_employee"), covet::unique_together("employer", "desk")]] Employee : Person {
  [[covet::unique]] std::string badge;
  int salary = 0;
  int desk = 0;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("employees")]]
  std::optional<covet::Ref<Company>> employer;
  [[covet::many_to_many, covet::related_name("employees")]] covet::RefSet<Skill> skills;
  [[covet::auto_now]] std::chrono::sys_time<std::chrono::microseconds> updated_at{};
};

struct [[covet::model("inh_mtiw_manager")]] Manager : Employee {
  int reports = 0;
  std::optional<std::string> budget;
};

struct [[covet::model("inh_mtiw_customer")]] Customer : Person {
  std::string tier;
};

struct [[covet::model("inh_mtiw_note")]] Note {
  covet::Id id;
  std::string text;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("notes")]] covet::Ref<Person> person;
};

struct [[covet::model("inh_mtiw_payslip")]] Payslip {
  covet::Id id;
  int amount = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("payslips")]] covet::Ref<Employee> employee;
};

struct [[covet::model("inh_mtiw_review")]] Review {
  covet::Id id;
  std::string text;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("reviews")]] covet::Ref<Customer> customer;
};

struct [[covet::model("inh_mtiw_project")]] Project {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("projects")]]
  std::optional<covet::Ref<Manager>> lead;
};

struct [[covet::model("inh_mtiw_account")]] Account {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("delegates")]]
  std::optional<covet::Ref<struct Admin>> delegate;
};

struct [[covet::model("inh_mtiw_admin")]] Admin : Account {
  int level = 0;
};

}  // namespace inh_mtiw

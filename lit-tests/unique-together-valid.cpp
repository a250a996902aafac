// Well-formed covet::unique_together: silent, and emitted into ModelSpec in
// the order written (an abstract base's constraints go to the models that
// inherit it without writing their own). The metadata compiles without the
// plugin, with clang and with g++-12.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: rm -f %t.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp %s
// RUN: FileCheck %s --input-file %t.cpp
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.cpp
// RUN: %if gxx12 %{ %gxx12 -fsyntax-only -Wall -Wextra -Werror %t.cpp %}
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Person {
  covet::Id id;
  std::string name;
  [[covet::many_to_many, covet::through("Membership"), covet::through_fields("person", "group"),
    covet::related_name("members")]]
  covet::RefSet<struct Group> groups;
};

struct [[covet::model]] Group {
  covet::Id id;
  std::string name;
};

// Two constraints: the pair (in the order the keys are declared or not), and
// a column with a nullable key.
struct [[covet::model, covet::unique_together("group", "person"), covet::unique_together("group", "rank", "deputy")]] Membership {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Person> person;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Group> group;
  int rank = 0;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("deputies")]] std::optional<covet::Ref<Person>> deputy;
};

struct [[covet::model, covet::abstract, covet::unique_together("code", "year")]] Coded {
  covet::Id id;
  std::string code;
  int year = 0;
};

struct [[covet::model]] Course : Coded {};

struct [[covet::model, covet::unique_together("code", "term")]] Exam : Coded {
  int term = 0;
};

// CHECK: {.name = "Person", .table = "person", .content_type = "default.person"},
// CHECK: {.name = "Group", .table = "group", .content_type = "default.group"},
// CHECK: {.name = "Membership", .table = "membership", .unique_together = {{[{][{]}}"group", "person"}, {"group", "rank", "deputy"}}, .content_type = "default.membership"},
// CHECK: {.name = "Course", .table = "course", .abstract_bases = {&typeid(::Coded)}, .unique_together = {{[{][{]}}"code", "year"}}, .content_type = "default.course"},
// CHECK: {.name = "Exam", .table = "exam", .abstract_bases = {&typeid(::Coded)}, .unique_together = {{[{][{]}}"code", "term"}}, .content_type = "default.exam"},

// A proxy with data members or without a concrete parent
// (checks/ProxyShapeCheck.h), and a model with two concrete parents
// (checks/MultipleParentsCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Person {
  covet::Id id;
  std::string name;
};
struct [[covet::model, covet::proxy]] Adult : Person {
  // expected-error@+1 {{proxy model 'Adult' cannot have data members: it shares the table of 'Person', which has no column for 'Adult::age'; move the member to 'Person', or remove 'covet::proxy' to give 'Adult' a table of its own}}
  int age = 0;
  static constexpr int threshold = 18;  // static members are fine
  bool is_adult() const { return true; }
};

// A member brought in by an abstract base the parent does not have.
struct [[covet::model, covet::abstract]] Noted {
  std::string note;  // expected-note {{'Noted::note' declared here}}
};
// expected-error@+1 {{proxy model 'NotedPerson' cannot have data members: it shares the table of 'Person', which has no column for 'Noted::note' (from an abstract base); move the member to 'Person'}}
struct [[covet::model, covet::proxy]] NotedPerson : Person, Noted {};

// No concrete parent at all.
// expected-error@+1 {{proxy model 'Floating' derives from no concrete model: a proxy loads and saves the rows of the concrete model it derives from; derive it from one, or remove 'covet::proxy'}}
struct [[covet::model, covet::proxy]] Floating : Noted {
  covet::Id id;
};

// Two concrete parents, directly or through an abstract base.
struct [[covet::model]] Company {
  covet::Id id;
};
struct [[covet::model, covet::abstract]] CompanyPart : Company {};
struct [[covet::model, covet::proxy]] Both
    : Person,  // expected-note {{'Person' is the concrete parent of 'Both' here}}
      Company {};  // expected-error {{model 'Both' derives from two concrete models, 'Person' and 'Company': a proxy shows the rows of one concrete model; make one of them 'covet::abstract', or derive from one only}}
struct [[covet::model]] Employee
    : Person,  // expected-note {{'Person' is the concrete parent of 'Employee' here}}
      CompanyPart {};  // expected-error {{model 'Employee' derives from two concrete models, 'Person' and 'Company' (through its abstract base 'CompanyPart'): a model extends the table of one concrete parent; make one of them 'covet::abstract', or derive from one only}}

// Models of lookup-multi-table.cpp: a multi-table hierarchy, a relation into
// a child and one into the parent.
#include <covet/covet.hpp>

#include <string>

namespace mt {

struct [[covet::model]] Person {
  covet::Id id;
  std::string name;
};

struct [[covet::model]] Employee : Person {
  std::string department;
};

struct [[covet::model]] Manager : Employee {
  int reports = 0;
};

struct [[covet::model]] Customer : Person {
  std::string tier;
};

struct [[covet::model]] Review {
  covet::Id id;
  std::string text;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("reviews")]] covet::Ref<Person> reviewer;
};

struct [[covet::model]] Book {
  covet::Id id;
  std::string title;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]] covet::Ref<Employee> author;
};

}  // namespace mt

// Models for the fault-injection suites (test/fault/): one graph whose
// writes take many statements. Tables start with "fault_".
//
//   Publisher.parent -> Publisher     (CASCADE, nullable: imprints of a house)
//   Publisher <- Book (CASCADE)       <- Chapter (CASCADE: a fast delete)
//   Book.tags <-> Tag                 (automatic join table fault_book_tags)
//   Publisher <- Magazine (SET_NULL)
//   Probe                             (what a test writes to prove the handle works)
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace fault {

struct [[covet::model("fault_publisher")]] Publisher {
  covet::Id id;
  [[covet::max_length(60)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("imprints")]]
  std::optional<covet::Ref<Publisher>> parent;
};

struct [[covet::model("fault_tag")]] Tag {
  covet::Id id;
  [[covet::unique, covet::max_length(40)]] std::string name;
};

struct [[covet::model("fault_book")]] Book {
  covet::Id id;
  [[covet::max_length(100)]] std::string title;
  int pages = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Publisher> publisher;
  [[covet::many_to_many, covet::related_name("books")]] covet::RefSet<Tag> tags;
};

struct [[covet::model("fault_chapter")]] Chapter {
  covet::Id id;
  int number = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("chapters")]]
  covet::Ref<Book> book;
};

struct [[covet::model("fault_magazine")]] Magazine {
  covet::Id id;
  [[covet::max_length(60)]] std::string title;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("magazines")]]
  std::optional<covet::Ref<Publisher>> publisher;
};

struct [[covet::model("fault_probe")]] Probe {
  covet::Id id;
  [[covet::max_length(60)]] std::string note;
};

}  // namespace fault

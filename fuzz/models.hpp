// The models the query fuzzer (query_fuzzer.cpp) queries: every column type
// a lookup can meet and every relation shape a path can walk. Tables start
// with "fz_".
//
//   Book.author   -> Author   foreign key, NOT NULL, CASCADE   (reverse: Author "books", declared)
//   Book.editor   -> Author   foreign key, nullable, SET_NULL  (reverse: "edited_books")
//   Book.tags    <-> Tag      many-to-many                     (reverse: Tag "books")
//   Profile.author -> Author  one-to-one, CASCADE              (reverse: Author "profile", declared)
//   Person.mentor -> Person   self foreign key, nullable       (reverse: "mentees")
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fuzzmodels {

struct Book;
struct Profile;

struct [[covet::model("fz_author")]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  std::optional<std::string> bio;
  int age = 0;
  std::optional<std::chrono::sys_seconds> joined_at;
  covet::ReverseSet<Book> books;
  covet::ReverseOne<Profile> profile;
};

struct [[covet::model("fz_tag")]] Tag {
  covet::Id id;
  [[covet::unique, covet::max_length(40)]] std::string name;
};

struct [[covet::model("fz_book")]] Book {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int year = 0;
  double price = 0;
  bool in_print = true;
  std::optional<std::chrono::sys_days> published_on;
  std::optional<std::int64_t> pages;
  std::vector<std::byte> cover;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Author> author;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("edited_books")]]
  std::optional<covet::Ref<Author>> editor;
  [[covet::many_to_many, covet::related_name("books")]] covet::RefSet<Tag> tags;
};

struct [[covet::model("fz_profile")]] Profile {
  covet::Id id;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("profile")]]
  covet::Ref<Author> author;
  [[covet::max_length(100)]] std::string website;
};

struct [[covet::model("fz_person")]] Person {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("mentees")]]
  std::optional<covet::Ref<Person>> mentor;
};

}  // namespace fuzzmodels

// The library models: authors, publishers, books and profiles. The query
// suites (test/query/) filter, exclude, order and slice them; they cover
// every column type a lookup can meet and every relation shape a path can
// walk:
//
//   Book.author     foreign key, NOT NULL        (reverse: Author "books", declared)
//   Book.editor     foreign key, nullable        (reverse: Author "edited_books")
//   Book.publisher  foreign key, nullable        (reverse: Publisher "books")
//   Profile.author  one-to-one                   (reverse: Author "profile", single)
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace library {

enum class Format : std::int16_t { Paperback = 1, Hardcover = 2, Ebook = 3 };

struct Book;
struct Profile;

struct [[covet::model("lib_publisher")]] Publisher {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::max_length(2)]] std::string country;  // ISO 3166 code, "GB"
};

struct [[covet::model("lib_author")]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  std::optional<std::string> bio;
  int age = 0;
  std::optional<std::chrono::sys_seconds> joined_at;  // a nullable timestamp
  covet::ReverseSet<Book> books;                      // the reverse of Book::author
  covet::ReverseOne<Profile> profile;                 // the reverse of Profile::author
  covet::Prefetched<Book> recent_books;               // filled by Prefetch(..., to_attr)
};

struct [[covet::model("lib_book")]] Book {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int published_year = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Author> author;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("edited_books")]]
  std::optional<covet::Ref<Author>> editor;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("books")]]
  std::optional<covet::Ref<Publisher>> publisher;
  double price = 0;
  bool in_print = true;
  std::optional<std::chrono::sys_days> published_on;  // a nullable date
  Format format = Format::Paperback;
  std::optional<std::int64_t> pages;
};

struct [[covet::model("lib_profile")]] Profile {
  covet::Id id;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("profile")]]
  covet::Ref<Author> author;
  [[covet::max_length(100)]] std::string website;
  std::optional<std::string> handle;
  std::chrono::sys_time<std::chrono::microseconds> created_at{};  // a timestamp
};

}  // namespace library

// Models for the connection and transaction suites (test/transaction/,
// test/backend/): a table to write notes to, and a cascade three levels deep
// for killing the connection between the statements of a delete. Tables
// start with "conn_".
//
//   ConnAuthor <- ConnBook (CASCADE) <- ConnReview (CASCADE)
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace conn {

struct [[covet::model("conn_note")]] ConnNote {
  covet::Id id;
  [[covet::max_length(200)]] std::string text;
};

struct [[covet::model("conn_author")]] ConnAuthor {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
};

struct [[covet::model("conn_book")]] ConnBook {
  covet::Id id;
  [[covet::max_length(80)]] std::string title;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<ConnAuthor> author;
};

struct [[covet::model("conn_review")]] ConnReview {
  covet::Id id;
  [[covet::max_length(80)]] std::string body;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("reviews")]]
  covet::Ref<ConnBook> book;
};

}  // namespace conn

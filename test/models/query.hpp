// Models for the query-layer suites (test/query/) where the library models
// fall short. Tables are prefixed "qry_".
//
//   Person.mentor      self foreign key, nullable   (reverse: Person "mentees")
//                      long chains of it make deep lookup paths
//   Article.writer     foreign key, NOT NULL        (reverse: Writer "articles")
//   Article.reviewer   foreign key, nullable        (reverse: Person "reviewed")
//   Article.labels     many-to-many                 (reverse: Label "articles")
//   Note.article       foreign key, NOT NULL        (reverse: Article "notes")
//   Stock.warehouse    foreign key to_field("code") (reverse: Warehouse "stocks")
//
// Writer -> articles -> notes / reviewer / labels give to-many paths of one
// and two levels whose last field may be NULL, for isnull and exclude().
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace qry {

struct Article;
struct Label;

struct [[covet::model("qry_person")]] Person {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  std::optional<std::string> nickname;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("mentees")]]
  std::optional<covet::Ref<Person>> mentor;
};

struct [[covet::model("qry_writer")]] Writer {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
};

struct [[covet::model("qry_label")]] Label {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  std::optional<std::string> color;
};

struct [[covet::model("qry_article")]] Article {
  covet::Id id;
  [[covet::max_length(100)]] std::string title;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("articles")]]
  covet::Ref<Writer> writer;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("reviewed")]]
  std::optional<covet::Ref<Person>> reviewer;
  [[covet::many_to_many, covet::related_name("articles")]]
  covet::RefSet<Label> labels;
};

struct [[covet::model("qry_note")]] Note {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("notes")]]
  covet::Ref<Article> article;
  std::optional<std::string> body;
};

struct [[covet::model("qry_warehouse")]] Warehouse {
  covet::Id id;
  [[covet::unique, covet::max_length(8)]] std::string code;
  [[covet::max_length(50)]] std::string name;
};

struct [[covet::model("qry_stock")]] Stock {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::to_field("code"), covet::related_name("stocks")]]
  covet::Ref<Warehouse> warehouse;
  [[covet::max_length(20)]] std::string sku;
  int quantity = 0;
};

}  // namespace qry

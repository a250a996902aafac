// Well-formed models exercising every attribute and option; used by
// valid-models.cpp (no diagnostics), emit-metadata.cpp (FileCheck) and
// emit-compiles.cpp (the emitted file compiles without the plugin).
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace blog {

// The DESIGN.md contract models.
struct [[covet::model]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  std::optional<std::string> bio;
  covet::ReverseSet<struct Book> books;  // the reverse side of Book::author
  covet::Prefetched<struct Book> recent_books;  // filled by Prefetch(..., &Author::recent_books)
  // Comment's generic reference, from this side (on_delete CASCADE).
  [[covet::related_query_name("author")]] covet::GenericRelation<struct Comment> comments;
};

struct [[covet::model("books")]] Book {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int published_year = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Author> author;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("edited_books")]]
  std::optional<covet::Ref<Author>> editor;
  // A foreign key to a type that is incomplete here.
  [[covet::foreign_key(covet::PROTECT), covet::related_query_name("book"),
    covet::db_constraint(false), covet::db_index(false), covet::column("pub")]]
  std::optional<covet::Ref<struct Publisher>> publisher;
  [[covet::many_to_many, covet::through("Tagging"), covet::through_fields("book", "tag")]]
  covet::RefSet<struct Tag> tags;
  [[covet::generic_relation]] covet::GenericRelation<struct Comment> comments;
  [[covet::generic_relation(covet::SET_NULL), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<struct Label> labels;
};

inline covet::Ref<Author> anonymous_author() { return {}; }

struct [[covet::model]] Publisher {
  covet::Id id;
  [[covet::unique, covet::db_index, covet::column("publisher_name")]] std::string name;
  [[covet::foreign_key(covet::SET(anonymous_author)), covet::to_field("id")]]
  covet::Ref<Author> owner;
  [[covet::one_to_one(covet::RESTRICT)]] std::optional<covet::Ref<Publisher>> successor;
  [[covet::foreign_key(covet::DO_NOTHING), covet::related_name("+")]] covet::Ref<Author> contact;
  [[covet::foreign_key(covet::SET_DEFAULT), covet::related_name("fallback_publishers")]]
  covet::Ref<Author> fallback = {};
};

struct [[covet::model]] Tag {
  covet::Id id;
  [[covet::db_index(true)]] std::string label;
  [[covet::many_to_many, covet::symmetrical(false)]] covet::RefSet<Tag> related;
  [[covet::many_to_many, covet::symmetrical(true)]] covet::RefSet<Tag> twins;
};

struct [[covet::model]] Tagging {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Book> book;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Tag> tag;
};

// Inheritance: an abstract base contributes fields to a single-table
// hierarchy (polymorphic_on at its root: its discriminator column is Covet's,
// not a member) with a proxy, and to a multi-table one.
struct [[covet::model, covet::abstract]] Timestamped {
  covet::Id id;
  long created = 0;
  // Each concrete model deriving from it gets it (declared_by its owner).
  [[covet::generic_relation(covet::DO_NOTHING), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<struct Label> labels;
};

struct [[covet::model, covet::polymorphic_on("kind")]] Place : Timestamped {
  std::string name;
};

struct [[covet::model, covet::proxy]] OrderedPlace : Place {};

struct [[covet::model, covet::polymorphic_identity("cafe")]] Cafe : Place {
  [[covet::max_length(20)]] std::string roast;
};

struct [[covet::model]] Venue : Timestamped {
  std::string name;
};

struct [[covet::model, covet::multi_table]] Restaurant : Venue {
  bool serves_pizza = false;
};

// Generic references: a comment on a book or an author (the default members
// content_type and object_id), a label on any model (its own members,
// nullable).
struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Book, Author> content_object;
};

struct [[covet::model]] Label {
  covet::Id id;
  std::string name;
  std::optional<covet::ContentTypeId> target_type;
  std::optional<std::int64_t> target_id;
  [[covet::generic_fields("target_type", "target_id")]] covet::GenericRef<> target;
};

}  // namespace blog

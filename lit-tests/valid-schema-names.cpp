// Near misses of the schema-name rules (duplicate columns, join-table
// clashes, identifier characters, length and reserved names): all well-formed.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  std::string name;
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::string name;
};

// A foreign key `author` beside a member `author_id` is fine once the key has
// a column of its own; covet::column("id") on the key itself is its column.
struct [[covet::model]] Book {
  [[covet::column("id")]] covet::Id key;
  [[covet::foreign_key(covet::CASCADE), covet::column("writer_id"), covet::related_name("books")]] covet::Ref<Author> author;
  int author_id = 0;
  std::string name;  // Author has a column 'name' too: another table
  [[covet::column("Title")]] std::string title;
};

// A through model may have the table an automatic join table would have had:
// then there is no automatic join table.
struct [[covet::model("post")]] Post {
  covet::Id id;
  [[covet::many_to_many, covet::through("PostTag"), covet::related_name("posts")]] covet::RefSet<Tag> tags;
};
struct [[covet::model("post_tags")]] PostTag {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Post> post;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<Tag> tag;
};

// Members inherited from an abstract base land once in each child's table;
// a multi-table child has a table of its own, so it may reuse its parent's
// column names; single-table children with distinct columns share one table.
struct [[covet::model, covet::abstract]] Stamped {
  covet::Id id;
  long created = 0;
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<Tag> labels;
};
struct [[covet::model]] Photo : Stamped {};
struct [[covet::model]] Video : Stamped {};
struct [[covet::model("place")]] Place {
  covet::Id id;
  std::string address;
};
struct [[covet::model, covet::multi_table]] Restaurant : Place {
  [[covet::column("address")]] std::string kitchen_address;
};
struct [[covet::model, covet::proxy]] SortedPlace : Place {};
struct [[covet::model("venue"), covet::polymorphic_on("kind")]] Venue {
  covet::Id id;
  std::string address;
};
struct [[covet::model, covet::polymorphic_identity("cafe")]] Cafe : Venue {
  int seats = 0;
};
struct [[covet::model, covet::polymorphic_identity("bar")]] Bar : Venue {
  int stools = 0;
};

// Names of exactly 63 bytes: the table, a column, a key column
// ("<member>_id"), an automatic join table and its key column.
struct [[covet::model("library_catalogue_entries_with_every_edition_and_every_reprints")]] Catalogue {
  covet::Id id;
  [[covet::column("number_of_copies_sold_in_the_first_week_after_the_publication_d")]] int sales = 0;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("+")]] covet::Ref<Author> publisher_that_first_printed_this_edition_in_its_home_countr;
};
struct [[covet::model("library_catalogue_entries_with_every_edition")]] Entry {
  covet::Id id;
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<struct TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXX> translators_into_o;
};
struct [[covet::model("translator")]] TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXX {
  covet::Id id;
};

// Characters: UTF-8 text, also spelled with escapes, is a valid name.
struct [[covet::model("café")]] Cafeteria {
  covet::Id id;
  [[covet::column("prix_\xc3\xa9")]] double price = 0;
  [[covet::column("größe")]] int size = 0;
  [[covet::column("with space")]] int spaced = 0;
  [[covet::column("quote\"d")]] int quoted = 0;
};

// Reserved names, nearly: "sqlite" without the underscore, a prefix elsewhere,
// and PostgreSQL system column names in another case or with more letters
// (Covet quotes names, so "XMIN" is not "xmin"); "oid" is no system column
// since PostgreSQL 12.
struct [[covet::model("sqlite")]] Sqlite {
  covet::Id id;
  [[covet::column("XMIN")]] int x_min = 0;
  int xmin_ = 0;
  int ymin = 0;
  long oid = 0;
  long ctid_copy = 0;
};
struct [[covet::model("my_sqlite_data")]] Data {
  covet::Id id;
};

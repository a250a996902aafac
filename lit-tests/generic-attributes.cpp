// covet::generic_fields goes on a GenericRef or GenericRelation,
// covet::generic_relation on a GenericRelation (checks/MisplacedOptionCheck.h);
// neither has a column for column options to shape; the bare spellings are
// rejected (DESIGN.md, "The attribute trap"); a GenericRelation's
// related_query_name is checked like a relation's (checks/RelatedNameCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <cstdint>
#include <string>

struct [[covet::model]] Comment {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<> content_object;
  [[covet::generic_fields("content_type", "object_id")]] std::string text;  // expected-error {{'covet::generic_fields' applies to generic references and generic relations, but 'text' is not a relation}}
  [[covet::generic_relation]] std::string body;  // expected-error {{'covet::generic_relation' applies to generic relations ('covet::GenericRelation<T>'), but 'body' is not a relation}}
  [[covet::generic_relation(covet::CASCADE)]] covet::GenericRef<> other;  // expected-error {{'covet::generic_relation' applies to generic relations ('covet::GenericRelation<T>'), but 'other' is a generic reference}}
  [[covet::unique]] covet::GenericRef<> third;  // expected-error {{'covet::unique' applies to columns, foreign keys and one-to-ones, but 'third' is a generic reference}}
  [[covet::related_query_name("x")]] covet::GenericRef<> fourth;  // expected-error {{'covet::related_query_name' applies to relation members and generic relations, but 'fourth' is a generic reference}}
  [[covet::generic_fields("content_type")]] covet::GenericRef<> fifth;  // expected-error {{'covet::generic_fields' takes 2 arguments}}
};

struct [[covet::model]] Post {
  covet::Id id;
  [[covet::column("c")]] covet::GenericRelation<Comment> a;  // expected-error {{'covet::column' applies to columns, but 'a' is a generic relation}}
  [[covet::related_name("posts")]] covet::GenericRelation<Comment> b;  // expected-error {{'covet::related_name' applies to relation members, but 'b' is a generic relation}}
  [[covet::related_query_name("po__st")]] covet::GenericRelation<Comment> c;  // expected-error {{reverse query name 'po__st' of 'c' must not contain '__'}}
  [[generic_fields("content_type", "object_id")]] covet::GenericRelation<Comment> d;  // expected-error {{attribute 'generic_fields' must be written 'covet::generic_fields'}}
  [[generic_relation(covet::DO_NOTHING)]] covet::GenericRelation<Comment> e;  // expected-error {{attribute 'generic_relation' must be written 'covet::generic_relation'}}
  [[covet::generic_relation, covet::generic_relation]] covet::GenericRelation<Comment> f;  // expected-error {{'covet::generic_relation' is given twice}} expected-note {{previous 'covet::generic_relation' is here}}
  [[covet::generic_field("a", "b")]] covet::GenericRelation<Comment> g;  // expected-error {{unknown attribute 'covet::generic_field'; did you mean 'covet::generic_fields'?}}
};

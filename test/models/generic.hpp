// Models for the generic-relation suites (test/generic/generic_*_test.cpp):
// the guide's comments on posts and photos, and one model of each case of
// a generic reference's declaration. Tables start with "gen_".
//
//   gen::Comment   GenericRef<Post, Photo, Link> over content_type / object_id
//   gen::Tag       GenericRef<> (any model) over the nullable target_type / target_id
//   gen::Note      GenericRef<> over content_type / object_id
//   gen::Post      GenericRelation<Comment> (CASCADE, related_query_name "post")
//   gen::Photo     GenericRelation<Comment> (CASCADE), GenericRelation<Tag> (SET_NULL)
//   gen::Page      GenericRelation<Note> (DO_NOTHING)
//   gen::Link      no GenericRelation: its comments dangle once it is erased
//   gen::Featured  a proxy of Post: its objects are Post rows
//   gen::Reply     a CASCADE foreign key to Comment: a generic cascade's chain
//   gen::Token     a covet::Uuid key, which no integer object id can hold
//   gen::Place     multi-table parent, GenericRelation<Note> (CASCADE)
//   gen::Restaurant  its child: inherits the relation under its own content type
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace gen {

struct Comment;
struct Tag;
struct Note;

struct [[covet::model("gen_post")]] Post {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;
};

struct [[covet::model, covet::proxy]] Featured : Post {};

struct [[covet::model("gen_photo")]] Photo {
  covet::Id id;
  [[covet::max_length(200)]] std::string caption;
  covet::GenericRelation<Comment> comments;
  [[covet::generic_relation(covet::SET_NULL), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<Tag> tags;
};

struct [[covet::model("gen_link")]] Link {
  covet::Id id;
  [[covet::max_length(200)]] std::string url;
};

struct [[covet::model("gen_page")]] Page {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  [[covet::generic_relation(covet::DO_NOTHING)]] covet::GenericRelation<Note> notes;
};

struct [[covet::model("gen_token")]] Token {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::max_length(50)]] std::string label;
};

struct [[covet::model("gen_place"), covet::multi_table]] Place {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  covet::GenericRelation<Note> notes;
};

struct [[covet::model("gen_restaurant")]] Restaurant : Place {
  int seats = 0;
};

struct [[covet::model("gen_comment")]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Post, Photo, Link> content_object;
};

struct [[covet::model("gen_reply")]] Reply {
  covet::Id id;
  std::string text;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Comment> comment;
};

struct [[covet::model("gen_tag")]] Tag {
  covet::Id id;
  [[covet::max_length(50)]] std::string label;
  std::optional<covet::ContentTypeId> target_type;
  std::optional<std::int64_t> target_id;
  [[covet::generic_fields("target_type", "target_id")]] covet::GenericRef<> target;
};

struct [[covet::model("gen_note")]] Note {
  covet::Id id;
  std::string body;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<> content_object;
};

}  // namespace gen

// A GenericRef's object-id member can hold the primary key of each model it
// may point at: the targets it lists, and the owners of the GenericRelations
// matching it (checks/GenericObjectIdTypeCheck.h; Django #16055, #33450,
// netbox #8195).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct [[covet::model]] Post {
  covet::Id id;  // expected-note 2 {{primary key 'Post::id' declared here}}
};
struct [[covet::model]] Photo {
  covet::Id id;
};
struct [[covet::model]] Document {
  [[covet::primary_key]] covet::Uuid id;  // expected-note {{primary key 'Document::id' declared here}}
};

struct [[covet::model]] Narrow {
  covet::Id id;
  covet::ContentTypeId content_type;
  int object_id = 0;  // expected-error {{object-id member 'Narrow::object_id' has type 'int', which cannot hold the primary key of 'Post' (a 'covet::Id', a 64-bit BIGINT); declare it 'std::int64_t'}}
  covet::GenericRef<Post, Photo> content_object;  // expected-note {{'Narrow::content_object' lists 'Post' as a target}}
};

struct [[covet::model]] Text {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::optional<std::string> object_id;  // expected-error {{object-id member 'Text::object_id' has type 'std::optional<std::string>' (aka 'optional<basic_string<char>>'), which cannot hold the primary key of 'Post' (a 'covet::Id', a 64-bit BIGINT); declare it 'std::optional<std::int64_t>'}}
  covet::GenericRef<Post> content_object;  // expected-note {{'Text::content_object' lists 'Post' as a target}}
};

struct [[covet::model]] Mixed {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;  // expected-error {{object-id member 'Mixed::object_id' has type 'std::int64_t' (aka 'long'), which cannot hold the primary key of 'Document' (a 'covet::Uuid'); declare it 'covet::Uuid'}}
  covet::GenericRef<Post, Document> content_object;  // expected-note {{'Mixed::content_object' lists 'Document' as a target}}
};

// GenericRef<> lists nothing: the GenericRelations pointing at it say what
// it may hold.
struct [[covet::model]] Tag {
  covet::Id id;
  covet::ContentTypeId content_type;
  unsigned long long object_id = 0;  // expected-error {{object-id member 'Tag::object_id' has type 'unsigned long long', which cannot hold the primary key of 'Archive' (a 'covet::Uuid'); declare it 'covet::Uuid'}}
  covet::GenericRef<> content_object;
};

struct [[covet::model]] Archive {
  [[covet::primary_key]] covet::Uuid id;  // expected-note {{primary key 'Archive::id' declared here}}
  covet::GenericRelation<Tag> tags;  // expected-note {{'Archive::tags' lets 'Archive' point here}}
};

struct [[covet::model]] Library {
  covet::Id id;  // expected-note {{primary key 'Library::id' declared here}}
  covet::GenericRelation<struct Signed> items;  // expected-note {{'Library::items' lets 'Library' point here}}
};
struct [[covet::model]] Signed {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::uint64_t object_id = 0;  // expected-error {{object-id member 'Signed::object_id' has type 'std::uint64_t' (aka 'unsigned long'), which cannot hold the primary key of 'Library' (a 'covet::Id', a 64-bit BIGINT); declare it 'std::int64_t'}}
  covet::GenericRef<> content_object;
};

// CHECK: fix-it:"{{.*}}generic-object-id-type.cpp":{27:3-27:6}:"std::int64_t"
// CHECK: fix-it:"{{.*}}generic-object-id-type.cpp":{34:3-34:29}:"std::optional<std::int64_t>"
// CHECK: fix-it:"{{.*}}generic-object-id-type.cpp":{41:3-41:15}:"covet::Uuid"

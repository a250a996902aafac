// covet::generic_relation(ON_DELETE) takes CASCADE (the default), SET_NULL
// or DO_NOTHING; SET_NULL needs both members of T's reference to be
// std::optional (checks/GenericRelationOnDeleteCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>

struct [[covet::model]] Comment {
  covet::Id id;
  covet::ContentTypeId content_type;  // expected-note {{declare 'Comment::content_type' 'std::optional<covet::ContentTypeId>'}}
  std::optional<std::int64_t> object_id;
  covet::GenericRef<> content_object;
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::optional<covet::ContentTypeId> content_type;
  std::optional<std::int64_t> object_id;
  covet::GenericRef<> content_object;
};

struct [[covet::model]] Rating {
  covet::Id id;
  covet::ContentTypeId content_type;  // expected-note {{declare 'Rating::content_type' 'std::optional<covet::ContentTypeId>'}}
  std::int64_t object_id = 0;         // expected-note {{declare 'Rating::object_id' 'std::optional<std::int64_t>'}}
  covet::GenericRef<> content_object;
};

covet::Value nothing();

struct [[covet::model]] Post {
  covet::Id id;
  [[covet::generic_relation]] covet::GenericRelation<Tag> a;
  [[covet::generic_relation(covet::CASCADE)]] covet::GenericRelation<Tag> b;
  [[covet::generic_relation(covet::SET_NULL)]] covet::GenericRelation<Tag> c;
  [[covet::generic_relation(covet::DO_NOTHING)]] covet::GenericRelation<Comment> d;
  [[covet::generic_relation(covet::PROTECT)]] covet::GenericRelation<Tag> e;  // expected-error {{'covet::PROTECT' is not an on_delete policy of a generic relation; use covet::CASCADE (the default), covet::SET_NULL or covet::DO_NOTHING}}
  [[covet::generic_relation(covet::SET_DEFAULT)]] covet::GenericRelation<Tag> f;  // expected-error {{'covet::SET_DEFAULT' is not an on_delete policy of a generic relation}}
  [[covet::generic_relation(covet::RESTRICT)]] covet::GenericRelation<Tag> g;  // expected-error {{'covet::RESTRICT' is not an on_delete policy of a generic relation}}
  [[covet::generic_relation(covet::SET(nothing))]] covet::GenericRelation<Tag> h;  // expected-error {{'covet::SET(nothing)' is not an on_delete policy of a generic relation}}
  [[covet::generic_relation(covet::SET_NULL)]] covet::GenericRelation<Comment> i;  // expected-error {{'covet::SET_NULL' on generic relation 'Post::i' writes NULL into 'Comment::content_type', but it has type 'covet::ContentTypeId'}}
  // expected-error@+2 {{'covet::SET_NULL' on generic relation 'Post::j' writes NULL into 'Rating::content_type', but it has type 'covet::ContentTypeId'}}
  // expected-error@+1 {{'covet::SET_NULL' on generic relation 'Post::j' writes NULL into 'Rating::object_id', but it has type 'std::int64_t' (aka 'long')}}
  [[covet::generic_relation(covet::SET_NULL)]] covet::GenericRelation<Rating> j;
  [[covet::generic_relation(covet::CASCADE, covet::SET_NULL)]] covet::GenericRelation<Tag> k;  // expected-error {{'covet::generic_relation' takes 1 argument}}
  [[covet::generic_relation(CASCADE)]] covet::GenericRelation<Tag> l;  // expected-error {{'CASCADE' is not an on_delete policy; use covet::CASCADE}}
};

// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{14:3-14:3}:"std::optional<"
// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{14:23-14:23}:">"
// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{28:3-28:3}:"std::optional<"
// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{28:23-28:23}:">"
// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{29:3-29:3}:"std::optional<"
// CHECK: fix-it:"{{.*}}generic-relation-on-delete.cpp":{29:15-29:15}:">"

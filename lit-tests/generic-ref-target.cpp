// Each target of a GenericRef is a concrete covet model, listed once
// (checks/GenericRefTargetCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <cstdint>

struct [[covet::model]] Post {
  covet::Id id;
};
struct [[covet::model, covet::abstract]] Media {  // expected-note {{'Media' declared here}}
  covet::Id id;
};
struct [[covet::model]] Photo : Media {};
struct Plain {  // expected-note {{'Plain' declared here}}
  int x = 0;
};
struct Undefined;  // expected-note {{'Undefined' declared here}}

struct [[covet::model]] Comment {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  // expected-error@+4 {{target 'Plain' of generic reference 'Comment::a' is not a covet model}}
  // expected-error@+3 {{target 'Media' of generic reference 'Comment::a' is an abstract model, which has no rows to point at; list the concrete models deriving from it}}
  // expected-error@+2 {{target 'Undefined' of generic reference 'Comment::a' is never defined}}
  // expected-error@+1 {{generic reference 'Comment::a' lists 'Post' twice}}
  covet::GenericRef<Post, Plain, Media, Undefined, Post> a;
  [[covet::generic_fields("content_type", "object_id")]] covet::GenericRef<Post, Photo> b;  // fine
};

// Lookups through generic references (checks/LookupStringCheck.h): a
// GenericRef has no column and no single model to join, so a lookup through
// its name is an error (Django's FieldError); a GenericRelation is a
// to-many step, and its related_query_name a step back; a ContentTypeId
// column takes a ContentType, a ContentTypeId or an integer.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <cstdint>
#include <string>

struct Post;

struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;  // expected-note {{'Comment::content_type' declared here}}
  std::int64_t object_id = 0;         // expected-note {{'Comment::object_id' declared here}}
  covet::GenericRef<Post> content_object;  // expected-note 2 {{'Comment::content_object' declared here}}
};

struct [[covet::model]] Post {
  covet::Id id;
  std::string title;
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;
};

void lookups(covet::Database &db, const covet::ContentType &ct) {
  // expected-error@+1 {{cannot query through the generic reference 'Comment::content_object': it has no column of its own and no single model to join; filter on 'content_type' and 'object_id', use 'for_object(obj)', or give the target models a 'covet::GenericRelation<Comment>' with 'covet::related_query_name("...")' and query through that}}
  db.objects<Comment>().filter("content_object__title", "x");
  // expected-error@+1 {{cannot query through the generic reference 'Comment::content_object'}}
  db.objects<Comment>().order_by("content_object");
  // expected-error@+1 {{'select_related' cannot follow 'content_object' of 'Comment'}}
  db.objects<Comment>().select_related("content_object");
  // expected-note@-1 {{relations of 'Comment' it can follow: (none)}}
  // expected-error@+1 {{'content_object' is a generic reference of 'Comment', not a column: only() names columns}}
  db.objects<Comment>().only("content_object");
  // expected-note@-1 {{columns of 'Comment' are: id, text, content_type, object_id}}
  // expected-error@+1 {{cannot order 'Post' by 'comments__text': 'comments' is a to-many relation}}
  db.objects<Post>().order_by("comments__text");
  // expected-error@+1 {{no field named 'titel' in model 'Post'}}
  db.objects<Comment>().filter("post__titel", "x");
  // expected-note@-1 {{did you mean 'title'?}}
  // expected-error@+1 {{cannot compare 'Comment::content_type' of type 'covet::ContentTypeId' with a value of type 'const char[10]'}}
  db.objects<Comment>().filter("content_type", "blog.post");
  // expected-error@+1 {{cannot compare 'Comment::object_id' of type 'std::int64_t' with a value of type 'covet::ContentType'}}
  db.objects<Comment>().filter("object_id", ct);
  db.objects<Comment>().filter("content_type", ct);
  db.objects<Comment>().filter("content_type", 4);
}

// The query name a GenericRelation gives its T (covet::related_query_name)
// clashes with no member of T, no reverse query name of a relation to T and
// no other GenericRelation's (checks/GenericQueryNameClashCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <cstdint>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
};

struct [[covet::model]] Comment {
  covet::Id id;
  std::string post;  // expected-note {{member 'Comment::post' declared here}}
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<> content_object;
  [[covet::foreign_key(covet::CASCADE), covet::related_query_name("by")]] covet::Ref<Author> author;
};

struct [[covet::model]] Post {
  covet::Id id;
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;  // expected-error {{reverse query name 'Comment::post' of 'Post::comments' clashes with member 'Comment::post'; add or change 'covet::related_query_name'}}
  [[covet::related_query_name("pic")]] covet::GenericRelation<Comment> more;  // expected-note {{'Post::more' gives 'Comment' the reverse query name 'pic'}}
};

struct [[covet::model]] Photo {
  covet::Id id;
  [[covet::related_query_name("pic")]] covet::GenericRelation<Comment> comments;  // expected-error {{reverse query name 'Comment::pic' of 'Photo::comments' clashes with the reverse query name of 'Post::more'; add or change 'covet::related_query_name' on one of them}}
  [[covet::related_query_name("photo")]] covet::GenericRelation<Comment> fine;
};

// A relation to Comment whose reverse query name is taken.
struct [[covet::model]] Flag {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_query_name("flagged")]] covet::Ref<Comment> comment;  // expected-note {{'Flag::comment' gives 'Comment' the reverse query name 'flagged'}}
  [[covet::related_query_name("flagged")]] covet::GenericRelation<Comment> comments;  // expected-error {{reverse query name 'Comment::flagged' of 'Flag::comments' clashes with the reverse query name of 'Flag::comment'}}
};

// On an abstract base: "{model}" gives each model its own.
struct [[covet::model, covet::abstract]] Commented {
  covet::Id id;
  [[covet::related_query_name("{model}")]] covet::GenericRelation<Comment> comments;
};
struct [[covet::model]] Video : Commented {};
struct [[covet::model]] Song : Commented {};

void lookups(covet::Database &db) {
  db.objects<Comment>().filter("video__id", 1).filter("song__id", 2).filter("photo__id", 3);
}

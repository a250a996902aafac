// Generic references and generic relations declared as the guide does
// compile silently: GenericRef over the default members and over its own
// (covet::generic_fields), GenericRef<> (any model), GenericRelation with
// each on_delete and a related_query_name, one inherited from an abstract
// base, one inherited by a multi-table child the reference lists, a proxy
// owner of a listed target, covet::Uuid keys, and the lookups
// through them (checks/Generic*Check.h, checks/LookupStringCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

struct Post;
struct Photo;

struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Post, Photo> content_object;  // defaults: "content_type", "object_id"
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::optional<covet::ContentTypeId> target_type;
  std::optional<std::int64_t> target_id;
  [[covet::generic_fields("target_type", "target_id")]] covet::GenericRef<> target;  // any model
};

struct [[covet::model]] Post {
  covet::Id id;
  std::string title;
  [[covet::related_query_name("post")]] covet::GenericRelation<Comment> comments;  // CASCADE
  [[covet::generic_relation(covet::SET_NULL), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<Tag> tags;
};

struct [[covet::model, covet::proxy]] FeaturedPost : Post {};
struct [[covet::model, covet::proxy]] PinnedComment : Comment {};  // has Comment's query names

struct [[covet::model]] Photo {
  covet::Id id;
  [[covet::generic_relation(covet::CASCADE)]] covet::GenericRelation<Comment> comments;
  [[covet::generic_relation(covet::DO_NOTHING), covet::generic_fields("target_type", "target_id")]]
  covet::GenericRelation<Tag> tags;
};

// A relation on an abstract base: each model deriving from it has it.
struct [[covet::model, covet::abstract]] Taggable {
  covet::Id id;
  [[covet::generic_fields("target_type", "target_id")]] covet::GenericRelation<Tag> tags;
};
struct [[covet::model]] Video : Taggable {};
struct [[covet::model]] Song : Taggable {};

// Uuid keys: a covet::Uuid object id.
struct [[covet::model]] Document {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::generic_fields("kind", "ref")]] covet::GenericRelation<struct Note> notes;
};
struct [[covet::model]] Note {
  covet::Id id;
  covet::ContentTypeId kind;
  std::optional<covet::Uuid> ref;
  [[covet::generic_fields("kind", "ref")]] covet::GenericRef<Document> about;
};

// long long is a signed 64-bit integer too.
struct [[covet::model]] Flag {
  covet::Id id;
  covet::ContentTypeId content_type;
  long long object_id = 0;
  covet::GenericRef<Post> content_object;
};

struct Store;
struct Outlet;
struct [[covet::model]] Visit {
  covet::Id id;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Store, Outlet> place;
};
struct [[covet::model, covet::multi_table]] Store {
  covet::Id id;
  covet::GenericRelation<Visit> visits;
};
struct [[covet::model]] Outlet : Store {};  // inherits visits, and Visit::place lists it

void lookups(covet::Database &db, const Post &post, const covet::ContentType &ct) {
  db.objects<Post>().filter("comments__text__icontains", "x");   // to-many, to Comment
  db.objects<Post>().filter("comments", Comment{});
  db.objects<Comment>().filter("post__title", "x");              // related_query_name
  db.objects<Comment>().filter("post__title__startswith", "x");
  db.objects<PinnedComment>().filter("post__title", "x");
  db.objects<FeaturedPost>().filter("comments__text", "x");
  db.objects<Comment>().filter("content_type", ct);              // a ContentType
  db.objects<Comment>().filter("content_type", covet::ContentTypeId(3));
  db.objects<Comment>().filter("content_type", 3);
  db.objects<Comment>().filter("object_id", 7);
  db.objects<Comment>().order_by("object_id", "-content_type");
  db.objects<Comment>().prefetch_related("content_object");
  db.objects<Post>().prefetch_related("comments");
  db.objects<Tag>().filter("target_type__isnull", true);
  db.objects<Comment>().only("text", "content_type", "object_id");
  post.comments.filter("text__contains", "x");
}

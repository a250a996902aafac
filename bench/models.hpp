// The benchmark's models: a blog (users, posts, comments) and a library
// (publishers, authors, books, tags). bench/django/models.py declares the
// same tables for the Django run, and the hand-written side of covet_bench
// reads and writes them with its own SQL (bench/raw_cases.hpp).
//
//   Post.author      foreign key, nullable, CASCADE   (reverse: User "posts", declared)
//                    nullable so that select_related("author") is the LEFT JOIN
//                    of the join case, and anonymous posts exist
//   Comment.post     foreign key, CASCADE             (reverse: Post "comments", declared)
//   Book.author      foreign key, CASCADE             (reverse: Author "books", declared)
//   Book.publisher   foreign key, nullable, SET_NULL  (reverse: Publisher "books")
//   Book.tags        many-to-many                     (reverse: Tag "books")
//
// And a single-table hierarchy (docs/inheritance.md): Vehicle, with Car,
// Truck and Motorcycle in its table bench_vehicle, told apart by "kind".
// And a multi-table hierarchy for the polymorphic load (3 subclasses):
//   Member                    bench_member     id, name, age
//   ├── Staff : Member        bench_staff      member_ptr_id, department, salary
//   ├── Client : Member       bench_client     member_ptr_id, tier, points
//   └── Supplier : Member     bench_supplier   member_ptr_id, company
// And generic relations (docs/generic.md): remarks on objects of five
// models through one GenericRef (bench_remark: content_type, object_id).
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace covet_bench {

struct Post;
struct Comment;
struct Book;

struct [[covet::model("bench_user")]] User {
  covet::Id id;
  [[covet::max_length(100)]] std::string username;
  [[covet::max_length(200)]] std::string email;
  int age = 0;
  bool is_active = true;
  covet::ReverseSet<Post> posts;  // the reverse of Post::author
};

struct [[covet::model("bench_post")]] Post {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("posts")]]
  std::optional<covet::Ref<User>> author;
  [[covet::max_length(200)]] std::string title;
  bool published = false;
  int score = 0;
  covet::ReverseSet<Comment> comments;  // the reverse of Comment::post
};

struct [[covet::model("bench_comment")]] Comment {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("comments")]]
  covet::Ref<Post> post;
  [[covet::max_length(100)]] std::string author_name;
  std::string body;
};

struct [[covet::model("bench_publisher")]] Publisher {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::max_length(2)]] std::string country;
};

struct [[covet::model("bench_author")]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  int age = 0;
  covet::ReverseSet<Book> books;  // the reverse of Book::author
};

struct [[covet::model("bench_tag")]] Tag {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
};

struct [[covet::model("bench_book")]] Book {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int published_year = 0;
  double price = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]]
  covet::Ref<Author> author;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("books")]]
  std::optional<covet::Ref<Publisher>> publisher;
  [[covet::many_to_many, covet::related_name("books")]]
  covet::RefSet<Tag> tags;
};

// Not in bench/django: Django has no single-table inheritance.
struct [[covet::model("bench_vehicle"), covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
  [[covet::max_length(40)]] std::string make;
  int wheels = 4;
};

struct [[covet::model, covet::polymorphic_identity("car")]] Car : Vehicle {
  int num_doors = 4;
};

struct [[covet::model, covet::polymorphic_identity("truck")]] Truck : Vehicle {
  double payload = 0;
};

struct [[covet::model, covet::polymorphic_identity("motorcycle")]] Motorcycle : Vehicle {
  bool has_sidecar = false;
};

struct [[covet::model("bench_member")]] Member {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  int age = 0;
};

struct [[covet::model("bench_staff")]] Staff : Member {
  [[covet::max_length(50)]] std::string department;
  int salary = 0;
};

struct [[covet::model("bench_client")]] Client : Member {
  [[covet::max_length(20)]] std::string tier;
  int points = 0;
};

struct [[covet::model("bench_supplier")]] Supplier : Member {
  [[covet::max_length(100)]] std::string company;
};

// The generic-relation case's five models and the remarks on them.
struct [[covet::model("bench_article")]] Article {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int words = 0;
};

struct [[covet::model("bench_photo")]] Photo {
  covet::Id id;
  [[covet::max_length(200)]] std::string caption;
  int width = 0;
};

struct [[covet::model("bench_video")]] Video {
  covet::Id id;
  [[covet::max_length(200)]] std::string title;
  int seconds = 0;
};

struct [[covet::model("bench_event")]] Event {
  covet::Id id;
  [[covet::max_length(200)]] std::string name;
  int capacity = 0;
};

struct [[covet::model("bench_product")]] Product {
  covet::Id id;
  [[covet::max_length(200)]] std::string name;
  double price = 0;
};

struct [[covet::model("bench_remark")]] Remark {
  covet::Id id;
  std::string body;
  covet::ContentTypeId content_type;
  std::int64_t object_id = 0;
  covet::GenericRef<Article, Photo, Video, Event, Product> content_object;
};

}  // namespace covet_bench

// only() / defer() name columns of the model itself, "pk" or
// "<relation>_id", as runtime/query/deferred_fields.cpp resolves them.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  std::string name;
  covet::ReverseSet<struct Book> books;
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::string label;
};

struct [[covet::model]] Book {
  covet::Id id;
  std::string title;
  int year = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]] covet::Ref<Author> author;
  [[covet::many_to_many]] covet::RefSet<Tag> tags;
};

void loads(covet::Database &db) {
  auto books = db.objects<Book>();
  books.only("title", "year", "pk", "author", "author_id");
  books.defer("year");
  db.objects<Author>().only("name");

  // expected-error@+2 {{no field named 'titel' in model 'Book'}}
  // expected-note@+1 {{did you mean 'title'?}}
  books.only("titel");
  // expected-error@+2 {{no field named 'zzz' in model 'Book'}}
  // expected-note@+1 {{columns of 'Book' are: id, title, year, author}}
  books.defer("zzz");
  // expected-error@+2 {{'tags' is a many-to-many relation of 'Book', not a column: only() names columns}}
  // expected-note@+1 {{columns of 'Book' are: id, title, year, author}}
  books.only("title", "tags");
  // expected-error@+2 {{'books' is a reverse relation of 'Author', not a column: defer() names columns}}
  // expected-note@+1 {{columns of 'Author' are: id, name}}
  db.objects<Author>().defer("books");
  // expected-error@+1 {{only() on 'Book' names its own fields only: 'author__name' crosses the relation 'author'}}
  books.only("author__name");
  // expected-error@+2 {{no field named 'title__x' in model 'Book'}}
  // expected-note@+1 {{columns of 'Book' are: id, title, year, author}}
  books.only("title__x");
}

// select_related / prefetch_related literals, matched by name on
// covet::QuerySet<T> (the runtime does not declare them yet: a stand-in
// covet namespace declares them here).
// RUN: %clangxx_standin -fplugin=%covet_plugin -Xclang -verify %s

#include <optional>

namespace covet {
using Id = long long;
enum class OnDelete { Cascade, Protect, SetNull, SetDefault, Restrict, DoNothing, Set };
inline constexpr OnDelete CASCADE = OnDelete::Cascade;
template <class T> struct Ref {};
template <class T> struct RefSet {};
template <class T> struct QuerySet {
  template <class... S> QuerySet select_related(S...) const { return *this; }
  template <class... S> QuerySet prefetch_related(S...) const { return *this; }
};
}  // namespace covet

struct [[covet::model]] Author { covet::Id id; };
struct [[covet::model]] Tag { covet::Id id; };
struct [[covet::model]] Book {
  covet::Id id;
  int year = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]] covet::Ref<Author> author;
  [[covet::many_to_many]] covet::RefSet<Tag> tags;
};
struct [[covet::model]] Cover {
  covet::Id id;
  [[covet::one_to_one(covet::CASCADE)]] covet::Ref<Book> book;
};

void f(covet::QuerySet<Book> books, covet::QuerySet<Author> authors) {
  books.select_related("author", "cover");
  books.prefetch_related("tags", "author__books");
  authors.prefetch_related("books__tags");
  // expected-error@+2 {{'select_related' cannot follow 'year' of 'Book': it is not a foreign key, one-to-one or reverse one-to-one}}
  // expected-note@+1 {{relations of 'Book' it can follow: author, cover}}
  books.select_related("year");
  // expected-error@+2 {{'select_related' cannot follow 'tags' of 'Book'}}
  // expected-note@+1 {{relations of 'Book' it can follow}}
  books.select_related("tags");
  // expected-error@+3 {{no field named 'autor' in model 'Book'}}
  // expected-note@+2 {{did you mean 'author'?}}
  // expected-note@+1 {{relations of 'Book' it can follow: author, tags, cover}}
  books.prefetch_related("autor");
}

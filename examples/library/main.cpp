// The library example: every capability of Covet's foundation on an
// in-memory SQLite database (pass another URL as the first argument, e.g.
// "sqlite:///library.db" or "postgresql:///mydb").
#include "models.hpp"

#include <covet/covet.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

using namespace library;
using covet::Q;

namespace {

void show(const std::string& what, const std::vector<Book>& books) {
  std::cout << "  " << what << ":";
  for (const Book& b : books) std::cout << " [" << b.title << "]";
  std::cout << '\n';
}

}  // namespace

int main(int argc, char** argv) try {
  const std::string url = argc > 1 ? argv[1] : "sqlite::memory:";
  covet::Database db = covet::connect(url);
  std::cout << "connected to " << db.backend() << " (" << url << ")\n";
  db.create_all();
  std::cout << "created tables for Publisher, Author, Book, Profile\n";

  Publisher acme = db.create(Publisher{.name = "Acme Press"});
  Author alice = db.create(Author{.name = "Alice", .bio = "Writes about Python"});
  Author bob = db.create(Author{.name = "Bob"});
  db.create(Book{.title = "Python Guide", .published_year = 2021, .price = 39.5, .author = alice,
                 .publisher = acme});
  db.create(Book{.title = "Advanced Python", .published_year = 2024, .price = 49.0, .author = alice,
                 .editor = bob});
  db.create(Book{.title = "C++ in Practice", .published_year = 2019, .price = 45.0, .author = bob,
                 .editor = alice, .publisher = acme});
  db.create(Profile{.author = alice, .website = "https://alice.example",
                    .joined = std::chrono::sys_days(std::chrono::year(2020) / 3 / 1)});
  std::cout << "inserted 1 publisher, 2 authors (keys " << alice.id << ", " << bob.id
            << "), 3 books, 1 profile\n";

  std::cout << "queries:\n";
  show("by authors whose name starts with 'Al', newest first",
       db.objects<Book>().filter("author__name__startswith", "Al").order_by("-published_year").fetch());
  show("title contains 'python' (any case), or before 2020",
       db.objects<Book>().filter(Q("title__icontains", "python") | Q("published_year__lt", 2020)).fetch());
  show("without an editor", db.objects<Book>().filter("editor__isnull", true).fetch());
  show("priced 40 to 50, cheapest first",
       db.objects<Book>().filter("price__range", std::pair{40.0, 50.0}).order_by("price").fetch());
  show("second and third by title", db.objects<Book>().order_by("title").slice(1, 3).fetch());
  std::cout << "  books published by Acme: "
            << db.objects<Book>().filter("publisher__name", "Acme Press").count() << '\n';

  std::cout << "relations:\n";
  Book guide = db.objects<Book>().get("title", "Python Guide");
  std::cout << "  book.author.id() = " << guide.author.id() << " (no query)\n";
  std::cout << "  book.author.get().name = " << guide.author.get().name << " (one query, then cached)\n";
  Author loaded_alice = db.objects<Author>().get("name", "Alice");
  std::cout << "  alice.books.count() = " << loaded_alice.books.count() << " (declared reverse member)\n";
  std::cout << "  alice's edited_books = " << db.related(alice, &Book::editor).count()
            << " (reverse without a member)\n";
  std::cout << "  Acme's book_set = " << db.related<Book>(acme, "book_set").count()
            << " (default reverse name)\n";
  std::cout << "  alice's profile = " << db.related_one(alice, &Profile::author).get().website
            << " (one-to-one reverse)\n";
  Book created = loaded_alice.books.create(Book{.title = "Python Recipes", .published_year = 2025});
  std::cout << "  alice.books.create(...) made book " << created.id << " by "
            << created.author.get().name << '\n';

  std::cout << "eager loading (statements counted with covet::QueryCounter):\n";
  {
    covet::QueryCounter counter(db);
    auto books = db.objects<Book>().select_related("author", "publisher").order_by("title").fetch();
    std::size_t with_publisher = 0;
    for (const Book& b : books) with_publisher += b.publisher && !b.publisher->get().name.empty();
    std::cout << "  select_related: " << books.size() << " books, their authors and " << with_publisher
              << " publishers in " << counter.count() << " statement\n";
  }
  {
    covet::QueryCounter counter(db);
    auto authors = db.objects<Author>().prefetch_related("books").fetch();
    std::size_t total = 0;
    for (const Author& a : authors) total += a.books.fetch().size();  // from the prefetch
    std::cout << "  prefetch_related(\"books\"): " << authors.size() << " authors and " << total
              << " books in " << counter.count() << " statements\n";
  }
  {
    covet::LoadingScope strict(db, covet::Loading::Strict);
    Book lazy = db.objects<Book>().get("title", "Python Guide");
    try {
      (void)lazy.author.get();
    } catch (const covet::UsageError&) {
      std::cout << "  strict loading: book.author.get() without select_related throws UsageError\n";
    }
  }
  {
    covet::QueryCounter counter(db);
    std::vector<Book> drafts;
    for (int i = 1; i <= 500; ++i)
      drafts.push_back(Book{.title = "Draft " + std::to_string(i), .published_year = 2026, .author = bob});
    drafts = db.bulk_create(std::move(drafts));
    std::int64_t cut = db.objects<Book>().filter("title__startswith", "Draft").update({{"price", 9.99}});
    std::cout << "  bulk_create: " << drafts.size() << " books (last key " << drafts.back().id
              << "), then update(): " << cut << " rows, in " << counter.count() << " statements\n";
    db.objects<Book>().filter("title__startswith", "Draft").erase();
  }

  std::cout << "transactions:\n";
  try {
    auto tx = db.atomic();
    db.create(Author{.name = "Temporary"});
    throw std::runtime_error("changed my mind");
  } catch (const std::runtime_error& e) {
    std::cout << "  rolled back (" << e.what() << "): authors named Temporary = "
              << db.objects<Author>().filter("name", "Temporary").count() << '\n';
  }

  std::cout << "errors are typed:\n";
  try {
    db.create(Publisher{.name = "Acme Press"});
  } catch (const covet::UniqueViolation& e) {
    std::cout << "  UniqueViolation on " << e.model() << '\n';
  }
  try {
    db.objects<Author>().get("name", "Nobody");
  } catch (const covet::DoesNotExist& e) {
    std::cout << "  DoesNotExist: " << e.what() << '\n';
  }
  try {
    // A lookup built at run time: a literal typo would not compile (the
    // plugin checks the literals of every source of the target).
    const std::string lookup = std::string("author__") + "nmae";
    db.objects<Book>().filter(lookup, "Alice").count();
  } catch (const covet::FieldError& e) {
    std::cout << "  FieldError: " << e.what() << '\n';
  }
  try {
    db.erase(acme);  // Book.publisher is PROTECT: Acme's books keep it
  } catch (const covet::ProtectedError& e) {
    std::cout << "  ProtectedError: " << e.what() << '\n';
    for (const covet::BlockingObjects& b : e.protected_objects())
      std::cout << "    blocked by " << b.keys.size() << " " << b.model << " row(s) through " << b.model
                << "." << b.relation << '\n';
  }

  std::cout << "deleting:\n";
  covet::DeleteResult erased = db.erase(bob);  // Book.author CASCADEs, Book.editor SETs NULL
  std::cout << "  erasing Bob deleted " << erased.total << " rows:";
  for (const auto& [model, n] : erased.per_model) std::cout << " " << model << "=" << n;
  std::cout << "; books without an editor now (his SET_NULL): "
            << db.objects<Book>().filter("editor__isnull", true).count() << '\n';
  covet::DeleteResult old_books = db.objects<Book>().filter("published_year__lt", 2022).erase();
  std::cout << "  books before 2022 erased: " << old_books.count("Book") << '\n';
  std::cout << "done\n";
  return 0;
} catch (const covet::Error& e) {
  std::cerr << "covet error: " << e.what() << '\n';
  return 1;
}

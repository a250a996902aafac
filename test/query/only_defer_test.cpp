// only() and defer(): the columns selected, covet::Partial<T> rows, lazy
// loading of deferred fields, and writes that leave deferred columns alone.
#include "models/blog.hpp"
#include "support/error_message.hpp"
#include "models/records.hpp"
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Book;
using covet::Partial;


class OnlyDeferTest : public LibraryTest {
 protected:
  // The SELECT list of a query: what comes before FROM.
  template <class QS>
  static std::string select_list(const QS& qs) {
    std::string sql = qs.to_sql();
    return sql.substr(0, sql.find(" FROM "));
  }
  // Whether the SELECT list names `column`.
  template <class QS>
  static bool selects(const QS& qs, const std::string& column) {
    return select_list(qs).find("\"" + column + "\"") != std::string::npos;
  }
  double price_in_db(const Book& b) {
    return database->objects<Book>().get("id", b.id.value()).price;
  }
};

TEST_P(OnlyDeferTest, OnlySelectsTheNamedColumnsAndThePrimaryKey) {
  auto qs = books().only("title", "author");
  EXPECT_TRUE(selects(qs, "id"));
  EXPECT_TRUE(selects(qs, "title"));
  EXPECT_TRUE(selects(qs, "author_id"));
  EXPECT_FALSE(selects(qs, "price")) << qs.to_sql();
  EXPECT_FALSE(selects(qs, "published_year")) << qs.to_sql();
}

TEST_P(OnlyDeferTest, DeferLeavesTheNamedColumnsOut) {
  auto qs = books().defer("price", "pages");
  EXPECT_FALSE(selects(qs, "price")) << qs.to_sql();
  EXPECT_FALSE(selects(qs, "pages")) << qs.to_sql();
  EXPECT_TRUE(selects(qs, "title"));
  EXPECT_TRUE(selects(qs, "published_on"));
}

TEST_P(OnlyDeferTest, RowsArePartialsWithTheLoadedFieldsSet) {
  auto& db = *database;
  std::vector<Partial<Book>> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = books().only("title", "published_year").order_by("id").fetch(); });
  ASSERT_EQ(rows.size(), 5u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0]->title, "Python Guide");
    EXPECT_EQ(rows[0].get(&Book::published_year), 2020);
    EXPECT_EQ(rows[0]->id, python.id);
    EXPECT_TRUE(rows[0].is_loaded(&Book::title));
    EXPECT_TRUE(rows[0].is_loaded(&Book::id));
    EXPECT_FALSE(rows[0].is_loaded(&Book::price));
    EXPECT_DOUBLE_EQ(rows[0]->price, 0.0) << "a deferred field holds its default in object()";
  });
}

TEST_P(OnlyDeferTest, DeferredFieldLoadsOnFirstAccessThenIsCached) {
  auto& db = *database;
  Partial<Book> p = books().defer("price").get("title", "C++ Primer");
  covet::QueryCounter counter(db);
  EXPECT_DOUBLE_EQ(p.get(&Book::price), 60.0);
  ASSERT_EQ(counter.count(), 1u);
  std::string sql = counter.entries()[0].sql;
  EXPECT_NE(sql.find("\"price\""), std::string::npos) << sql;
  EXPECT_EQ(sql.find("\"title\""), std::string::npos) << "only the deferred column is read: " << sql;
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_DOUBLE_EQ(p.get(&Book::price), 60.0);
    EXPECT_DOUBLE_EQ(p->price, 60.0);
  });
  EXPECT_TRUE(p.is_loaded(&Book::price));
}

TEST_P(OnlyDeferTest, IteratingConstRowsStillLoadsDeferredFields) {
  auto& db = *database;
  auto qs = books().only("title").order_by("id");
  std::vector<std::int64_t> pages;
  COVET_EXPECT_NUM_QUERIES(db, 6, [&] {
    for (const Partial<Book>& p : qs) pages.push_back(p.get(&Book::pages).value_or(-1));
  });
  EXPECT_EQ(pages, (std::vector<std::int64_t>{300, -1, 900, 120, 250}));
}

TEST_P(OnlyDeferTest, FullLoadsEveryDeferredFieldInOneQuery) {
  auto& db = *database;
  Partial<Book> p = books().only("title").get("title", "Python Guide");
  EXPECT_EQ(p.deferred_fields().size(), 9u);
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    const Book& b = p.full();
    EXPECT_DOUBLE_EQ(b.price, 29.5);
    EXPECT_EQ(b.pages, std::optional<std::int64_t>(300));
    EXPECT_EQ(b.format, library::Format::Hardcover);
  });
  EXPECT_TRUE(p.deferred_fields().empty());
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { p.full(); });
}

TEST_P(OnlyDeferTest, SaveDoesNotOverwriteDeferredColumns) {
  auto& db = *database;
  Partial<Book> p = books().defer("price").get("title", "Python Guide");
  // Someone else changes the deferred column meanwhile.
  db.execute(is_sqlite() ? "UPDATE lib_book SET price = 99 WHERE id = ?" : "UPDATE lib_book SET price = 99 WHERE id = $1",
             {covet::Value(python.id.value())});
  p.set(&Book::title, "Python Guide, 2nd ed.");
  covet::QueryCounter counter(db);
  db.save(p);
  ASSERT_EQ(counter.count(), 1u);
  EXPECT_EQ(counter.entries()[0].sql.find("\"price\""), std::string::npos) << counter.entries()[0].sql;
  Book stored = books().get("id", python.id.value());
  EXPECT_EQ(stored.title, "Python Guide, 2nd ed.");
  EXPECT_DOUBLE_EQ(stored.price, 99.0) << "the deferred column kept the database's value";
  EXPECT_EQ(stored.pages, std::optional<std::int64_t>(300)) << "loaded columns are written back unchanged";
}

TEST_P(OnlyDeferTest, UpdateWritesOnlyLoadedAndAssignedFields) {
  auto& db = *database;
  Partial<Book> p = *books().only("title").filter("title", "C++ Primer").first();
  p.set(&Book::price, 61.5);  // deferred, then assigned: written
  EXPECT_TRUE(p.is_loaded(&Book::price));
  db.execute(is_sqlite() ? "UPDATE lib_book SET pages = 1 WHERE id = ?" : "UPDATE lib_book SET pages = 1 WHERE id = $1",
             {covet::Value(primer.id.value())});
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { db.update(p); });
  Book stored = books().get("id", primer.id.value());
  EXPECT_DOUBLE_EQ(stored.price, 61.5);
  EXPECT_EQ(stored.pages, std::optional<std::int64_t>(1));
  EXPECT_EQ(stored.published_year, 2012);
}

TEST_P(OnlyDeferTest, SetAcceptsARelatedObjectAndSaveWritesItsKey) {
  auto& db = *database;
  Partial<Book> p = books().only("title").get("title", "100% Pure_Fun");
  p.set(&Book::author, carol);
  p.set(&Book::editor, alice);
  EXPECT_TRUE(p.is_loaded(&Book::author));
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(p->author.get().name, "carol"); });
  db.save(p);
  Book stored = books().get("id", pure.id.value());
  EXPECT_EQ(stored.author.key(), covet::Value(carol.id.value()));
  EXPECT_EQ(stored.editor->key(), covet::Value(alice.id.value()));
  EXPECT_DOUBLE_EQ(stored.price, 9.99);
}

TEST_P(OnlyDeferTest, SavingAPartialWhoseRowIsGoneThrowsDoesNotExist) {
  Partial<Book> p = books().only("title").get("title", "Élan vital");
  database->erase(elan);
  EXPECT_THROW(database->save(p), covet::DoesNotExist);
  EXPECT_THROW(database->update(p), covet::DoesNotExist);
  EXPECT_EQ(books().count(), 4) << "a partial object is never inserted again";
}

TEST_P(OnlyDeferTest, APartialNoQueryLoadedCannotBeSaved) {
  Partial<Book> empty;
  EXPECT_TRUE(empty.is_loaded(&Book::price));
  EXPECT_THROW(database->save(empty), covet::UsageError);
}

TEST_P(OnlyDeferTest, SetRefusesThePrimaryKey) {
  Partial<Book> p = books().only("title").get("title", "Élan vital");
  EXPECT_THROW(p.set(&Book::id, covet::Id(5)), covet::UsageError);
}

TEST_P(OnlyDeferTest, GetAndFirstAndLastReturnPartials) {
  auto& db = *database;
  auto qs = books().only("title").order_by("published_year");
  Partial<Book> got = qs.get("title", "100% Pure_Fun");
  std::optional<Partial<Book>> first = qs.first(), last = qs.last();
  ASSERT_TRUE(first && last);
  EXPECT_EQ(first->object().title, "C++ Primer");
  EXPECT_EQ((*last)->title, "Advanced Python");
  EXPECT_FALSE(got.is_loaded(&Book::published_year));
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(got.get(&Book::published_year), 2015); });
  EXPECT_EQ(qs.count(), 5);
  EXPECT_TRUE(qs.filter("title", "C++ Primer").exists());
}

TEST_P(OnlyDeferTest, ForeignKeyIsNamedByItsMember) {
  auto& db = *database;
  Partial<Book> p = books().only("title", "author").get("title", "Élan vital");
  EXPECT_TRUE(p.is_loaded(&Book::author));
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(p->author.get().name, "Zoë Ångström"); });
  EXPECT_TRUE(selects(books().only("author_id"), "author_id"));
}

TEST_P(OnlyDeferTest, DeferredForeignKeyLoadsItsKeyThenItsObject) {
  auto& db = *database;
  Partial<Book> p = books().defer("author").get("title", "Élan vital");
  EXPECT_FALSE(p.is_loaded(&Book::author));
  EXPECT_FALSE(p->author.has_value());
  const covet::Ref<Author>* author = nullptr;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { author = &p.get(&Book::author); });
  EXPECT_EQ(author->key(), covet::Value(zoe.id.value()));
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(author->get().name, "Zoë Ångström"); });
}

TEST_P(OnlyDeferTest, RelationMembersAreBoundLikeAWholeObjects) {
  auto& db = *database;
  Partial<Author> a = authors().only("name").get("name", "Alice");
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(a->books.count(), 2); });
  Partial<Book> b = books().only("title", "editor").get("title", "Python Guide");
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(b->editor->get().name, "Bob"); });
}

TEST_P(OnlyDeferTest, StrictLoadingRefusesADeferredLoad) {
  Partial<Book> p = books().defer("price").get("title", "Python Guide");
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  try {
    p.get(&Book::price);
    FAIL() << "expected UsageError";
  } catch (const covet::UsageError& e) {
    std::string what = e.what();
    EXPECT_EQ(e.model(), "Book");
    EXPECT_NE(what.find("Book.price"), std::string::npos) << what;
    EXPECT_NE(what.find("SELECT \"price\" FROM \"lib_book\""), std::string::npos) << what;
  }
  EXPECT_FALSE(p.is_loaded(&Book::price));
}

TEST_P(OnlyDeferTest, DeferringThePrimaryKeyIsIgnored) {
  Partial<Book> p = books().defer("id", "pk").get("title", "Python Guide");
  EXPECT_TRUE(p.is_loaded(&Book::id));
  EXPECT_EQ(p->id, python.id);
  EXPECT_TRUE(p.deferred_fields().empty());
}

TEST_P(OnlyDeferTest, CallsMergeAsInDjango) {
  // defer adds to a defer; only after defer keeps the deferred ones out.
  auto d = books().defer("price").defer("pages");
  EXPECT_FALSE(selects(d, "price"));
  EXPECT_FALSE(selects(d, "pages"));
  auto od = books().defer("price").only("title", "price");
  EXPECT_TRUE(selects(od, "title"));
  EXPECT_FALSE(selects(od, "price")) << od.to_sql();
  EXPECT_FALSE(selects(od, "pages")) << od.to_sql();
  // only replaces an only; defer after only removes from it.
  auto oo = books().only("title").only("price");
  EXPECT_FALSE(selects(oo, "title")) << oo.to_sql();
  EXPECT_TRUE(selects(oo, "price"));
  auto odf = books().only("title", "price").defer("price");
  EXPECT_TRUE(selects(odf, "title"));
  EXPECT_FALSE(selects(odf, "price")) << odf.to_sql();
}

TEST_P(OnlyDeferTest, UnknownFieldThrowsFieldErrorListingTheFields) {
  try {
    books().only("title", "nope");
    FAIL() << "expected FieldError";
  } catch (const covet::FieldError& e) {
    std::string what = e.what();
    EXPECT_EQ(e.model(), "Book");
    EXPECT_NE(what.find("Book has no field named 'nope'"), std::string::npos) << what;
    EXPECT_NE(what.find("Choices are: id, title, published_year, author, editor, publisher, price"),
              std::string::npos)
        << what;
  }
}

TEST_P(OnlyDeferTest, RelatedPathsAndNonColumnsAreRefused) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().only("title", "author__name"); });
  EXPECT_NE(what.find("'author__name' crosses the relation 'author'"), std::string::npos) << what;
  what = covet::test::error_message<covet::FieldError>([&] { authors().defer("books"); });
  EXPECT_NE(what.find("'books' is a reverse relation of Author, not a column"), std::string::npos) << what;
  what = covet::test::error_message<covet::FieldError>([&] { database->objects<blog::Post>().only("tags"); });
  EXPECT_NE(what.find("'tags' is a many-to-many relation of Post"), std::string::npos) << what;
}

TEST_P(OnlyDeferTest, PrefetchingADeferredForeignKeyIsRefused) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().only("title").prefetch_related("author").fetch(); });
  EXPECT_NE(what.find("prefetch_related(\"author\") on Book"), std::string::npos) << what;
  // A relation whose key is loaded prefetches as usual.
  auto& db = *database;
  std::vector<Partial<Author>> rows;
  COVET_EXPECT_NUM_QUERIES(db, 2, [&] { rows = authors().only("name").prefetch_related("books").order_by("id").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(rows[0]->books.count(), 2); });
}

TEST_P(OnlyDeferTest, AColumnAReverseRelationMatchesOnIsAlwaysLoaded) {
  auto& db = *database;
  records::Country fr = db.create(records::Country{.code = "FR", .name = "France"});
  db.create(records::City{.name = "Lyon", .country = fr});
  Partial<records::Country> p = db.objects<records::Country>().defer("code", "name").get();
  EXPECT_TRUE(p.is_loaded(&records::Country::code)) << "City.country matches on Country.code";
  EXPECT_FALSE(p.is_loaded(&records::Country::name));
  EXPECT_EQ(db.related<records::City>(p.object(), "cities").count(), 1);
}

TEST_P(OnlyDeferTest, PrefetchQuerySetCannotDeferFields) {
  auto qs = authors().prefetch_related(covet::Prefetch("books", books().only("title")));
  EXPECT_THROW(qs.fetch(), covet::UsageError);
}

TEST_P(OnlyDeferTest, EraseIgnoresTheDeferredColumns) {
  covet::DeleteResult result = books().only("title").filter("author", zoe).erase();
  EXPECT_EQ(result.total, 2);
  EXPECT_EQ(books().count(), 3);
}

TEST_P(OnlyDeferTest, ErasingAPartialDeletesItsRowAndCascades) {
  covet::Partial<library::Author> a = authors().only("name").get("name", "Alice");
  covet::DeleteResult result = database->erase(a);
  EXPECT_EQ(result.count("Author"), 1);
  EXPECT_EQ(result.count("Book"), 2) << "her books cascade";
  EXPECT_EQ(result.count("Profile"), 1) << "her profile cascades";
  EXPECT_FALSE(authors().filter("name", "Alice").exists());
  EXPECT_EQ(books().filter("title", "Python Guide").count(), 0);
}

// Must not compile: a Partial is not refreshed in place (which fields?).
template <class P>
concept Refreshable = requires(covet::Database& db, P& p) { db.refresh(p); };
template <class P>
concept Erasable = requires(covet::Database& db, P& p) { db.erase(p); };
static_assert(!Refreshable<covet::Partial<library::Author>>, "Database::refresh(Partial<T>&) is deleted");
static_assert(Refreshable<library::Author> && Erasable<covet::Partial<library::Author>>);

COVET_INSTANTIATE_BACKENDS(OnlyDeferTest);

}  // namespace
}  // namespace query_test

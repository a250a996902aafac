// prefetch_related over foreign keys and one-to-ones, both directions, with
// the library catalogue (query/library_fixture.hpp): one query per level,
// then the members answer without a query.
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace library;

namespace {

// Authors ordered by name are Alice, Bob, Zoë Ångström, carol (byte order).
class PrefetchRelatedTest : public query_test::LibraryTest {
 protected:
  // Each author's book titles, sorted, read through the manager.
  static std::map<std::string, Titles> books_by_author(const std::vector<Author>& authors) {
    std::map<std::string, Titles> out;
    for (const Author& a : authors) out[a.name] = titles(a.books.all());
    return out;
  }
};

TEST_P(PrefetchRelatedTest, ReverseForeignKeyCostsOneQueryForAllOwners) {
  std::vector<Author> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { loaded = authors().prefetch_related("books").fetch(); });
  ASSERT_EQ(loaded.size(), 4u);
}

TEST_P(PrefetchRelatedTest, PrefetchedManagerAnswersWithoutQuery) {
  auto loaded = authors().prefetch_related("books").fetch();
  std::map<std::string, Titles> got;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { got = books_by_author(loaded); });
  EXPECT_EQ(got["Alice"], (Titles{"Advanced Python", "Python Guide"}));
  EXPECT_EQ(got["Bob"], (Titles{"C++ Primer"}));
  EXPECT_EQ(got["carol"], Titles{});
  EXPECT_EQ(got["Zoë Ångström"], (Titles{"100% Pure_Fun", "Élan vital"}));
}

TEST_P(PrefetchRelatedTest, PrefetchedManagerCountsAndFetchesFromCache) {
  auto loaded = authors().order_by("name").prefetch_related("books").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(loaded[0].books.count(), 2);
    EXPECT_TRUE(loaded[0].books.exists());
    EXPECT_EQ(loaded[0].books.fetch().size(), 2u);
    EXPECT_TRUE(loaded[0].books.contains(python));
    EXPECT_FALSE(loaded[0].books.contains(primer));
    EXPECT_FALSE(loaded[3].books.exists());  // carol
  });
}

TEST_P(PrefetchRelatedTest, FilterOnAPrefetchedManagerStillQueries) {
  auto loaded = authors().filter("name", "Alice").prefetch_related("books").fetch();
  Titles recent;
  COVET_EXPECT_NUM_QUERIES(*database, 1,
                           [&] { recent = titles(loaded[0].books.filter("published_year__gte", 2021)); });
  EXPECT_EQ(recent, (Titles{"Advanced Python"}));
}

TEST_P(PrefetchRelatedTest, RefiningAPrefetchedAllKeepsTheOwnersCondition) {
  // all() answers from the prefetched rows without building its query; a
  // refinement builds it, the owner's condition included, and queries.
  auto loaded = authors().prefetch_related("books").fetch();
  std::map<std::string, Titles> recent;
  COVET_EXPECT_NUM_QUERIES(*database, 4, [&] {
    for (const Author& a : loaded) recent[a.name] = titles(a.books.all().filter("published_year__gte", 2015));
  });
  EXPECT_EQ(recent["Alice"], (Titles{"Advanced Python", "Python Guide"}));
  EXPECT_EQ(recent["Bob"], Titles{});
  EXPECT_EQ(recent["Zoë Ångström"], (Titles{"100% Pure_Fun", "Élan vital"}));
  EXPECT_EQ(recent["carol"], Titles{});
}

TEST_P(PrefetchRelatedTest, APrefetchedAllIsTheManagersQueryWithItsRows) {
  auto loaded = authors().filter("name", "Bob").prefetch_related("books").fetch();
  ASSERT_EQ(loaded.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    const auto all = loaded[0].books.all();
    EXPECT_EQ(all.count(), 1);
    EXPECT_EQ(all.to_sql(), loaded[0].books.query().to_sql());
  });
}

TEST_P(PrefetchRelatedTest, IterationAndGetApplyThePrefetch) {
  auto qs = authors().filter("name", "Alice").prefetch_related("books");
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    for (const Author& a : qs) EXPECT_EQ(a.books.count(), 2);
  });
  Author one;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { one = qs.get(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(one.books.count(), 2); });
  std::optional<Author> first;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { first = authors().order_by("age").prefetch_related("books").first(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(first->books.count(), 0); });  // carol
}

TEST_P(PrefetchRelatedTest, ForwardForeignKeysLoadEachRelatedRowOnce) {
  std::vector<Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 3,
                           [&] { loaded = books().order_by("title").prefetch_related("author", "editor").fetch(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    for (const Book& b : loaded) {
      EXPECT_TRUE(b.author.is_loaded()) << b.title;
      if (b.editor) {
        EXPECT_TRUE(b.editor->is_loaded()) << b.title;
      }
    }
    EXPECT_EQ(loaded[0].author.get().name, "Zoë Ångström");  // 100% Pure_Fun
    EXPECT_EQ(loaded[2].editor->get().name, "Alice");        // C++ Primer
  });
}

TEST_P(PrefetchRelatedTest, ReverseOneToOneRecordsPresenceAndAbsence) {
  std::vector<Author> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { loaded = authors().order_by("name").prefetch_related("profile").fetch(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(loaded[0].profile.get().website, "alice.dev");
    EXPECT_FALSE(loaded[1].profile.exists());  // Bob
    EXPECT_EQ(loaded[2].profile.get().website, "zoe.example");
    EXPECT_FALSE(loaded[3].profile.find().has_value());  // carol
  });
  EXPECT_THROW(loaded[1].profile.get(), covet::DoesNotExist);
}

TEST_P(PrefetchRelatedTest, CustomQuerySetFiltersAndOrdersThePrefetchedRows) {
  auto loaded = authors().order_by("name").prefetch_related(covet::Prefetch(
      "books", books().filter("published_year__gte", 2018).order_by("-published_year"))).fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(ordered_titles(loaded[0].books.all()), (Titles{"Advanced Python", "Python Guide"}));
    EXPECT_EQ(loaded[1].books.count(), 0);  // Bob's book is from 2012
    EXPECT_EQ(ordered_titles(loaded[2].books.all()), (Titles{"Élan vital"}));  // Zoë
  });
}

TEST_P(PrefetchRelatedTest, ToAttrFillsThePrefetchedMemberOnly) {
  auto loaded = authors().order_by("name").prefetch_related(covet::Prefetch(
      "books", books().filter("in_print", true), &Author::recent_books)).fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    ASSERT_TRUE(loaded[0].recent_books.is_loaded());
    EXPECT_EQ(loaded[0].recent_books.size(), 2u);
    EXPECT_TRUE(loaded[1].recent_books.empty());  // Bob's only book is out of print
    EXPECT_EQ(loaded[2].recent_books[0].title, "100% Pure_Fun");  // Zoë
  });
  EXPECT_FALSE(loaded[0].books.is_prefetched());
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(loaded[0].books.fetch().size(), 2u); });
}

TEST_P(PrefetchRelatedTest, ReadingAnUnfilledPrefetchedMemberIsAUsageError) {
  Author a = authors().get("name", "Alice");
  EXPECT_FALSE(a.recent_books.is_loaded());
  EXPECT_THROW(a.recent_books.size(), covet::UsageError);
}

TEST_P(PrefetchRelatedTest, DatabasePrefetchFillsObjectsAlreadyLoaded) {
  std::vector<Author> loaded = authors().order_by("name").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { database->prefetch(loaded, "books"); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].books.count(), 2); });
}

TEST_P(PrefetchRelatedTest, UnknownLookupIsAFieldErrorListingTheRelations) {
  try {
    (void)authors().prefetch_related("boooks");
    FAIL() << "expected FieldError";
  } catch (const covet::FieldError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("'boooks'"), std::string::npos) << what;
    EXPECT_NE(what.find("books"), std::string::npos) << what;
    EXPECT_NE(what.find("edited_books"), std::string::npos) << what;
  }
}

TEST_P(PrefetchRelatedTest, ColumnLookupIsAFieldError) {
  EXPECT_THROW((void)authors().prefetch_related("name"), covet::FieldError);
  EXPECT_THROW((void)authors().prefetch_related("books__title"), covet::FieldError);
}

TEST_P(PrefetchRelatedTest, ReverseRelationWithoutMemberIsAUsageErrorNamingTheFix) {
  try {
    (void)authors().prefetch_related("edited_books");
    FAIL() << "expected UsageError";
  } catch (const covet::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("ReverseSet<Book> edited_books"), std::string::npos) << e.what();
  }
}

TEST_P(PrefetchRelatedTest, QuerySetOfTheWrongModelIsAUsageError) {
  EXPECT_THROW((void)authors().prefetch_related(covet::Prefetch("books", authors())), covet::UsageError);
}

TEST_P(PrefetchRelatedTest, SlicedQuerySetIsAUsageError) {
  EXPECT_THROW((void)authors().prefetch_related(covet::Prefetch("books", books().limit(1))), covet::UsageError);
}

TEST_P(PrefetchRelatedTest, WriteThroughAManagerDropsItsPrefetchedRows) {
  auto loaded = authors().filter("name", "carol").prefetch_related("books").fetch();
  EXPECT_EQ(loaded[0].books.count(), 0);
  loaded[0].books.create(Book{.title = "New", .published_year = 2024});
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(loaded[0].books.count(), 1); });
}

TEST_P(PrefetchRelatedTest, NestedLookupThroughAForeignKeyReusesTheLevel) {
  // books -> author -> books: three levels, three queries; "author" once.
  std::vector<Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    loaded = books().filter("title", "Python Guide").prefetch_related("author", "author__books").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].author.get().books.count(), 2); });
}

TEST_P(PrefetchRelatedTest, EmptyResultRunsNoPrefetchQuery) {
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    EXPECT_TRUE(authors().filter("name", "nobody").prefetch_related("books").fetch().empty());
  });
}

COVET_INSTANTIATE_BACKENDS(PrefetchRelatedTest);

}  // namespace

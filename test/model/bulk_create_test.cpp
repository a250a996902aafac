// Database::bulk_create: multi-row INSERTs, keys written back, batches under
// the parameter limit in one transaction, relations bound.
#include "backend/connection.hpp"
#include "models/library.hpp"
#include "models/records.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using library::Author;
using library::Book;
using library::Publisher;
using namespace std::chrono_literals;

class BulkCreateTest : public covet::test::DatabaseTest {
 protected:
  static std::vector<Author> unsaved_authors(int n, const std::string& prefix = "a") {
    std::vector<Author> out;
    for (int i = 0; i < n; ++i) out.push_back(Author{.name = prefix + std::to_string(i), .age = i});
    return out;
  }

  // The statements fn() runs, as SQL text.
  template <class F>
  std::vector<std::string> statements(F&& fn) {
    covet::QueryCounter counter(*database);
    fn();
    std::vector<std::string> out;
    for (const covet::QueryLogEntry& e : counter.entries()) out.push_back(e.sql);
    return out;
  }

  static void expect_increasing_keys(const std::vector<std::int64_t>& keys) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      ASSERT_NE(keys[i], 0) << "object " << i << " got no key";
      if (i) {
        ASSERT_GT(keys[i], keys[i - 1]) << "keys of objects " << i - 1 << " and " << i;
      }
    }
  }
  template <class T>
  static std::vector<std::int64_t> keys_of(const std::vector<T>& objects) {
    std::vector<std::int64_t> out;
    for (const T& o : objects) out.push_back(o.id.value());
    return out;
  }
};

TEST_P(BulkCreateTest, ThreeRowsAreOneStatement) {
  auto& db = *database;
  std::vector<Author> authors;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { authors = db.bulk_create(unsaved_authors(3)); });
  ASSERT_EQ(authors.size(), 3u);
  expect_increasing_keys(keys_of(authors));
  for (const Author& a : authors) EXPECT_EQ(db.objects<Author>().get("id", a.id).name, a.name);
}

TEST_P(BulkCreateTest, EmptyInputRunsNoStatement) {
  auto& db = *database;
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_TRUE(db.bulk_create(std::vector<Author>{}).empty()); });
}

TEST_P(BulkCreateTest, EveryFieldIsStored) {
  auto& db = *database;
  Author alice = db.create(Author{.name = "Alice"});
  Publisher orbit = db.create(Publisher{.name = "Orbit", .country = "US"});
  // NULL and non-NULL values share each column of one statement.
  std::vector<Book> books = db.bulk_create(std::vector<Book>{
      Book{.title = "One", .published_year = 2001, .author = alice, .price = 9.5, .in_print = false,
           .format = library::Format::Ebook},
      Book{.title = "Two", .published_year = 2002, .author = alice, .editor = alice, .publisher = orbit,
           .published_on = std::chrono::sys_days(2002y / 2 / 2), .pages = 222}});
  Book one = db.objects<Book>().get("id", books[0].id);
  Book two = db.objects<Book>().get("id", books[1].id);
  EXPECT_EQ(one.title, "One");
  EXPECT_EQ(one.published_year, 2001);
  EXPECT_DOUBLE_EQ(one.price, 9.5);
  EXPECT_FALSE(one.in_print);
  EXPECT_EQ(one.format, library::Format::Ebook);
  EXPECT_FALSE(one.editor.has_value());
  EXPECT_FALSE(one.publisher.has_value());
  EXPECT_FALSE(one.published_on.has_value());
  EXPECT_FALSE(one.pages.has_value());
  ASSERT_TRUE(two.editor.has_value());
  EXPECT_EQ(two.editor->key(), covet::Value(alice.id.value()));
  ASSERT_TRUE(two.publisher.has_value());
  EXPECT_EQ(two.publisher->key(), covet::Value(orbit.id.value()));
  EXPECT_EQ(two.published_on, std::chrono::sys_days(2002y / 2 / 2));
  EXPECT_EQ(two.pages, 222);
}

TEST_P(BulkCreateTest, EveryColumnTypeRoundTrips) {
  auto& db = *database;
  using records::Sample;
  Sample full{.i8 = -8, .i16 = -16, .i32 = -32, .i64 = -64, .u8 = 8, .u16 = 16, .u32 = 32, .u64 = 64,
              .flag = true, .f32 = 1.5f, .f64 = 2.25, .text = "héllo", .maybe_text = "maybe",
              .maybe_int = 7, .genre = records::Genre::Classical, .mood = records::Loud,
              .at = std::chrono::sys_days(2024y / 5 / 6) + 7h + 8min + 9s + 10us,
              .at_seconds = std::chrono::sys_days(2023y / 1 / 2) + 3s,
              .day = std::chrono::sys_days(2022y / 3 / 4),
              .ymd = 2021y / 7 / 8, .maybe_day = std::chrono::sys_days(2020y / 9 / 10),
              .blob = {std::byte{0}, std::byte{255}}, .maybe_blob = std::vector<std::uint8_t>{1, 2}};
  std::vector<Sample> saved = db.bulk_create(std::vector<Sample>{full, Sample{}});
  Sample a = db.objects<Sample>().get("id", saved[0].id);
  EXPECT_EQ(a.i8, full.i8);
  EXPECT_EQ(a.u64, full.u64);
  EXPECT_TRUE(a.flag);
  EXPECT_FLOAT_EQ(a.f32, full.f32);
  EXPECT_EQ(a.text, full.text);
  EXPECT_EQ(a.maybe_text, full.maybe_text);
  EXPECT_EQ(a.maybe_int, full.maybe_int);
  EXPECT_EQ(a.genre, full.genre);
  EXPECT_EQ(a.mood, full.mood);
  EXPECT_EQ(a.at, full.at);
  EXPECT_EQ(a.at_seconds, full.at_seconds);
  EXPECT_EQ(a.day, full.day);
  EXPECT_EQ(a.ymd, full.ymd);
  EXPECT_EQ(a.maybe_day, full.maybe_day);
  EXPECT_EQ(a.blob, full.blob);
  EXPECT_EQ(a.maybe_blob, full.maybe_blob);
  Sample b = db.objects<Sample>().get("id", saved[1].id);
  EXPECT_FALSE(b.maybe_text.has_value());
  EXPECT_FALSE(b.maybe_blob.has_value());
}

TEST_P(BulkCreateTest, BatchSizeSplitsTheRowsIntoInsertsInOneTransaction) {
  auto& db = *database;
  std::vector<Author> authors;
  std::vector<std::string> sql = statements([&] { authors = db.bulk_create(unsaved_authors(7), 3); });
  ASSERT_EQ(sql.size(), 5u) << "BEGIN, 3 INSERTs (3 + 3 + 1 rows), COMMIT";
  EXPECT_EQ(sql.front(), GetParam() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
  for (std::size_t i = 1; i < 4; ++i) EXPECT_EQ(sql[i].rfind("INSERT INTO", 0), 0u) << sql[i];
  EXPECT_EQ(sql.back(), "COMMIT");
  expect_increasing_keys(keys_of(authors));
  EXPECT_EQ(db.objects<Author>().count(), 7);
}

TEST_P(BulkCreateTest, RowsBeyondTheParameterLimitTakeSeveralInserts) {
  auto& db = *database;
  // One row more than a statement holds needs a second INSERT. A Book binds
  // a parameter per column but its key; a wide model keeps the row count,
  // which is what SQLite's parsing time grows with, small.
  Author alice = db.create(Author{.name = "Alice"});
  const std::size_t limit = static_cast<std::size_t>(covet::detail::open_connection(url)->max_params());
  const std::size_t per_statement = limit / (covet::model_info<Book>().columns.size() - 1);
  std::vector<Book> many(per_statement + 1);
  for (std::size_t i = 0; i < many.size(); ++i) {
    many[i].title = "b" + std::to_string(i);
    many[i].author = covet::Ref<Author>(alice.id);
  }
  std::vector<Book> saved;
  COVET_EXPECT_NUM_QUERIES(db, 4, [&] { saved = db.bulk_create(std::move(many)); });  // BEGIN, 2 INSERTs, COMMIT
  ASSERT_EQ(saved.size(), per_statement + 1);
  expect_increasing_keys(keys_of(saved));
  EXPECT_EQ(db.objects<Book>().count(), static_cast<std::int64_t>(per_statement + 1));
  EXPECT_EQ(db.objects<Book>().get("id", saved.back().id).title, saved.back().title);
}

TEST_P(BulkCreateTest, AnIntegrityErrorInTheLastBatchLeavesNoRow) {
  auto& db = *database;
  using records::Musician;
  std::vector<Musician> musicians;
  for (int i = 0; i < 5; ++i)
    musicians.push_back(Musician{.name = "m", .stage_name = "stage" + std::to_string(i)});
  musicians.push_back(Musician{.name = "m", .stage_name = "stage0"});  // unique stage_name, batch 3
  EXPECT_THROW(db.bulk_create(musicians, 2), covet::UniqueViolation);
  EXPECT_EQ(db.objects<Musician>().count(), 0);
}

TEST_P(BulkCreateTest, AFailureInsideATransactionUndoesOnlyTheBulkCreate) {
  auto& db = *database;
  auto tx = db.atomic();
  db.create(Author{.name = "kept"});
  std::vector<Book> books{Book{.title = "x", .author = covet::Ref<Author>(999999)},
                          Book{.title = "y", .author = covet::Ref<Author>(999999)}};
  EXPECT_THROW(db.bulk_create(books, 1), covet::ForeignKeyViolation);
  EXPECT_EQ(db.objects<Author>().count(), 1);
  EXPECT_EQ(db.objects<Book>().count(), 0);
}

TEST_P(BulkCreateTest, ObjectsWithPresetKeysKeepThem) {
  auto& db = *database;
  std::vector<Author> authors{Author{.id = covet::Id(100), .name = "hundred"}, Author{.name = "fresh"},
                              Author{.id = covet::Id(200), .name = "two hundred"}};
  std::vector<std::string> sql = statements([&] { authors = db.bulk_create(std::move(authors)); });
  ASSERT_EQ(sql.size(), 4u) << "BEGIN, the INSERT with keys, the INSERT without, COMMIT";
  EXPECT_EQ(authors[0].id.value(), 100);
  EXPECT_EQ(authors[2].id.value(), 200);
  EXPECT_TRUE(authors[1].id.has_value());
  EXPECT_NE(authors[1].id.value(), 100);
  EXPECT_NE(authors[1].id.value(), 200);
  EXPECT_EQ(db.objects<Author>().get("id", 100).name, "hundred");
  EXPECT_EQ(db.objects<Author>().get("id", 200).name, "two hundred");
  EXPECT_EQ(db.objects<Author>().get("id", authors[1].id).name, "fresh");
}

TEST_P(BulkCreateTest, RelationMembersAreBound) {
  auto& db = *database;
  Author alice = db.create(Author{.name = "Alice"});
  std::vector<Book> books =
      db.bulk_create(std::vector<Book>{Book{.title = "A", .author = covet::Ref<Author>(alice.id)},
                                       Book{.title = "B", .author = alice}});
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(books[0].author.get().name, "Alice"); });
  EXPECT_EQ(books[1].author.get().name, "Alice");
  std::vector<Author> authors = db.bulk_create(unsaved_authors(2));
  EXPECT_EQ(authors[0].books.count(), 0) << "the declared reverse member is bound";
}

TEST_P(BulkCreateTest, AToFieldRelationWritesTheReferencedColumn) {
  auto& db = *database;
  using records::City;
  using records::Country;
  Country france = db.create(Country{.code = "FR", .name = "France"});
  std::vector<City> cities = db.bulk_create(std::vector<City>{City{.name = "Paris", .country = france},
                                                               City{.name = "Lyon", .country = france}});
  EXPECT_EQ(cities[0].country.key(), covet::Value("FR"));
  auto stored = db.query("SELECT country_id FROM rec_city ORDER BY id");
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0][0], covet::Value("FR"));
  EXPECT_EQ(stored[1][0], covet::Value("FR"));
  EXPECT_EQ(cities[1].country.get().name, "France");
}

COVET_INSTANTIATE_BACKENDS(BulkCreateTest);

}  // namespace

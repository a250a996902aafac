// Database::bulk_update: named fields of many rows from their objects, one
// UPDATE ... CASE per batch, in one transaction; the field checks.
#include "models/blog.hpp"
#include "support/error_message.hpp"
#include "models/library.hpp"
#include "models/records.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace {

using library::Author;
using library::Book;
using library::Publisher;
using namespace std::chrono_literals;

class BulkUpdateTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    covet::test::DatabaseTest::SetUp();
    if (IsSkipped()) return;
    auto& db = *database;
    alice = db.create(Author{.name = "Alice", .bio = "bio", .joined_at = std::chrono::sys_days(2020y / 1 / 1) + 0s});
    bob = db.create(Author{.name = "Bob"});
    for (int i = 0; i < 5; ++i)
      books.push_back(db.create(Book{.title = "b" + std::to_string(i), .published_year = 2000 + i,
                                     .author = alice, .editor = bob, .price = 10, .pages = 100}));
  }

  Book reload(const Book& b) { return database->objects<Book>().get("id", b.id); }
  Author reload(const Author& a) { return database->objects<Author>().get("id", a.id); }


  Author alice, bob;
  std::vector<Book> books;
};

TEST_P(BulkUpdateTest, SeveralFieldsOfSeveralRowsAreOneStatement) {
  auto& db = *database;
  for (std::size_t i = 0; i < books.size(); ++i) {
    books[i].title = "new " + std::to_string(i);
    books[i].price = 1.5 * static_cast<double>(i);
    books[i].in_print = i % 2 == 0;
  }
  std::int64_t matched = 0;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { matched = db.bulk_update(books, {"title", "price", "in_print"}); });
  EXPECT_EQ(matched, 5);
  for (std::size_t i = 0; i < books.size(); ++i) {
    Book b = reload(books[i]);
    EXPECT_EQ(b.title, "new " + std::to_string(i));
    EXPECT_DOUBLE_EQ(b.price, 1.5 * static_cast<double>(i));
    EXPECT_EQ(b.in_print, i % 2 == 0);
    EXPECT_EQ(b.published_year, 2000 + static_cast<int>(i)) << "a field not named is left alone";
  }
}

TEST_P(BulkUpdateTest, OnlyTheNamedFieldsAreWritten) {
  auto& db = *database;
  books[0].title = "changed";
  books[0].price = 99;
  db.bulk_update(std::vector<Book>{books[0]}, {"price"});
  Book b = reload(books[0]);
  EXPECT_EQ(b.title, "b0");
  EXPECT_DOUBLE_EQ(b.price, 99);
}

TEST_P(BulkUpdateTest, BatchSizeSplitsTheRowsIntoUpdatesInOneTransaction) {
  auto& db = *database;
  for (Book& b : books) b.pages = 7;
  covet::QueryCounter counter(db);
  EXPECT_EQ(db.bulk_update(books, {"pages"}, 2), 5);
  ASSERT_EQ(counter.count(), 5u) << "BEGIN, 3 UPDATEs (2 + 2 + 1 rows), COMMIT";
  EXPECT_EQ(counter.entries().front().sql, GetParam() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
  EXPECT_EQ(counter.entries()[1].sql.rfind("UPDATE", 0), 0u) << counter.entries()[1].sql;
  EXPECT_EQ(counter.entries().back().sql, "COMMIT");
  for (const Book& b : books) EXPECT_EQ(reload(b).pages, 7);
}

TEST_P(BulkUpdateTest, ManyRowsTakeStatementsOfAtMostFiveHundred) {
  auto& db = *database;
  std::vector<Book> many(1200);
  for (std::size_t i = 0; i < many.size(); ++i) {
    many[i].title = "m" + std::to_string(i);
    many[i].author = covet::Ref<Author>(alice.id);
  }
  many = db.bulk_create(std::move(many));
  for (Book& b : many) b.published_year = 1984;
  std::int64_t matched = 0;
  // BEGIN, UPDATEs of 500, 500 and 200 rows, COMMIT
  COVET_EXPECT_NUM_QUERIES(db, 5, [&] { matched = db.bulk_update(many, {"published_year"}); });
  EXPECT_EQ(matched, 1200);
  EXPECT_EQ(db.objects<Book>().filter("published_year", 1984).count(), 1200);
}

TEST_P(BulkUpdateTest, NullsAreWritten) {
  auto& db = *database;
  books[0].editor.reset();
  books[0].pages.reset();
  books[1].pages = 5;  // a NULL and a value in the same CASE
  EXPECT_EQ(db.bulk_update(std::vector<Book>{books[0], books[1]}, {"editor", "pages"}), 2);
  EXPECT_FALSE(reload(books[0]).editor.has_value());
  EXPECT_FALSE(reload(books[0]).pages.has_value());
  EXPECT_EQ(reload(books[1]).pages, 5);
  ASSERT_TRUE(reload(books[1]).editor.has_value());
}

TEST_P(BulkUpdateTest, ForeignKeysAreWritten) {
  auto& db = *database;
  Publisher orbit = db.create(Publisher{.name = "Orbit", .country = "US"});
  books[0].author = bob;
  books[0].editor = alice;
  books[0].publisher = orbit;
  books[1].author = covet::Ref<Author>(alice.id);
  db.bulk_update(std::vector<Book>{books[0], books[1]}, {"author", "editor", "publisher"});
  Book b = reload(books[0]);
  EXPECT_EQ(b.author.get().name, "Bob");
  EXPECT_EQ(b.editor->get().name, "Alice");
  EXPECT_EQ(b.publisher->get().name, "Orbit");
  EXPECT_EQ(reload(books[1]).author.get().name, "Alice");
}

TEST_P(BulkUpdateTest, AForeignKeyMayBeNamedByItsColumn) {
  auto& db = *database;
  books[0].author = bob;
  EXPECT_EQ(db.bulk_update(std::vector<Book>{books[0]}, {"author_id"}), 1);
  EXPECT_EQ(reload(books[0]).author.get().name, "Bob");
}

TEST_P(BulkUpdateTest, TimestampsTextAndNullableColumnsAreTyped) {
  auto& db = *database;
  alice.joined_at = std::chrono::sys_days(2024y / 2 / 29) + 23h + 59min + 58s;
  alice.bio.reset();
  alice.name = "Alicia";
  bob.joined_at = std::chrono::sys_days(1999y / 12 / 31) + 1s;
  bob.bio = "now has one";
  EXPECT_EQ(db.bulk_update(std::vector<Author>{alice, bob}, {"joined_at", "bio", "name", "age"}), 2);
  Author a = reload(alice), b = reload(bob);
  EXPECT_EQ(a.joined_at, alice.joined_at);
  EXPECT_FALSE(a.bio.has_value());
  EXPECT_EQ(a.name, "Alicia");
  EXPECT_EQ(b.joined_at, bob.joined_at);
  EXPECT_EQ(b.bio, "now has one");
}

TEST_P(BulkUpdateTest, EveryColumnTypeRoundTrips) {
  auto& db = *database;
  using records::Sample;
  std::vector<Sample> samples = db.bulk_create(std::vector<Sample>{Sample{}, Sample{}});
  Sample& s = samples[0];
  s.i8 = -8;
  s.i16 = -16;
  s.i32 = -32;
  s.i64 = -64;
  s.u8 = 8;
  s.u16 = 16;
  s.u32 = 32;
  s.u64 = 64;
  s.flag = true;
  s.f32 = 1.5f;
  s.f64 = 2.25;
  s.text = "héllo";
  s.maybe_text = "maybe";
  s.maybe_int = 7;
  s.genre = records::Genre::Classical;
  s.mood = records::Loud;
  s.at = std::chrono::sys_days(2024y / 5 / 6) + 7h + 10us;
  s.at_seconds = std::chrono::sys_days(2023y / 1 / 2) + 3s;
  s.day = std::chrono::sys_days(2022y / 3 / 4);
  s.ymd = 2021y / 7 / 8;
  s.maybe_day = std::chrono::sys_days(2020y / 9 / 10);
  s.blob = {std::byte{0}, std::byte{255}};
  s.maybe_blob = std::vector<std::uint8_t>{1, 2};
  EXPECT_EQ(db.bulk_update(samples, {"i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "flag", "f32",
                                     "f64", "text", "maybe_text", "maybe_int", "genre", "mood", "at",
                                     "at_seconds", "day", "ymd", "maybe_day", "blob", "maybe_blob"}),
            2);
  Sample a = db.objects<Sample>().get("id", s.id);
  EXPECT_EQ(a.i8, s.i8);
  EXPECT_EQ(a.u64, s.u64);
  EXPECT_TRUE(a.flag);
  EXPECT_FLOAT_EQ(a.f32, s.f32);
  EXPECT_EQ(a.text, s.text);
  EXPECT_EQ(a.maybe_int, s.maybe_int);
  EXPECT_EQ(a.genre, s.genre);
  EXPECT_EQ(a.mood, s.mood);
  EXPECT_EQ(a.at, s.at);
  EXPECT_EQ(a.at_seconds, s.at_seconds);
  EXPECT_EQ(a.day, s.day);
  EXPECT_EQ(a.ymd, s.ymd);
  EXPECT_EQ(a.maybe_day, s.maybe_day);
  EXPECT_EQ(a.blob, s.blob);
  EXPECT_EQ(a.maybe_blob, s.maybe_blob);
  EXPECT_FALSE(db.objects<Sample>().get("id", samples[1].id).maybe_text.has_value());
}

TEST_P(BulkUpdateTest, ReturnsTheRowsMatched) {
  auto& db = *database;
  db.execute("DELETE FROM lib_book WHERE id = " + std::to_string(books[4].id.value()));
  EXPECT_EQ(db.bulk_update(books, {"title"}), 4);
}

TEST_P(BulkUpdateTest, ARepeatedObjectIsWrittenOnceTheFirstWins) {
  auto& db = *database;
  Book first = books[0], second = books[0];
  first.title = "first";
  second.title = "second";
  EXPECT_EQ(db.bulk_update(std::vector<Book>{first, second}, {"title"}, 1), 1);
  EXPECT_EQ(reload(books[0]).title, "first");
}

TEST_P(BulkUpdateTest, NoObjectsRunNoStatement) {
  auto& db = *database;
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(db.bulk_update(std::vector<Book>{}, {"title"}), 0); });
}

TEST_P(BulkUpdateTest, AnIntegrityErrorInTheLastBatchUndoesEveryBatch) {
  auto& db = *database;
  using records::Musician;
  std::vector<Musician> musicians;
  for (int i = 0; i < 5; ++i)
    musicians.push_back(db.create(Musician{.name = "m", .stage_name = "s" + std::to_string(i)}));
  for (int i = 0; i < 5; ++i) musicians[i].stage_name = "new" + std::to_string(i);
  musicians[4].stage_name = "new0";  // unique stage_name, batch 3
  EXPECT_THROW(db.bulk_update(musicians, {"stage_name"}, 2), covet::UniqueViolation);
  EXPECT_EQ(db.objects<Musician>().filter("stage_name__startswith", "new").count(), 0);
}

TEST_P(BulkUpdateTest, AnUnknownFieldIsAFieldErrorListingTheValidOnes) {
  auto& db = *database;
  std::string message;
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    message = covet::test::error_message([&] { db.bulk_update(books, {"title", "colour"}); });
  });
  EXPECT_NE(message.find("'colour'"), std::string::npos) << message;
  EXPECT_NE(message.find("Choices are: title, published_year, author"), std::string::npos) << message;
  EXPECT_THROW(db.bulk_update(books, {"colour"}), covet::FieldError);
}

TEST_P(BulkUpdateTest, ThePrimaryKeyIsAFieldError) {
  auto& db = *database;
  EXPECT_THROW(db.bulk_update(books, {"id"}), covet::FieldError);
  EXPECT_NE(covet::test::error_message([&] { db.bulk_update(books, {"id"}); }).find("primary key"), std::string::npos);
}

TEST_P(BulkUpdateTest, RelationsWithoutAColumnAreFieldErrors) {
  auto& db = *database;
  // A declared reverse member, a reverse accessor, a many-to-many.
  EXPECT_THROW(db.bulk_update(std::vector<Author>{alice}, {"books"}), covet::FieldError);
  EXPECT_THROW(db.bulk_update(std::vector<Author>{alice}, {"edited_books"}), covet::FieldError);
  blog::User u = db.create(blog::User{.username = "u"});
  blog::Post p = db.create(blog::Post{.title = "t", .author = u});
  const std::string message = covet::test::error_message([&] { db.bulk_update(std::vector<blog::Post>{p}, {"tags"}); });
  EXPECT_NE(message.find("bulk_update() can only be used with concrete fields"), std::string::npos) << message;
  EXPECT_NE(message.find("many-to-many"), std::string::npos) << message;
}

TEST_P(BulkUpdateTest, AnUnsavedObjectIsAUsageError) {
  auto& db = *database;
  std::vector<Book> mixed{books[0], Book{.title = "unsaved", .author = alice}};
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_THROW(db.bulk_update(mixed, {"title"}), covet::UsageError); });
}

TEST_P(BulkUpdateTest, AnEmptyFieldListIsAUsageError) {
  auto& db = *database;
  EXPECT_THROW(db.bulk_update(books, {}), covet::UsageError);
}

COVET_INSTANTIATE_BACKENDS(BulkUpdateTest);

}  // namespace

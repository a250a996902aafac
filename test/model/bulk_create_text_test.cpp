// Database::bulk_create's INSERT texts (runtime/bulk/insert_text_cache.hpp):
// written once per shape (table, columns, rows per statement) and reused,
// never with a value in them; and its values bound from the objects'
// members by reference (runtime/model/column_param.hpp), as the Values
// they stand for.
#include "bulk/insert_text_cache.hpp"
#include "database_access.hpp"
#include "database_state.hpp"
#include "models/library.hpp"
#include "support/database_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using library::Author;

class BulkCreateTextTest : public covet::test::DatabaseTest {
 protected:
  static std::vector<Author> authors(const std::vector<std::string>& names, int first_age) {
    std::vector<Author> out;
    for (const std::string& name : names) out.push_back(Author{.name = name, .age = first_age++});
    return out;
  }

  covet::detail::InsertTextStats text_stats() {
    return covet::detail::DatabaseAccess::state(*database)->insert_texts.stats();
  }

  // The SQL of the statements fn() runs.
  template <class F>
  std::vector<std::string> statements(F&& fn) {
    covet::QueryCounter counter(*database);
    fn();
    std::vector<std::string> out;
    for (const covet::QueryLogEntry& e : counter.entries()) out.push_back(e.sql);
    return out;
  }
};

TEST_P(BulkCreateTextTest, ASecondInsertOfTheSameShapeReusesTheText) {
  auto& db = *database;
  const std::vector<std::string> first = statements([&] { db.bulk_create(authors({"a", "b", "c"}, 1)); });
  const std::vector<std::string> second = statements([&] { db.bulk_create(authors({"d", "e", "f"}, 4)); });
  const covet::detail::InsertTextStats stats = text_stats();
  EXPECT_EQ(stats.written, 1u) << "the three-row INSERT of Author is written once";
  EXPECT_EQ(stats.reused, 1u);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(second, first) << "the same text, so the connection reuses its prepared statement";
}

TEST_P(BulkCreateTextTest, AReusedTextInsertsTheNewValues) {
  auto& db = *database;
  db.bulk_create(authors({"Ann", "Bob"}, 30));
  std::vector<Author> second = db.bulk_create(authors({"Cy", "Di"}, 50));
  ASSERT_EQ(text_stats().reused, 1u) << "the second call must take the cached text";
  for (const Author& a : second) {
    const Author stored = db.objects<Author>().get("id", a.id);
    EXPECT_EQ(stored.name, a.name);
    EXPECT_EQ(stored.age, a.age);
  }
  EXPECT_EQ(db.objects<Author>().filter("name", "Cy").get().age, 50);
  EXPECT_EQ(db.objects<Author>().filter("name", "Ann").get().age, 30) << "the first call's rows are unchanged";
  EXPECT_EQ(db.objects<Author>().count(), 4);
}

TEST_P(BulkCreateTextTest, AnotherRowCountIsAnotherText) {
  auto& db = *database;
  db.bulk_create(authors({"a", "b", "c"}, 1));
  db.bulk_create(authors({"d", "e"}, 1));
  EXPECT_EQ(text_stats().written, 2u);
  EXPECT_EQ(text_stats().reused, 0u);
}

TEST_P(BulkCreateTextTest, TheTextHoldsPlaceholdersAndNoValue) {
  auto& db = *database;
  const std::vector<std::string> sql = statements([&] { db.bulk_create(authors({"Zed"}, 77)); });
  ASSERT_EQ(sql.size(), 1u);
  EXPECT_EQ(sql[0].find("Zed"), std::string::npos) << sql[0];
  EXPECT_EQ(sql[0].find("77"), std::string::npos) << sql[0];
}

TEST_P(BulkCreateTextTest, TheQueryLogShowsTheBoundValues) {
  auto& db = *database;
  covet::QueryCounter counter(db);
  db.bulk_create(std::vector<Author>{Author{.name = "Eve", .age = 41}});
  const std::vector<covet::QueryLogEntry> entries = counter.entries();
  ASSERT_EQ(entries.size(), 1u);
  const std::vector<covet::Value>& params = entries[0].params;
  // name, bio, age, joined_at: text by reference, NULLs, an integer.
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[0], covet::Value("Eve"));
  EXPECT_TRUE(params[1].is_null());
  EXPECT_EQ(params[2], covet::Value(std::int64_t{41}));
  EXPECT_TRUE(params[3].is_null());
}

TEST_P(BulkCreateTextTest, EmptyTextAndAbsentTextStayApart) {
  auto& db = *database;
  std::vector<Author> saved = db.bulk_create(std::vector<Author>{Author{.name = "", .bio = std::string()},
                                                                 Author{.name = "x", .bio = std::nullopt}});
  const Author empty = db.objects<Author>().get("id", saved[0].id);
  EXPECT_EQ(empty.name, "");
  ASSERT_TRUE(empty.bio.has_value()) << "'' is a value, not NULL";
  EXPECT_EQ(*empty.bio, "");
  EXPECT_FALSE(db.objects<Author>().get("id", saved[1].id).bio.has_value());
}

COVET_INSTANTIATE_BACKENDS(BulkCreateTextTest);

}  // namespace

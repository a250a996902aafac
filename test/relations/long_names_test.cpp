// Names create_all makes up (indexes and constraints)
// stay within PostgreSQL's 63-byte identifier limit, by Django's
// truncate_name rule, so a second create_all finds what the first one made
// and two long names never collapse into one.
#include "models/m2m_long_names.hpp"
#include "schema/identifier_names.hpp"
#include "support/database_fixture.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using covet::detail::md5_hex;
using covet::detail::truncate_name;

const std::string kTable = "m2m_a_table_named_long_enough_to_overflow_derived_names";

TEST(IdentifierNames, Md5MatchesTheReferenceVectors) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6");
  EXPECT_EQ(md5_hex(std::string(100, 'x')).substr(0, 4), "aed5");  // more than one 64-byte block
}

TEST(IdentifierNames, NamesWithinTheLimitAreUnchanged) {
  EXPECT_EQ(truncate_name("post_tags_tag_id_idx"), "post_tags_tag_id_idx");
  EXPECT_EQ(truncate_name(std::string(63, 'a')), std::string(63, 'a'));
}

TEST(IdentifierNames, LongNamesAreCutAndHashedAsDjangoDoes) {
  // The values of django.db.backends.utils.truncate_name(name, 63).
  EXPECT_EQ(truncate_name(kTable + "_counter_one_idx"), "m2m_a_table_named_long_enough_to_overflow_derived_names_coue51a");
  EXPECT_EQ(truncate_name(kTable + "_counter_two_idx"), "m2m_a_table_named_long_enough_to_overflow_derived_names_coud728");
  EXPECT_EQ(truncate_name(std::string(100, 'x')), std::string(59, 'x') + "aed5");
}

TEST(IdentifierNames, TheCutNeverSplitsAUtf8Character) {
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";  // 40 x U+00E9, 80 bytes
  std::string expected;
  for (int i = 0; i < 29; ++i) expected += "\xC3\xA9";
  EXPECT_EQ(truncate_name(accents), expected + "6392") << "58 bytes of whole characters, then the hash";
}

class LongNamesTest : public covet::test::DatabaseTest {
 protected:
  // The names create_all made on an empty schema: a private one per test.
  LongNamesTest() { fresh_schema = true; }
};

TEST_P(LongNamesTest, CreateAllRunsTwiceWithLongTableAndColumnNames) {
  // SetUp ran the first create_all.
  EXPECT_NO_THROW(database->create_all());
  m2m::LongTarget target = database->create(m2m::LongTarget{});
  m2m::LongNamed row = database->create(m2m::LongNamed{.counter_one = 1, .counter_two = 2, .owner_one = target, .owner_two = target});
  row.tags.add(target);
  EXPECT_EQ(row.tags.count(), 1);
  EXPECT_THROW(database->create(m2m::LongNamed{.counter_one = 1, .counter_two = 2, .owner_one = target, .owner_two = target}),
               covet::UniqueViolation)
      << "the unique_together constraint exists under its truncated name";
}

TEST_P(LongNamesTest, EveryGeneratedNameFitsAndIsDistinct) {
  if (is_sqlite()) {
    auto names = database->query(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name LIKE 'm2m_a_table%'");
    for (const auto& row : names) EXPECT_LE(row.front().as_text().size(), 63u) << row.front().as_text();
    EXPECT_EQ(names.size(), 7u)
        << "the table, two column indexes, two key indexes, the join table and its target key index";
    return;
  }
  auto names = database->query(
      "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname LIKE 'm2m_a_table%' "
      "UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND "
      "conname LIKE 'm2m_a_table%'");
  for (const auto& row : names) EXPECT_LE(row.front().as_text().size(), 63u) << row.front().as_text();
  auto expect_name = [&](const std::string& name) {
    bool found = false;
    for (const auto& row : names) found = found || row.front().as_text() == name;
    EXPECT_TRUE(found) << name;
  };
  expect_name(truncate_name(kTable + "_counter_one_idx"));
  expect_name(truncate_name(kTable + "_counter_two_idx"));
  expect_name(truncate_name(kTable + "_owner_one_id_fk"));
  expect_name(truncate_name(kTable + "_owner_two_id_fk"));
  expect_name(truncate_name(kTable + "_counter_one_counter_two_uniq"));
  expect_name(kTable + "_tags");  // 60 bytes: kept as it is
  expect_name(truncate_name(kTable + "_tags_longtarget_id_idx"));
}

COVET_INSTANTIATE_BACKENDS(LongNamesTest);

}  // namespace

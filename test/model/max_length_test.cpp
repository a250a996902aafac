// A value its column cannot hold is refused with covet::DataError before any
// statement runs, the same on SQLite (which would store it) and PostgreSQL
// (which would refuse it with its own error): text longer than max_length,
// counted in characters (Unicode code points, as Django and PostgreSQL's
// VARCHAR(n) count), text that is not UTF-8, text holding a NUL. Every write
// path checks: create, save, update, bulk_create, bulk_update,
// QuerySet::update, a Partial's save, the related managers' create and a
// many-to-many's through_defaults.
#include "model/column_value.hpp"
#include "relations/blog_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace blog;

namespace {

// n copies of a character given as UTF-8.
std::string repeat(const std::string& character, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += character;
  return out;
}

// Topic.name and Tag.name are max_length(50), Membership.role 50, Post.title 200.
class MaxLengthTest : public covet::test::BlogTest {
 protected:
  // What the row holds now.
  std::string topic_name(const Topic& t) { return database->objects<Topic>().get("id", t.id).name; }
};

TEST_P(MaxLengthTest, CreateRefusesTextLongerThanMaxLength) {
  covet::QueryCounter counter(*database);
  try {
    database->create(Topic{.name = repeat("x", 51)});
    FAIL() << "51 characters do not fit Topic.name (max_length 50)";
  } catch (const covet::DataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("Topic.name"), std::string::npos) << what;
    EXPECT_NE(what.find("at most 50 characters"), std::string::npos) << what;
    EXPECT_NE(what.find("has 51"), std::string::npos) << what;
    EXPECT_EQ(e.model(), "Topic");
  }
  EXPECT_EQ(counter.count(), 0u) << "refused before any statement";
  EXPECT_EQ(rows("blog_topic"), 0);
}

TEST_P(MaxLengthTest, TextOfExactlyMaxLengthIsStored) {
  Topic t = database->create(Topic{.name = repeat("x", 50)});
  EXPECT_EQ(topic_name(t), repeat("x", 50));
}

TEST_P(MaxLengthTest, LengthCountsCharactersNotBytes) {
  // 50 characters of two bytes each: 100 bytes, and 50 characters.
  Topic t = database->create(Topic{.name = repeat("é", 50)});
  EXPECT_EQ(topic_name(t), repeat("é", 50));
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { database->create(Topic{.name = repeat("é", 51)}); });
  EXPECT_NE(what.find("has 51"), std::string::npos) << what;
}

TEST_P(MaxLengthTest, CharactersOutsideTheBasicPlaneCountOnce) {
  // U+1F600, four bytes in UTF-8 (and two UTF-16 units): one character.
  Topic t = database->create(Topic{.name = repeat("\xF0\x9F\x98\x80", 50)});
  EXPECT_EQ(topic_name(t), repeat("\xF0\x9F\x98\x80", 50));
  EXPECT_THROW(database->create(Topic{.name = repeat("\xF0\x9F\x98\x80", 51)}), covet::DataError);
}

TEST_P(MaxLengthTest, SaveRefusesTooLongTextForANewObject) {
  Topic t{.name = repeat("x", 60)};
  EXPECT_THROW(database->save(t), covet::DataError);
  EXPECT_FALSE(t.id.has_value()) << "nothing was inserted, so no key";
  EXPECT_EQ(rows("blog_topic"), 0);
}

TEST_P(MaxLengthTest, SaveRefusesTooLongTextForASavedObject) {
  Topic t = topic("cpp");
  t.name = repeat("x", 60);
  covet::QueryCounter counter(*database);
  EXPECT_THROW(database->save(t), covet::DataError);
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(topic_name(t), "cpp");
}

TEST_P(MaxLengthTest, UpdateRefusesTooLongText) {
  Topic t = topic("cpp");
  t.name = repeat("x", 60);
  EXPECT_THROW(database->update(t), covet::DataError);
  EXPECT_EQ(topic_name(t), "cpp");
}

TEST_P(MaxLengthTest, BulkCreateRefusesAndInsertsNoRowOfAnyBatch) {
  std::vector<Topic> topics;
  for (int i = 0; i < 10; ++i) topics.push_back(Topic{.name = "t" + std::to_string(i)});
  topics.push_back(Topic{.name = repeat("x", 51)});  // in the last of several batches
  covet::QueryCounter counter(*database);
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { database->bulk_create(topics, 2); });
  EXPECT_NE(what.find("Topic.name"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u) << "checked before the first batch";
  EXPECT_EQ(rows("blog_topic"), 0);
}

TEST_P(MaxLengthTest, BulkUpdateRefusesAndUpdatesNoRow) {
  std::vector<Topic> topics = database->bulk_create(std::vector<Topic>{Topic{.name = "a"}, Topic{.name = "b"}});
  topics[0].name = "a2";
  topics[1].name = repeat("x", 51);
  covet::QueryCounter counter(*database);
  EXPECT_THROW(database->bulk_update(topics, {"name"}), covet::DataError);
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(topic_name(topics[0]), "a");
}

TEST_P(MaxLengthTest, QuerySetUpdateRefusesTooLongText) {
  Topic t = topic("cpp");
  covet::QueryCounter counter(*database);
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { database->objects<Topic>().update({{"name", repeat("x", 51)}}); });
  EXPECT_NE(what.find("has 51"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(topic_name(t), "cpp");
}

TEST_P(MaxLengthTest, PartialSaveRefusesTooLongText) {
  Topic t = topic("cpp");
  covet::Partial<Topic> p = database->objects<Topic>().only("name").get("id", t.id);
  p.set(&Topic::name, repeat("x", 51));
  EXPECT_THROW(database->save(p), covet::DataError);
  EXPECT_EQ(topic_name(t), "cpp");
}

TEST_P(MaxLengthTest, ReverseManagerCreateRefusesTooLongText) {
  Topic cpp = topic("cpp");
  User ann = user("ann");
  EXPECT_THROW(cpp.posts.create(Post{.title = repeat("x", 201), .author = ann}), covet::DataError);
  EXPECT_EQ(rows("blog_post"), 0);
}

TEST_P(MaxLengthTest, ManyToManyCreateRefusesTooLongTextAndAddsNoPair) {
  Post p = post("Tips");
  EXPECT_THROW(p.tags.create(Tag{.name = repeat("x", 51)}), covet::DataError);
  EXPECT_EQ(rows("blog_tag"), 0);
  EXPECT_EQ(p.tags.count(), 0);
}

TEST_P(MaxLengthTest, ThroughDefaultsRefuseTooLongText) {
  Group g = group("admins");
  User ann = user("ann");
  covet::QueryCounter counter(*database);
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { g.members.add(ann, covet::through_defaults(Membership{.role = repeat("x", 51)})); });
  EXPECT_NE(what.find("Membership.role"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(rows("blog_membership"), 0);
}

TEST_P(MaxLengthTest, TextWithoutMaxLengthIsNotLimited) {
  Post p = post("Tips");
  const std::string long_text = repeat("x", 10000);
  Comment c = database->create(Comment{.post = p, .author = user("ann"), .text = long_text});
  EXPECT_EQ(database->objects<Comment>().get("id", c.id).text, long_text);
}

TEST_P(MaxLengthTest, InvalidUtf8IsADataError) {
  covet::QueryCounter counter(*database);
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { database->create(Topic{.name = "caf\xE9"}); });  // Latin-1 é
  EXPECT_NE(what.find("Topic.name"), std::string::npos) << what;
  EXPECT_NE(what.find("not valid UTF-8"), std::string::npos) << what;
  EXPECT_NE(what.find("0xe9 at offset 3"), std::string::npos) << what;
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(rows("blog_topic"), 0);
}

TEST_P(MaxLengthTest, InvalidUtf8InTextWithoutMaxLengthIsADataError) {
  Post p = post("Tips");
  User ann = user("ann");
  EXPECT_THROW(database->create(Comment{.post = p, .author = ann, .text = "\xFF"}), covet::DataError);
  EXPECT_EQ(rows("blog_comment"), 0);
}

TEST_P(MaxLengthTest, NulCharacterIsADataError) {
  const std::string what = covet::test::error_message<covet::DataError>(
      [&] { database->create(Topic{.name = std::string("a\0b", 3)}); });
  EXPECT_NE(what.find("NUL"), std::string::npos) << what;
  EXPECT_EQ(rows("blog_topic"), 0);
}

COVET_INSTANTIATE_BACKENDS(MaxLengthTest);

// ---- the check itself (runtime/model/column_value.cpp), without a database ------

class CheckFits : public ::testing::Test {
 protected:
  const covet::ModelInfo& topic = covet::model_info<Topic>();
  const covet::MemberInfo& name = *topic.member("name");

  void fits(const std::string& text) { covet::detail::check_fits(topic, name, covet::Value(text)); }
};

TEST_F(CheckFits, AcceptsEveryWellFormedSequenceLength) {
  EXPECT_NO_THROW(fits("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));  // 1, 2, 3 and 4 bytes
  EXPECT_NO_THROW(fits("\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));            // U+FFFF, U+10FFFF
  EXPECT_NO_THROW(fits(""));
}

TEST_F(CheckFits, RefusesMalformedUtf8) {
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xE0\x80\xAF",
                                "\xF0\x82\x82\xAC", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "a\xC3(" }) {
    EXPECT_THROW(fits(bad), covet::DataError) << "bytes: " << ::testing::PrintToString(bad);
  }
}

TEST_F(CheckFits, IgnoresValuesThatAreNotText) {
  EXPECT_NO_THROW(covet::detail::check_fits(topic, name, covet::Value(std::int64_t{42})));
  EXPECT_NO_THROW(covet::detail::check_fits(topic, name, covet::Value()));
}

}  // namespace

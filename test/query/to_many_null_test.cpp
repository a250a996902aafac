// isnull across to-many relations and exclude() with several conditions on
// one, with Django's results:
//  * filter("<to-many>__<field>__isnull", true) also matches owners with no
//    related row at all (Django's LEFT OUTER join gives them a NULL row), and
//    exclude() of it is the exact complement;
//  * conditions of one exclude() call on a to-many relation each get their
//    own subquery: NOT (EXISTS (...a...) AND EXISTS (...b...)).
//
// The writers:
//   none      no article
//   mixed     "m1" reviewed by rita (nickname "R"), "m2" without reviewer
//   full      "f1" reviewed by rita, "f2" reviewed by paul (no nickname)
//   lonely    "l1" reviewed by rita, no notes; the others' notes below
// Notes: m1 "fine", m2 NULL body; f1 "ok", f2 "good"; l1 none.
// Labels: m1 [red (color "red")], m2 [plain (no color)], f1 [red, blue
// (color "blue")], f2 and l1 none.
#include "models/query.hpp"
#include "support/database_fixture.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace query_test {
namespace {

using covet::Q;
using namespace qry;
using Names = std::vector<std::string>;

class ToManyNullTest : public covet::test::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    auto& db = *database;
    rita = db.create(Person{.name = "rita", .nickname = "R"});
    paul = db.create(Person{.name = "paul"});
    none = db.create(Writer{.name = "none"});
    mixed = db.create(Writer{.name = "mixed"});
    full = db.create(Writer{.name = "full"});
    lonely = db.create(Writer{.name = "lonely"});
    m1 = db.create(Article{.title = "m1", .writer = mixed, .reviewer = rita});
    m2 = db.create(Article{.title = "m2", .writer = mixed});
    f1 = db.create(Article{.title = "f1", .writer = full, .reviewer = rita});
    f2 = db.create(Article{.title = "f2", .writer = full, .reviewer = paul});
    l1 = db.create(Article{.title = "l1", .writer = lonely, .reviewer = rita});
    db.create(Note{.article = m1, .body = "fine"});
    db.create(Note{.article = m2});
    db.create(Note{.article = f1, .body = "ok"});
    db.create(Note{.article = f2, .body = "good"});
    red = db.create(Label{.name = "red", .color = "red"});
    plain = db.create(Label{.name = "plain"});
    blue = db.create(Label{.name = "blue", .color = "blue"});
    m1.labels.add(red);
    m2.labels.add(plain);
    f1.labels.add(red, blue);
  }

  covet::QuerySet<Writer> writers() { return database->objects<Writer>(); }
  covet::QuerySet<Article> articles() { return database->objects<Article>(); }

  template <class T>
  static Names names(const covet::QuerySet<T>& qs) {
    Names out;
    for (const T& row : qs.fetch()) {
      if constexpr (requires { row.title; }) {
        out.push_back(row.title);
      } else {
        out.push_back(row.name);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Person rita, paul;
  Writer none, mixed, full, lonely;
  Article m1, m2, f1, f2, l1;
  Label red, plain, blue;
};

TEST_P(ToManyNullTest, IsNullTrueAcrossAReverseForeignKeyMatchesOwnersWithoutRelatedRows) {
  EXPECT_EQ(names(writers().filter("articles__reviewer__isnull", true)), (Names{"mixed", "none"}));
}

TEST_P(ToManyNullTest, ExcludeIsNullTrueIsItsComplement) {
  EXPECT_EQ(names(writers().exclude("articles__reviewer__isnull", true)), (Names{"full", "lonely"}));
}

TEST_P(ToManyNullTest, IsNullFalseNeedsARelatedRowWithAValue) {
  EXPECT_EQ(names(writers().filter("articles__reviewer__isnull", false)), (Names{"full", "lonely", "mixed"}));
  EXPECT_EQ(names(writers().exclude("articles__reviewer__isnull", false)), (Names{"none"}));
}

TEST_P(ToManyNullTest, IsNullOnAColumnOfTheRelatedRow) {
  EXPECT_EQ(names(articles().filter("notes__body__isnull", true)), (Names{"l1", "m2"}));
  EXPECT_EQ(names(articles().exclude("notes__body__isnull", true)), (Names{"f1", "f2", "m1"}));
}

TEST_P(ToManyNullTest, IsNullThroughAManyToMany) {
  EXPECT_EQ(names(articles().filter("labels__color__isnull", true)), (Names{"f2", "l1", "m2"}));
  EXPECT_EQ(names(articles().exclude("labels__color__isnull", true)), (Names{"f1", "m1"}));
}

TEST_P(ToManyNullTest, IsNullThroughAManyToManyBackwards) {
  // Labels with an article without reviewer, or with no article: unused has
  // none, plain's only article (m2) has no reviewer; red and blue's articles
  // (m1, f1) are reviewed.
  auto lonely_label = database->create(Label{.name = "unused"});
  (void)lonely_label;
  EXPECT_EQ(names(database->objects<Label>().filter("articles__reviewer__isnull", true)), (Names{"plain", "unused"}));
  EXPECT_EQ(names(database->objects<Label>().exclude("articles__reviewer__isnull", true)), (Names{"blue", "red"}));
}

TEST_P(ToManyNullTest, IsNullTwoToManyLevelsDeep) {
  // none: no article; lonely: an article without notes; mixed: a note
  // without body; full: only notes with bodies.
  EXPECT_EQ(names(writers().filter("articles__notes__body__isnull", true)), (Names{"lonely", "mixed", "none"}));
  EXPECT_EQ(names(writers().exclude("articles__notes__body__isnull", true)), (Names{"full"}));
}

TEST_P(ToManyNullTest, IsNullAcrossAToManyThenAForeignKey) {
  // paul has no nickname: full matches through f2, mixed through m2 (no
  // reviewer at all), none through having no article.
  EXPECT_EQ(names(writers().filter("articles__reviewer__nickname__isnull", true)), (Names{"full", "mixed", "none"}));
  EXPECT_EQ(names(writers().exclude("articles__reviewer__nickname__isnull", true)), (Names{"lonely"}));
}

TEST_P(ToManyNullTest, IsNullWithAnotherConditionOnTheSameRowNeedsThatRow) {
  // One filter() call: the same article must have no reviewer and be "m2"
  // (Django's join is INNER then), so owners without articles drop out.
  EXPECT_EQ(names(writers().filter(Q("articles__reviewer__isnull", true) & Q("articles__title", "m2"))),
            (Names{"mixed"}));
  EXPECT_EQ(names(writers().filter(Q("articles__reviewer__isnull", true) & Q("articles__title", "m1"))), Names{});
}

TEST_P(ToManyNullTest, IsNullOrAnotherCondition) {
  EXPECT_EQ(names(writers().filter(Q("articles__reviewer__isnull", true) | Q("name", "full"))),
            (Names{"full", "mixed", "none"}));
}

TEST_P(ToManyNullTest, ExcludeGivesEachConditionOnAToManyRelationItsOwnSubquery) {
  // mixed has an article titled m1 and (another) one without reviewer: both
  // EXISTS hold, so Django excludes it although no single article has both.
  auto q = Q("articles__title", "m1") & Q("articles__reviewer__isnull", true);
  EXPECT_EQ(names(writers().exclude(q)), (Names{"full", "lonely", "none"}));
  EXPECT_EQ(names(writers().filter(~q)), (Names{"full", "lonely", "none"}));
  // filter() keeps the same-row rule: no article is both.
  EXPECT_EQ(names(writers().filter(q)), Names{});
}

TEST_P(ToManyNullTest, ExcludeOfTwoPlainConditionsOnOneRelation) {
  // full has f1 (reviewed by rita) and f2 (titled f2): excluded, although no
  // one article is both.
  auto q = Q("articles__reviewer", rita) & Q("articles__title", "f2");
  EXPECT_EQ(names(writers().exclude(q)), (Names{"lonely", "mixed", "none"}));
  EXPECT_EQ(names(writers().filter(q)), Names{});
}

TEST_P(ToManyNullTest, ExcludeOfSeveralConditionsThroughAManyToMany) {
  // f1 has a label named red and another whose color is blue: excluded,
  // although no one label is both; m1 has red but nothing blue.
  auto q = Q("labels__name", "red") & Q("labels__color", "blue");
  EXPECT_EQ(names(articles().exclude(q)), (Names{"f2", "l1", "m1", "m2"}));
  EXPECT_EQ(names(articles().filter(q)), Names{});
}

TEST_P(ToManyNullTest, DoubleNegationKeepsTheSameRowRule) {
  auto q = Q("articles__title", "m1") & Q("articles__reviewer__isnull", true);
  EXPECT_EQ(names(writers().filter(~~q)), Names{});
  EXPECT_EQ(names(writers().exclude(~q)), Names{});
}

COVET_INSTANTIATE_BACKENDS(ToManyNullTest);

}  // namespace
}  // namespace query_test

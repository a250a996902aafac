// prefetch_related over many-to-many relations (automatic join tables, a
// through model, a symmetrical self relation) and nested lookups, with the
// blog models.
#include "relations/blog_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <vector>

using namespace blog;

namespace {

class PrefetchManyToManyTest : public covet::test::BlogTest {
 protected:
  void SetUp() override {
    BlogTest::SetUp();
    if (IsSkipped()) return;
    ann = user("ann");
    ben = user("ben");
    python = tag("python");
    cpp = tag("cpp");
    rust = tag("rust");
    tips = post("Tips", ann);
    news = post("News", ann);
    empty = post("Empty", ben);
    tips.tags.add(python, cpp);
    news.tags.add(python, rust);
  }
  std::vector<Post> posts_by_title(covet::QuerySet<Post> qs) { return qs.order_by("title").fetch(); }

  User ann, ben;
  Tag python, cpp, rust;
  Post tips, news, empty;
};

TEST_P(PrefetchManyToManyTest, ForwardSideCostsOneQuery) {
  std::vector<Post> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2,
                           [&] { loaded = posts_by_title(database->objects<Post>().prefetch_related("tags")); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[0].tags.all()), Names{});  // Empty
    EXPECT_EQ(names(loaded[1].tags.all()), (Names{"python", "rust"}));
    EXPECT_EQ(names(loaded[2].tags.all()), (Names{"cpp", "python"}));
  });
}

TEST_P(PrefetchManyToManyTest, RefiningAPrefetchedAllKeepsTheOwnersCondition) {
  const std::vector<Post> loaded = posts_by_title(database->objects<Post>().prefetch_related("tags"));
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    EXPECT_EQ(names(loaded[0].tags.all().filter("name__startswith", "p")), Names{});  // Empty
    EXPECT_EQ(names(loaded[1].tags.all().filter("name__startswith", "p")), (Names{"python"}));  // News
    EXPECT_EQ(names(loaded[2].tags.all().exclude("name", "python")), (Names{"cpp"}));  // Tips
  });
}

TEST_P(PrefetchManyToManyTest, RefiningAPrefetchedReverseAllKeepsTheOwnersCondition) {
  const std::vector<Tag> loaded = database->objects<Tag>().order_by("name").prefetch_related("posts").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    EXPECT_EQ(names(loaded[1].posts.all().filter("title__startswith", "T")), (Names{"Tips"}));  // python
    EXPECT_EQ(names(loaded[2].posts.all().filter("title__startswith", "T")), Names{});  // rust
  });
}

TEST_P(PrefetchManyToManyTest, ReverseSideCostsOneQuery) {
  std::vector<Tag> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = database->objects<Tag>().order_by("name").prefetch_related("posts").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[0].posts.all()), (Names{"Tips"}));          // cpp
    EXPECT_EQ(names(loaded[1].posts.all()), (Names{"News", "Tips"}));  // python
    EXPECT_EQ(names(loaded[2].posts.all()), (Names{"News"}));          // rust
  });
}

TEST_P(PrefetchManyToManyTest, RelatedRowSharedByOwnersReachesEachOwner) {
  auto loaded = posts_by_title(database->objects<Post>().filter("title__in", {"Tips", "News"}).prefetch_related("tags"));
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].tags.count(), 2);
  EXPECT_EQ(loaded[1].tags.count(), 2);
}

TEST_P(PrefetchManyToManyTest, NestedLookupCostsOneQueryPerLevel) {
  std::vector<User> loaded;
  // User has no declared `posts` member: go through tags instead.
  std::vector<Tag> tags;
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    tags = database->objects<Tag>().order_by("name").prefetch_related("posts__tags").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    const std::vector<Post> python_posts = tags[1].posts.fetch();
    ASSERT_EQ(python_posts.size(), 2u);
    for (const Post& p : python_posts) EXPECT_EQ(p.tags.count(), 2) << p.title;
  });
}

TEST_P(PrefetchManyToManyTest, NestedLookupLoadsItsIntermediateLevelOnce) {
  COVET_EXPECT_NUM_QUERIES(*database, 4, [&] {
    (void)database->objects<Tag>().prefetch_related("posts", "posts__tags", "posts__comments").fetch();
  });
}

TEST_P(PrefetchManyToManyTest, PrefetchQuerySetCarriesItsOwnPrefetch) {
  std::vector<Tag> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    loaded = database->objects<Tag>().filter("name", "rust").prefetch_related(
        covet::Prefetch("posts", database->objects<Post>().prefetch_related("tags"))).fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[0].posts.fetch()[0].tags.all()), (Names{"python", "rust"}));
  });
}

TEST_P(PrefetchManyToManyTest, ThroughModelRelationPrefetches) {
  Group g = group("devs");
  g.members.add(ann, ben);
  std::vector<Group> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { loaded = database->objects<Group>().prefetch_related("members").fetch(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(names(loaded[0].members.all()), (Names{"ann", "ben"})); });
}

TEST_P(PrefetchManyToManyTest, SymmetricalRelationPrefetchesBothDirections) {
  ann.friends.add(ben);
  auto loaded = database->objects<User>().order_by("username").prefetch_related("friends").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[0].friends.all()), (Names{"ben"}));
    EXPECT_EQ(names(loaded[1].friends.all()), (Names{"ann"}));
  });
}

TEST_P(PrefetchManyToManyTest, AddDropsThePrefetchedRows) {
  auto loaded = posts_by_title(database->objects<Post>().prefetch_related("tags"));
  loaded[0].tags.add(rust);
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(names(loaded[0].tags.all()), (Names{"rust"})); });
}

TEST_P(PrefetchManyToManyTest, ReverseForeignKeyPrefetchFromPostToComments) {
  database->create(Comment{.post = tips, .author = ben, .text = "nice"});
  database->create(Comment{.post = tips, .author = ann, .text = "thanks"});
  auto loaded = posts_by_title(database->objects<Post>().prefetch_related("comments"));
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(loaded[2].comments.count(), 2);
    EXPECT_EQ(loaded[1].comments.count(), 0);
  });
}

COVET_INSTANTIATE_BACKENDS(PrefetchManyToManyTest);

}  // namespace

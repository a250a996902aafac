// Prefetching generic relations: prefetch_related("content_object") costs
// one query for the rows plus one per content type present (plus one on a
// handle whose content-type cache is cold), batched under the parameter
// limit; every object is then read without a statement, strict loading
// included, and an erased target reads as gone without a query.
// prefetch_related("comments") over a GenericRelation is one query.
// covet::GenericPrefetch gives a query set per model: its filters,
// select_related and prefetch_related apply to that model's objects, at no
// extra query per content type.
#include "models/generic.hpp"
#include "generic/generic_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using covet::ContentType;
using gen::Comment;
using gen::Link;
using gen::Note;
using gen::Page;
using gen::Photo;
using gen::Post;
using gen::Reply;
using gen::Tag;

class GenericPrefetchTest : public covet::test::GenericTest {
 protected:

  // Comments on two posts, a photo and a link.
  void make_comments() {
    Post p1 = db().create(Post{.title = "p1"});
    Post p2 = db().create(Post{.title = "p2"});
    Photo photo = db().create(Photo{.caption = "ph"});
    db().create(Comment{.text = "1", .content_object = p1});
    db().create(Comment{.text = "2", .content_object = p2});
    db().create(Comment{.text = "3", .content_object = photo});
    db().create(Comment{.text = "4", .content_object = p1});
  }
};

TEST_P(GenericPrefetchTest, ContentObjectIsOneQueryPerContentTypePresent) {
  make_comments();
  std::vector<Comment> comments;
  COVET_EXPECT_NUM_QUERIES(db(), 3, [&] {
    comments = db().objects<Comment>().order_by("text").prefetch_related("content_object").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[0].content_object.get<Post>().title, "p1");
    EXPECT_EQ(comments[1].content_object.get<Post>().title, "p2");
    EXPECT_EQ(comments[2].content_object.get<Photo>().caption, "ph");
    EXPECT_EQ(comments[3].content_object.get<Post>().title, "p1");
  });
}

TEST_P(GenericPrefetchTest, FiveContentTypesAreFiveQueriesMore) {
  Post post = db().create(Post{.title = "post"});
  Photo photo = db().create(Photo{.caption = "photo"});
  Link link = db().create(Link{.url = "link"});
  Page page = db().create(Page{.title = "page"});
  Note note = db().create(Note{.body = "note", .content_object = page});
  db().create(Tag{.label = "a", .target = post});
  db().create(Tag{.label = "b", .target = photo});
  db().create(Tag{.label = "c", .target = link});
  db().create(Tag{.label = "d", .target = page});
  db().create(Tag{.label = "e", .target = note});
  db().create(Tag{.label = "f"});  // null: nothing to load
  std::vector<Tag> tags;
  COVET_EXPECT_NUM_QUERIES(db(), 6, [&] { tags = db().objects<Tag>().order_by("label").prefetch_related("target").fetch(); });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(tags[0].target.get<Post>().title, "post");
    EXPECT_EQ(tags[1].target.get<Photo>().caption, "photo");
    EXPECT_EQ(tags[2].target.get<Link>().url, "link");
    EXPECT_EQ(tags[3].target.get<Page>().title, "page");
    EXPECT_EQ(tags[4].target.get<Note>().body, "note");
    EXPECT_FALSE(tags[5].target.has_value());
  });
}

TEST_P(GenericPrefetchTest, ColdContentTypeCacheCostsOneStatementMore) {
  make_comments();
  covet::Database second = other();
  COVET_EXPECT_NUM_QUERIES(second, 4, [&] { second.objects<Comment>().prefetch_related("content_object").fetch(); });
}

TEST_P(GenericPrefetchTest, StrictLoadingAllowsPrefetchedObjects) {
  make_comments();
  auto comments = db().objects<Comment>().order_by("text").prefetch_related("content_object").fetch();
  auto unprefetched = db().objects<Comment>().order_by("text").fetch();
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  EXPECT_EQ(comments[2].content_object.get<Photo>().caption, "ph");
  EXPECT_THROW(unprefetched[2].content_object.get<Photo>(), covet::UsageError);
}

TEST_P(GenericPrefetchTest, ErasedTargetsReadAsGoneWithoutAQuery) {
  Link link = db().create(Link{.url = "gone"});
  db().create(Comment{.text = "dangling", .content_object = link});
  db().erase(link);
  auto comments = db().objects<Comment>().prefetch_related("content_object").fetch();
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[0].content_object.get_if<Link>(), nullptr);
    EXPECT_THROW(comments[0].content_object.get<Link>(), covet::DoesNotExist);
  });
}

TEST_P(GenericPrefetchTest, MoreObjectsThanOneStatementHoldsAreSplit) {
  const std::int64_t post_type = ContentType::for_model<Post>(db()).id();
  db().execute(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) "
      "INSERT INTO gen_post (title) SELECT 'p' FROM n");
  db().execute(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) "
      "INSERT INTO gen_comment (text, content_type, object_id) SELECT 'c', " +
      std::to_string(post_type) + ", x FROM n");
  std::vector<Comment> comments;
  // SQLite: at most 16384 keys per statement, so 2 for the posts; PostgreSQL: one array.
  COVET_EXPECT_NUM_QUERIES(db(), is_sqlite() ? 3 : 2,
                           [&] { comments = db().objects<Comment>().prefetch_related("content_object").fetch(); });
  ASSERT_EQ(comments.size(), 20000u);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    for (const Comment& c : comments) ASSERT_EQ(c.content_object.get<Post>().id.value(), c.object_id);
  });
}

TEST_P(GenericPrefetchTest, GenericRelationIsOneQuery) {
  make_comments();
  std::vector<Post> posts;
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] { posts = db().objects<Post>().order_by("title").prefetch_related("comments").fetch(); });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(posts[0].comments.all().fetch().size(), 2u);
    EXPECT_EQ(posts[1].comments.count(), 1);
  });
}

TEST_P(GenericPrefetchTest, GenericRelationPrefetchMatchesTheOwnersContentTypeOnly) {
  make_comments();  // photo 1 and post 1 share a key
  auto photos = db().objects<Photo>().prefetch_related("comments").fetch();
  ASSERT_EQ(photos.size(), 1u);
  std::vector<std::string> texts;
  for (const Comment& c : photos[0].comments.all()) texts.push_back(c.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"3"}));
}

TEST_P(GenericPrefetchTest, StrictLoadingRefusesAnUnprefetchedGenericRelation) {
  make_comments();
  auto posts = db().objects<Post>().fetch();
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  const std::string what = covet::test::error_message<covet::UsageError>([&] { posts[0].comments.all().fetch(); });
  EXPECT_NE(what.find("prefetch_related(\"comments\")"), std::string::npos) << what;
}

TEST_P(GenericPrefetchTest, LookupsPastAGenericReferenceAreRefusedPointingAtGenericPrefetch) {
  const std::string what = covet::test::error_message<covet::FieldError>(
      [&] { db().objects<Comment>().prefetch_related("content_object__comments"); });
  EXPECT_NE(what.find("covet::GenericPrefetch(\"content_object\""), std::string::npos) << what;
}

TEST_P(GenericPrefetchTest, GenericPrefetchQuerySetSelectsItsModelsObjects) {
  make_comments();
  std::vector<Comment> comments;
  COVET_EXPECT_NUM_QUERIES(db(), 3, [&] {
    comments = db().objects<Comment>()
                   .order_by("text")
                   .prefetch_related(covet::GenericPrefetch("content_object", db().objects<Post>().filter("title", "p1")))
                   .fetch();
  });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[0].content_object.get<Post>().title, "p1");
    EXPECT_EQ(comments[1].content_object.get_if<Post>(), nullptr);  // p2: left out by the query set
    EXPECT_EQ(comments[2].content_object.get<Photo>().caption, "ph");  // no query set: every photo
    EXPECT_EQ(comments[3].content_object.get<Post>().title, "p1");
  });
}

TEST_P(GenericPrefetchTest, GenericPrefetchRunsEachQuerySetsOwnPrefetch) {
  make_comments();
  std::vector<Comment> comments;
  // The comments, the posts, the photo, the posts' comments.
  COVET_EXPECT_NUM_QUERIES(db(), 4, [&] {
    comments = db().objects<Comment>()
                   .order_by("text")
                   .prefetch_related(
                       covet::GenericPrefetch("content_object", db().objects<Post>().prefetch_related("comments")))
                   .fetch();
  });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[0].content_object.get<Post>().comments.count(), 2);  // p1: "1" and "4"
    EXPECT_EQ(comments[1].content_object.get<Post>().comments.count(), 1);
    EXPECT_EQ(comments[2].content_object.get<Photo>().caption, "ph");
  });
  // Photos had no query set, so their comments were not prefetched: a query.
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(comments[2].content_object.get<Photo>().comments.count(), 1); });
}

TEST_P(GenericPrefetchTest, GenericPrefetchQuerySetsSelectRelatedJoins) {
  Post post = db().create(Post{.title = "post"});
  Comment comment = db().create(Comment{.text = "on post", .content_object = post});
  Reply reply = db().create(Reply{.text = "reply", .comment = comment});
  db().create(Tag{.label = "r", .target = reply});
  std::vector<Tag> tags;
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] {
    tags = db().objects<Tag>()
               .prefetch_related(covet::GenericPrefetch("target", db().objects<Reply>().select_related("comment")))
               .fetch();
  });
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(tags.at(0).target.get<Reply>().comment.get().text, "on post");
  });
}

TEST_P(GenericPrefetchTest, PlainLookupAfterGenericPrefetchRunsNoQuery) {
  make_comments();
  COVET_EXPECT_NUM_QUERIES(db(), 3, [&] {
    db().objects<Comment>()
        .prefetch_related(covet::GenericPrefetch("content_object", db().objects<Post>().filter("title", "p1")),
                          "content_object")
        .fetch();
  });
}

TEST_P(GenericPrefetchTest, GenericPrefetchAfterThePlainLookupIsRefused) {
  make_comments();  // with no row to prefetch for, nothing is checked (as in Django)
  EXPECT_THROW(db().objects<Comment>()
                   .prefetch_related("content_object",
                                     covet::GenericPrefetch("content_object", db().objects<Post>()))
                   .fetch(),
               covet::UsageError);
}

TEST_P(GenericPrefetchTest, GenericPrefetchRefusesAModelTheReferenceNeverPointsAt) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] {
    db().objects<Comment>().prefetch_related(covet::GenericPrefetch("content_object", db().objects<Page>()));
  });
  EXPECT_NE(what.find("Page"), std::string::npos) << what;
  EXPECT_NE(what.find("Post, "), std::string::npos) << what;  // the targets
}

TEST_P(GenericPrefetchTest, GenericPrefetchRefusesAProxyNamingItsConcreteModel) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] {
    db().objects<Tag>().prefetch_related(covet::GenericPrefetch("target", db().objects<gen::Featured>()));
  });
  EXPECT_NE(what.find("proxy"), std::string::npos) << what;
  EXPECT_NE(what.find("give a query set of Post"), std::string::npos) << what;
}

TEST_P(GenericPrefetchTest, GenericPrefetchRefusesTwoQuerySetsOfOneModel) {
  EXPECT_THROW(db().objects<Comment>().prefetch_related(
                   covet::GenericPrefetch("content_object", db().objects<Post>(), db().objects<Post>().filter("id", 1))),
               covet::UsageError);
}

TEST_P(GenericPrefetchTest, GenericPrefetchRefusesASlicedQuerySet) {
  EXPECT_THROW(db().objects<Comment>().prefetch_related(
                   covet::GenericPrefetch("content_object", db().objects<Post>().order_by("id").slice(0, 1))),
               covet::UsageError);
}

TEST_P(GenericPrefetchTest, GenericPrefetchOfARelationThatIsNotGenericIsRefused) {
  EXPECT_THROW(db().objects<Reply>().prefetch_related(covet::GenericPrefetch("comment", db().objects<Comment>())),
               covet::UsageError);
}

TEST_P(GenericPrefetchTest, PrefetchWithOneQuerySetOfAGenericReferencePointsAtGenericPrefetch) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] {
    db().objects<Comment>().prefetch_related(covet::Prefetch("content_object", db().objects<Post>()));
  });
  EXPECT_NE(what.find("covet::GenericPrefetch"), std::string::npos) << what;
}

TEST_P(GenericPrefetchTest, AutoPrefetchLoadsEveryPeersContentObjectAtTheFirstRead) {
  make_comments();
  covet::LoadingScope automatic(db(), covet::Loading::AutoPrefetch);
  auto comments = db().objects<Comment>().order_by("text").fetch();
  // The posts' query and the photo's: every comment's object.
  COVET_EXPECT_NUM_QUERIES(db(), 2, [&] { EXPECT_EQ(comments[0].content_object.get<Post>().title, "p1"); });
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[1].content_object.get<Post>().title, "p2");
    EXPECT_EQ(comments[2].content_object.get<Photo>().caption, "ph");
    EXPECT_EQ(comments[3].content_object.get<Post>().title, "p1");
  });
}

TEST_P(GenericPrefetchTest, AutoPrefetchReadsAnErasedTargetAsGone) {
  Link kept = db().create(Link{.url = "kept"});
  Link gone = db().create(Link{.url = "gone"});
  db().create(Comment{.text = "1", .content_object = kept});
  db().create(Comment{.text = "2", .content_object = gone});
  db().erase(gone);
  covet::LoadingScope automatic(db(), covet::Loading::AutoPrefetch);
  auto comments = db().objects<Comment>().order_by("text").fetch();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(comments[0].content_object.get<Link>().url, "kept"); });
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_EQ(comments[1].content_object.get_if<Link>(), nullptr);
    EXPECT_THROW(comments[1].content_object.get<Link>(), covet::DoesNotExist);
  });
}

TEST_P(GenericPrefetchTest, AutoPrefetchLoadsEveryPeersGenericRelationAtTheFirstRead) {
  make_comments();
  covet::LoadingScope automatic(db(), covet::Loading::AutoPrefetch);
  auto posts = db().objects<Post>().order_by("title").fetch();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(posts[0].comments.count(), 2); });
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] { EXPECT_EQ(posts[1].comments.count(), 1); });
}

COVET_INSTANTIATE_BACKENDS(GenericPrefetchTest);

}  // namespace

// covet::GenericRelation<T>: the T rows pointing at the owner (its content
// type and key, never another model's row with the same key), refined like
// any related manager (filter, count, exists), written by create and add;
// and erasing the owner: CASCADE erases those rows in the delete's one
// transaction, counted per model and followed by their own relations;
// SET_NULL clears both members; DO_NOTHING and a model without a
// GenericRelation leave them dangling.
#include "models/generic.hpp"
#include "generic/generic_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <cstdint>
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

class GenericRelationTest : public covet::test::GenericTest {
 protected:

  std::vector<std::string> texts(covet::QuerySet<Comment> rows) {
    std::vector<std::string> out;
    for (const Comment& c : rows.order_by("text")) out.push_back(c.text);
    return out;
  }

  // A post and a photo with the same key, two comments on the post, one on the photo.
  void make_comments() {
    post = db().create(Post{.title = "p"});
    photo = db().create(Photo{.caption = "same key"});
    ASSERT_EQ(post.id.value(), photo.id.value());
    db().create(Comment{.text = "a", .content_object = post});
    db().create(Comment{.text = "b", .content_object = post});
    db().create(Comment{.text = "c", .content_object = photo});
  }

  Post post;
  Photo photo;
};

TEST_P(GenericRelationTest, AllIsTheRowsPointingAtTheOwnerNotAtAnotherModelsSameKey) {
  make_comments();
  EXPECT_EQ(texts(post.comments.all()), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(texts(photo.comments.all()), (std::vector<std::string>{"c"}));
}

TEST_P(GenericRelationTest, AllIsOneQueryWithAWarmContentTypeCache) {
  make_comments();
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(post.comments.all().fetch().size(), 2u); });
}

TEST_P(GenericRelationTest, FilterCountAndExistsRefineTheRelatedRows) {
  make_comments();
  EXPECT_EQ(post.comments.filter("text", "b").count(), 1);
  EXPECT_EQ(post.comments.count(), 2);
  EXPECT_TRUE(photo.comments.exists());
  EXPECT_FALSE(photo.comments.filter("text", "a").exists());
}

TEST_P(GenericRelationTest, LoadedOwnersAreBound) {
  make_comments();
  Post loaded = db().objects<Post>().get("pk", post.id);
  EXPECT_EQ(loaded.comments.count(), 2);
}

TEST_P(GenericRelationTest, CreatePointsTheNewRowAtTheOwner) {
  Post p = db().create(Post{.title = "p"});
  Comment c = p.comments.create({.text = "First!"});
  EXPECT_TRUE(c.id.has_value());
  EXPECT_EQ(c.object_id, p.id.value());
  EXPECT_EQ(c.content_type.value(), ContentType::for_model<Post>(db()).id());
  EXPECT_EQ(c.content_object.get<Post>().title, "p");
  EXPECT_EQ(p.comments.count(), 1);
}

TEST_P(GenericRelationTest, AddPointsSavedRowsAtTheOwnerInOneStatement) {
  make_comments();
  Comment moved = db().objects<Comment>().get("text", "c");
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { post.comments.add(moved); });
  EXPECT_TRUE(moved.content_object.is<Post>());
  EXPECT_EQ(post.comments.count(), 3);
  EXPECT_EQ(photo.comments.count(), 0);
}

TEST_P(GenericRelationTest, UnboundRelationIsAUsageError) {
  Post unsaved{.title = "never saved"};
  const std::string what = covet::test::error_message<covet::UsageError>([&] { unsaved.comments.count(); });
  EXPECT_NE(what.find("bound"), std::string::npos) << what;
}

TEST_P(GenericRelationTest, ErasingTheOwnerErasesItsRowsCountedPerModel) {
  make_comments();
  covet::DeleteResult result = db().erase(post);
  EXPECT_EQ(result.per_model["Comment"], 2);
  EXPECT_EQ(result.per_model["Post"], 1);
  EXPECT_EQ(result.total, 3);
  EXPECT_EQ(texts(db().objects<Comment>()), (std::vector<std::string>{"c"}));  // the photo's stays
}

TEST_P(GenericRelationTest, CascadeFollowsTheErasedRowsOwnRelations) {
  make_comments();
  Comment a = db().objects<Comment>().get("text", "a");
  db().create(Reply{.text = "re: a", .comment = a});
  covet::DeleteResult result = db().erase(post);
  EXPECT_EQ(result.per_model["Reply"], 1);
  EXPECT_EQ(db().objects<Reply>().count(), 0);
}

TEST_P(GenericRelationTest, ErasingAQuerySetOfOwnersErasesTheirRows) {
  make_comments();
  db().create(Post{.title = "other"});
  covet::DeleteResult result = db().objects<Post>().erase();
  EXPECT_EQ(result.per_model["Comment"], 2);
  EXPECT_EQ(db().objects<Comment>().count(), 1);
}

TEST_P(GenericRelationTest, CascadeIsBatchedForManyOwners) {
  std::vector<Post> posts;
  for (int i = 0; i < 1200; ++i) posts.push_back(Post{.title = "p" + std::to_string(i)});
  posts = db().bulk_create(posts);
  std::vector<Comment> comments;
  for (const Post& p : posts) comments.push_back(Comment{.text = p.title, .content_object = p});
  db().bulk_create(comments);
  covet::DeleteResult result = db().objects<Post>().erase();
  EXPECT_EQ(result.per_model["Comment"], 1200);
  EXPECT_EQ(db().objects<Comment>().count(), 0);
}

TEST_P(GenericRelationTest, SetNullClearsBothMembers) {
  Photo p = db().create(Photo{.caption = "tagged"});
  db().create(Tag{.label = "t", .target = p});
  covet::DeleteResult result = db().erase(p);
  EXPECT_EQ(result.per_model.count("Tag"), 0u);
  Tag tag = db().objects<Tag>().get("label", "t");
  EXPECT_FALSE(tag.target_type.has_value());
  EXPECT_FALSE(tag.target_id.has_value());
  EXPECT_FALSE(tag.target.has_value());
}

TEST_P(GenericRelationTest, DoNothingLeavesTheRowsDangling) {
  Page page = db().create(Page{.title = "p"});
  db().create(Note{.body = "n", .content_object = page});
  db().erase(page);
  Note note = db().objects<Note>().get("body", "n");
  EXPECT_EQ(note.content_object.get_if<Page>(), nullptr);
}

TEST_P(GenericRelationTest, WithoutAGenericRelationNothingCascades) {
  Link link = db().create(Link{.url = "u"});
  db().create(Comment{.text = "on link", .content_object = link});
  covet::DeleteResult result = db().erase(link);
  EXPECT_EQ(result.total, 1);
  EXPECT_EQ(db().objects<Comment>().count(), 1);
}

TEST_P(GenericRelationTest, ErasingOneOfTheRowsLeavesTheOwner) {
  make_comments();
  Comment a = db().objects<Comment>().get("text", "a");
  db().erase(a);
  EXPECT_EQ(post.comments.count(), 1);
  EXPECT_EQ(db().objects<Post>().count(), 1);
}

TEST_P(GenericRelationTest, QueriesOfTheOwnerFilterThroughTheRelation) {
  make_comments();
  db().create(Post{.title = "uncommented"});
  EXPECT_EQ(db().objects<Post>().filter("comments__text", "b").count(), 1);
  EXPECT_EQ(db().objects<Post>().filter("comments__text", "c").count(), 0);  // the photo's comment
  EXPECT_EQ(db().objects<Post>().filter("comments__isnull", true).fetch().at(0).title, "uncommented");
  EXPECT_EQ(db().objects<Photo>().filter("comments__text__in", {"a", "c"}).count(), 1);
}

TEST_P(GenericRelationTest, RelatedQueryNameFiltersTheRowsByTheirOwner) {
  make_comments();
  EXPECT_EQ(texts(db().objects<Comment>().filter("post__title", "p")), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(texts(db().objects<Comment>().filter("post__isnull", true)), (std::vector<std::string>{"c"}));
  EXPECT_EQ(texts(db().objects<Comment>().order_by("post__title", "text").filter("post", post)),
            (std::vector<std::string>{"a", "b"}));
}

TEST_P(GenericRelationTest, TheGenericReferenceIsNoFieldOfAQuery) {
  const std::string what = covet::test::error_message<covet::FieldError>(
      [&] { db().objects<Comment>().filter("content_object__title", "x").count(); });
  EXPECT_NE(what.find("for_object"), std::string::npos) << what;
  EXPECT_NE(what.find("object_id"), std::string::npos) << what;
}

COVET_INSTANTIATE_BACKENDS(GenericRelationTest);

}  // namespace

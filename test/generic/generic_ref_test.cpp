// covet::GenericRef: an object assigned to it reaches its two column members
// at every write (create, save, bulk_create, a const update); reading it
// loads its object in one query, typed (get<T>, get_if<T>, visit); a target
// of another model is a ContentTypeMismatch, an erased one DoesNotExist (or
// nullptr); std::nullopt stores NULL; the members set by hand take effect
// at the next write or load; and the filters on the members, for_object
// among them, find the rows pointing at one object.
#include "models/generic.hpp"
#include "generic/generic_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

using covet::ContentType;
using covet::ContentTypeId;
using gen::Comment;
using gen::Link;
using gen::Photo;
using gen::Post;
using gen::Tag;

class GenericRefTest : public covet::test::GenericTest {
 protected:

  std::int64_t type_id(const covet::ModelInfo& model) { return ContentType::for_model(db(), model).id(); }
};

TEST_P(GenericRefTest, CreateWithContentObjectFillsBothMembers) {
  Post post = db().create(Post{.title = "Generic"});
  Comment c = db().create(Comment{.text = "Great post!", .content_object = post});
  EXPECT_EQ(c.content_type, ContentTypeId(ContentType::for_model<Post>(db())));
  EXPECT_EQ(c.object_id, post.id.value());
  Comment stored = db().objects<Comment>().get("pk", c.id);
  EXPECT_EQ(stored.content_type.value(), type_id(covet::model_info<Post>()));
  EXPECT_EQ(stored.object_id, post.id.value());
}

TEST_P(GenericRefTest, CreatedReferenceAnswersWithTheAssignedObjectWithoutAQuery) {
  Post post = db().create(Post{.title = "Kept"});
  Comment c = db().create(Comment{.text = "x", .content_object = post});
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    EXPECT_TRUE(c.content_object.is<Post>());
    EXPECT_EQ(c.content_object.get<Post>().title, "Kept");
  });
}

TEST_P(GenericRefTest, ReadingLoadsTheObjectInOneQueryThenCaches) {
  Photo photo = db().create(Photo{.caption = "Sunset"});
  db().create(Comment{.text = "Beautiful", .content_object = photo});
  covet::Database second = other();
  Comment c = second.objects<Comment>().get("text", "Beautiful");
  // The handle's content types (one statement), then the photo.
  COVET_EXPECT_NUM_QUERIES(second, 2, [&] { EXPECT_EQ(c.content_object.get<Photo>().caption, "Sunset"); });
  COVET_EXPECT_NUM_QUERIES(second, 0, [&] { EXPECT_EQ(c.content_object.get<Photo>().caption, "Sunset"); });
}

TEST_P(GenericRefTest, WarmContentTypeCacheLoadsInOneQuery) {
  Post post = db().create(Post{.title = "One"});
  db().create(Comment{.text = "y", .content_object = post});
  Comment c = db().objects<Comment>().get("text", "y");
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] { EXPECT_EQ(c.content_object.get<Post>().title, "One"); });
}

TEST_P(GenericRefTest, GetOfAnotherTargetIsAContentTypeMismatchNamingBoth) {
  Photo photo = db().create(Photo{.caption = "Sea"});
  db().create(Comment{.text = "z", .content_object = photo});
  Comment c = db().objects<Comment>().get("text", "z");
  const std::string what = covet::test::error_message<covet::ContentTypeMismatch>([&] { c.content_object.get<Post>(); });
  EXPECT_NE(what.find("Photo"), std::string::npos) << what;
  EXPECT_NE(what.find("Post"), std::string::npos) << what;
}

TEST_P(GenericRefTest, GetIfOfAnotherTargetIsNull) {
  Photo photo = db().create(Photo{.caption = "Sea"});
  db().create(Comment{.text = "z", .content_object = photo});
  Comment c = db().objects<Comment>().get("text", "z");
  EXPECT_EQ(c.content_object.get_if<Post>(), nullptr);
  ASSERT_NE(c.content_object.get_if<Photo>(), nullptr);
  EXPECT_EQ(c.content_object.get_if<Photo>()->caption, "Sea");
}

TEST_P(GenericRefTest, VisitCallsTheFunctionWithTheTargetsType) {
  Post post = db().create(Post{.title = "Visited"});
  Photo photo = db().create(Photo{.caption = "Seen"});
  db().create(Comment{.text = "a", .content_object = post});
  db().create(Comment{.text = "b", .content_object = photo});
  struct Describe {
    std::string operator()(const Post& p) const { return "post " + p.title; }
    std::string operator()(const Photo& p) const { return "photo " + p.caption; }
    std::string operator()(const Link& l) const { return "link " + l.url; }
  };
  std::vector<std::string> seen;
  for (const Comment& c : db().objects<Comment>().order_by("text")) seen.push_back(c.content_object.visit(Describe{}));
  EXPECT_EQ(seen, (std::vector<std::string>{"post Visited", "photo Seen"}));
}

TEST_P(GenericRefTest, IsNamesTheModelOfTheContentType) {
  Link link = db().create(Link{.url = "https://example.org"});
  db().create(Comment{.text = "l", .content_object = link});
  covet::Database second = other();
  Comment c = second.objects<Comment>().get("text", "l");
  EXPECT_TRUE(c.content_object.is<Link>());
  EXPECT_FALSE(c.content_object.is<Post>());
  ASSERT_NE(c.content_object.model(), nullptr);
  EXPECT_EQ(c.content_object.model()->name, "Link");
  EXPECT_EQ(c.content_object.content_type().name(), "gen.link");
}

TEST_P(GenericRefTest, ErasedTargetWithoutGenericRelationLeavesTheRowDangling) {
  Link link = db().create(Link{.url = "gone"});
  db().create(Comment{.text = "dangling", .content_object = link});
  db().erase(link);
  Comment c = db().objects<Comment>().get("text", "dangling");  // nothing cascaded to it
  EXPECT_TRUE(c.content_object.has_value());
  const std::string what = covet::test::error_message<covet::DoesNotExist>([&] { c.content_object.get<Link>(); });
  EXPECT_NE(what.find("Link"), std::string::npos) << what;
  EXPECT_NE(what.find("content_object"), std::string::npos) << what;
}

TEST_P(GenericRefTest, ErasedTargetGetIfIsNullAndAsksOnce) {
  Link link = db().create(Link{.url = "gone"});
  db().create(Comment{.text = "dangling", .content_object = link});
  db().erase(link);
  Comment c = db().objects<Comment>().get("text", "dangling");
  COVET_EXPECT_NUM_QUERIES(db(), 1, [&] {
    EXPECT_EQ(c.content_object.get_if<Link>(), nullptr);
    EXPECT_EQ(c.content_object.get_if<Link>(), nullptr);
  });
}

TEST_P(GenericRefTest, NullReferenceHasNoValueAndGetIsAUsageError) {
  Tag tag = db().create(Tag{.label = "loose"});
  EXPECT_FALSE(tag.target.has_value());
  EXPECT_FALSE(tag.target_type.has_value());
  EXPECT_EQ(tag.target.get_if<Post>(), nullptr);
  const std::string what = covet::test::error_message<covet::UsageError>([&] { tag.target.get<Post>(); });
  EXPECT_NE(what.find("null"), std::string::npos) << what;
}

TEST_P(GenericRefTest, OpenReferencePointsAtAnyModel) {
  Link link = db().create(Link{.url = "anywhere"});
  Tag tag = db().create(Tag{.label = "t", .target = link});
  EXPECT_EQ(tag.target_id, link.id.value());
  covet::Database second = other();
  Tag stored = second.objects<Tag>().get("label", "t");
  EXPECT_EQ(stored.target.get<Link>().url, "anywhere");
}

TEST_P(GenericRefTest, AssigningNulloptStoresNullInBothMembers) {
  Post post = db().create(Post{.title = "p"});
  Tag tag = db().create(Tag{.label = "t", .target = post});
  tag.target = std::nullopt;
  db().save(tag);
  EXPECT_FALSE(tag.target_type.has_value());
  EXPECT_FALSE(tag.target_id.has_value());
  Tag stored = db().objects<Tag>().get("pk", tag.id);
  EXPECT_FALSE(stored.target_id.has_value());
  EXPECT_FALSE(stored.target.has_value());
}

TEST_P(GenericRefTest, NulloptIntoNonOptionalMembersIsAUsageErrorAndWritesNothing) {
  Post post = db().create(Post{.title = "p"});
  Comment c = db().create(Comment{.text = "kept", .content_object = post});
  c.content_object = std::nullopt;
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    const std::string what = covet::test::error_message<covet::UsageError>([&] { db().save(c); });
    EXPECT_NE(what.find("content_type"), std::string::npos) << what;
  });
  EXPECT_EQ(db().objects<Comment>().get("pk", c.id).object_id, post.id.value());
}

TEST_P(GenericRefTest, UnsavedObjectCannotBeAssigned) {
  const std::string what = covet::test::error_message<covet::UsageError>([&] {
    Comment c{.text = "early", .content_object = Post{.title = "unsaved"}};
    (void)c;
  });
  EXPECT_NE(what.find("unsaved"), std::string::npos) << what;
}

TEST_P(GenericRefTest, SaveWithAnotherObjectRewritesBothMembers) {
  Post post = db().create(Post{.title = "first"});
  Photo photo = db().create(Photo{.caption = "second"});
  Comment c = db().create(Comment{.text = "moving", .content_object = post});
  c.content_object = photo;
  db().save(c);
  covet::Database second = other();
  Comment stored = second.objects<Comment>().get("pk", c.id);
  EXPECT_TRUE(stored.content_object.is<Photo>());
  EXPECT_EQ(stored.object_id, photo.id.value());
}

TEST_P(GenericRefTest, MembersSetByHandTakeEffectAtTheNextWrite) {
  Post first = db().create(Post{.title = "first"});
  Post second = db().create(Post{.title = "second"});
  Comment c = db().create(Comment{.text = "by hand", .content_object = first});
  c.object_id = second.id.value();
  db().save(c);
  EXPECT_EQ(c.content_object.get<Post>().title, "second");
}

TEST_P(GenericRefTest, AProxysObjectIsStoredUnderItsConcreteModel) {
  Post post = db().create(Post{.title = "featured"});
  gen::Featured featured = db().objects<gen::Featured>().get("pk", post.id);
  Comment c = db().create(Comment{.text = "f", .content_object = static_cast<const Post&>(featured)});
  EXPECT_EQ(c.content_type.value(), type_id(covet::model_info<Post>()));
  Tag tag = db().create(Tag{.label = "proxy", .target = featured});
  EXPECT_EQ(tag.target_type->value(), type_id(covet::model_info<Post>()));
  EXPECT_TRUE(tag.target.is<Post>());
}

TEST_P(GenericRefTest, BulkCreateFillsTheMembersOfEveryObject) {
  Post post = db().create(Post{.title = "bulk"});
  Photo photo = db().create(Photo{.caption = "bulk"});
  std::vector<Comment> made =
      db().bulk_create(std::vector<Comment>{{.text = "1", .content_object = post}, {.text = "2", .content_object = photo}});
  EXPECT_EQ(made[0].object_id, post.id.value());
  EXPECT_EQ(made[1].content_type.value(), type_id(covet::model_info<Photo>()));
  EXPECT_EQ(db().objects<Comment>().filter("content_type", ContentType::for_model<Photo>(db())).count(), 1);
}

TEST_P(GenericRefTest, BulkUpdateWritesTheMembersAnAssignedObjectGives) {
  Post post = db().create(Post{.title = "from"});
  Photo photo = db().create(Photo{.caption = "to"});
  std::vector<Comment> comments = db().bulk_create(std::vector<Comment>{{.text = "1", .content_object = post}});
  comments[0].content_object = photo;
  db().bulk_update(comments, {"content_type", "object_id"});
  covet::Database second = other();
  Comment stored = second.objects<Comment>().get("pk", comments[0].id);
  EXPECT_TRUE(stored.content_object.is<Photo>());
}

TEST_P(GenericRefTest, BulkUpdateOfTheReferenceItselfNamesItsMembers) {
  Post post = db().create(Post{.title = "p"});
  std::vector<Comment> comments = db().bulk_create(std::vector<Comment>{{.text = "1", .content_object = post}});
  const std::string what =
      covet::test::error_message<covet::Error>([&] { db().bulk_update(comments, {"content_object"}); });
  EXPECT_NE(what.find("object_id"), std::string::npos) << what;
}

TEST_P(GenericRefTest, AnIntegerObjectIdCannotHoldAUuidKey) {
  gen::Token token = db().create(gen::Token{.label = "uuid"});
  Tag tag{.label = "t", .target = token};
  COVET_EXPECT_NUM_QUERIES(db(), 0, [&] {
    const std::string what = covet::test::error_message<covet::UsageError>([&] { db().create(tag); });
    EXPECT_NE(what.find("target_id"), std::string::npos) << what;
    EXPECT_NE(what.find("Token"), std::string::npos) << what;
  });
  EXPECT_EQ(db().objects<Tag>().count(), 0);
}

TEST_P(GenericRefTest, StrictLoadingRefusesAnUnloadedContentObject) {
  Post post = db().create(Post{.title = "strict"});
  db().create(Comment{.text = "s", .content_object = post});
  Comment c = db().objects<Comment>().get("text", "s");
  covet::LoadingScope strict(db(), covet::Loading::Strict);
  const std::string what = covet::test::error_message<covet::UsageError>([&] { c.content_object.get<Post>(); });
  EXPECT_NE(what.find("strict loading"), std::string::npos) << what;
  EXPECT_NE(what.find("prefetch_related(\"content_object\")"), std::string::npos) << what;
}

TEST_P(GenericRefTest, FilterOnTheTwoMembersFindsTheRowsOfOneObject) {
  Post post = db().create(Post{.title = "p"});
  Photo photo = db().create(Photo{.caption = "same id as the post"});
  ASSERT_EQ(post.id.value(), photo.id.value());
  db().create(Comment{.text = "on post", .content_object = post});
  db().create(Comment{.text = "on photo", .content_object = photo});
  auto on_post = db().objects<Comment>()
                     .filter("content_type", ContentType::for_model<Post>(db()))
                     .filter("object_id", post.id.value())
                     .fetch();
  ASSERT_EQ(on_post.size(), 1u);
  EXPECT_EQ(on_post[0].text, "on post");
}

TEST_P(GenericRefTest, ForObjectFiltersOnContentTypeAndKey) {
  Post post = db().create(Post{.title = "p"});
  Photo photo = db().create(Photo{.caption = "same id"});
  db().create(Comment{.text = "on post", .content_object = post});
  db().create(Comment{.text = "on photo", .content_object = photo});
  auto found = db().objects<Comment>().for_object(photo).fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "on photo");
  EXPECT_EQ(db().objects<Tag>().for_object("target", photo).count(), 0);
}

TEST_P(GenericRefTest, ForObjectOfAnUnsavedObjectIsAUsageError) {
  const std::string what =
      covet::test::error_message<covet::UsageError>([&] { db().objects<Comment>().for_object(Post{.title = "new"}); });
  EXPECT_NE(what.find("unsaved"), std::string::npos) << what;
}

TEST_P(GenericRefTest, ForObjectOnAModelWithoutGenericRefIsAUsageError) {
  Post post = db().create(Post{.title = "p"});
  const std::string what = covet::test::error_message<covet::UsageError>([&] { db().objects<Link>().for_object(post); });
  EXPECT_NE(what.find("GenericRef"), std::string::npos) << what;
}

COVET_INSTANTIATE_BACKENDS(GenericRefTest);

}  // namespace

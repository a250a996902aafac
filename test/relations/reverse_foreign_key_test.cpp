// The reverse side of a foreign key as a complete manager: create always;
// add / remove / clear / set for a nullable key (Post.topic) only -- absent
// at compile time where the manager's type knows the key (db.related with a
// member pointer), a UsageError where it learns it at run time (a declared
// ReverseSet, db.related<T>(owner, "name")).
#include "relations/blog_fixture.hpp"
#include "support/error_message.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace blog;

namespace {

// What the typed managers let one write (objects non-const: add and remove
// update them).
template <class M, class T>
concept CanAdd = requires(const M& m, T& t) { m.add(t); };
template <class M, class T>
concept CanRemove = requires(const M& m, T& t) { m.remove(t); };
template <class M>
concept CanClear = requires(const M& m) { m.clear(); };
template <class M, class T>
concept CanSet = requires(const M& m, std::vector<T>& v) { m.set(v); };
template <class M, class T>
concept CanCreate = requires(const M& m, T t) { m.create(t); };

using NonNullPosts = covet::RelatedManager<Post, covet::KeyNullability::NonNull>;
using NullablePosts = covet::RelatedManager<Post, covet::KeyNullability::Nullable>;

static_assert(std::is_same_v<decltype(std::declval<covet::Database&>().related(std::declval<const User&>(),
                                                                              &Post::author)),
                             NonNullPosts>);
static_assert(std::is_same_v<decltype(std::declval<covet::Database&>().related(std::declval<const Topic&>(),
                                                                              &Post::topic)),
                             NullablePosts>);
static_assert(!CanAdd<NonNullPosts, Post> && !CanRemove<NonNullPosts, Post> && !CanClear<NonNullPosts> &&
                  !CanSet<NonNullPosts, Post>,
              "a non-null key cannot be let go of: no add/remove/clear/set");
static_assert(CanCreate<NonNullPosts, Post>, "create() works for every key");
static_assert(CanAdd<NullablePosts, Post> && CanRemove<NullablePosts, Post> && CanClear<NullablePosts> &&
              CanSet<NullablePosts, Post>);
static_assert(CanAdd<NullablePosts, covet::Id> && CanAdd<NullablePosts, std::vector<Post>>);
static_assert(!covet::RelatedArgumentOf<Post, Tag>, "items must be the related model, or its keys");

class ReverseForeignKeyTest : public covet::test::BlogTest {
 protected:
  Post post_in(const std::string& title, const std::optional<Topic>& t) {
    Post p{.title = title, .author = user("author of " + title)};
    if (t) p.topic = *t;
    return database->create(p);
  }
};

TEST_P(ReverseForeignKeyTest, AddPointsTheKeysAtTheOwner) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt), b = post_in("B", std::nullopt);
  cpp.posts.add(a, b.id);
  EXPECT_EQ(names(cpp.posts.all()), (Names{"A", "B"}));
}

TEST_P(ReverseForeignKeyTest, AddMovesAnObjectFromAnotherOwner) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  Post a = post_in("A", cpp);
  rust.posts.add(a);
  EXPECT_EQ(cpp.posts.count(), 0);
  EXPECT_EQ(names(rust.posts.all()), (Names{"A"}));
}

TEST_P(ReverseForeignKeyTest, AddOfManyIsOneStatement) {
  Topic cpp = topic("cpp");
  std::vector<Post> posts;
  for (int i = 0; i < 20; ++i) posts.push_back(post_in("P" + std::to_string(i), std::nullopt));
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { cpp.posts.add(posts); });
  EXPECT_EQ(cpp.posts.count(), 20);
}

TEST_P(ReverseForeignKeyTest, RemoveSetsTheKeyToNull) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", cpp), b = post_in("B", cpp);
  cpp.posts.remove(a);
  EXPECT_EQ(names(cpp.posts.all()), (Names{"B"}));
  EXPECT_EQ(database->objects<Post>().filter("topic", nullptr).count(), 1);
  EXPECT_EQ(database->objects<Post>().count(), 2) << "remove never deletes rows";
}

TEST_P(ReverseForeignKeyTest, RemoveOfAnUnrelatedObjectThrowsDoesNotExist) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  Post a = post_in("A", rust);
  EXPECT_THROW(cpp.posts.remove(a), covet::DoesNotExist);
  EXPECT_EQ(names(rust.posts.all()), (Names{"A"}));
}

TEST_P(ReverseForeignKeyTest, RemoveByKeyLeavesOtherOwnersRowsAlone) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  Post a = post_in("A", rust);
  cpp.posts.remove(a.id);
  EXPECT_EQ(names(rust.posts.all()), (Names{"A"}));
}

TEST_P(ReverseForeignKeyTest, ClearNullsEveryKeyOfTheOwner) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  post_in("A", cpp);
  post_in("B", cpp);
  post_in("C", rust);
  cpp.posts.clear();
  EXPECT_EQ(cpp.posts.count(), 0);
  EXPECT_EQ(rust.posts.count(), 1);
}

TEST_P(ReverseForeignKeyTest, SetWritesOnlyTheDifference) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", cpp), b = post_in("B", cpp), c = post_in("C", std::nullopt);
  covet::QueryCounter counter(*database);
  cpp.posts.set({b, c});
  EXPECT_EQ(counter.count(), 5u) << "BEGIN, SELECT, UPDATE (a -> NULL), UPDATE (c -> cpp), COMMIT";
  EXPECT_EQ(names(cpp.posts.all()), (Names{"B", "C"}));
}

TEST_P(ReverseForeignKeyTest, TypedNullableManagerFromTheDatabase) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  auto posts = database->related(cpp, &Post::topic);
  posts.add(a);
  EXPECT_TRUE(posts.contains(a));
  posts.set(std::vector<Post>{});
  EXPECT_FALSE(posts.exists());
}

TEST_P(ReverseForeignKeyTest, CreateWorksForANonNullKey) {
  User ann = user("ann");
  Post created = database->related(ann, &Post::author).create(Post{.title = "Mine"});
  EXPECT_EQ(created.author.id(), ann.id.value());
  EXPECT_EQ(names(database->related(ann, &Post::author).all()), (Names{"Mine"}));
}

TEST_P(ReverseForeignKeyTest, WritesOnANonNullKeyFoundAtRunTimeAreAUsageError) {
  Post p = post("Tips");
  Comment c = database->create(Comment{.post = p, .author = user("ann"), .text = "hi"});
  for (auto write : std::vector<std::function<void()>>{[&] { p.comments.remove(c); }, [&] { p.comments.clear(); },
                                                       [&] { p.comments.add(c); },
                                                       [&] { p.comments.set({c}); }}) {
    try {
      write();
      FAIL() << "Comment.post is not nullable";
    } catch (const covet::UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("Comment.post"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("nullable"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(p.comments.count(), 1);
}

TEST_P(ReverseForeignKeyTest, DeclaredReverseCreates) {
  Post p = post("Tips");
  Comment c = p.comments.create(Comment{.author = user("ann"), .text = "first"});
  EXPECT_EQ(c.post.id(), p.id.value());
  EXPECT_EQ(p.comments.count(), 1);
}

TEST_P(ReverseForeignKeyTest, CheckedManagerConvertsFromATypedOne) {
  Topic cpp = topic("cpp");
  covet::RelatedManager<Post> posts = database->related(cpp, &Post::topic);
  posts.add(post_in("A", std::nullopt));
  EXPECT_EQ(posts.count(), 1);
}

// ---- the objects passed are updated in memory, as Django's add/remove do ----

TEST_P(ReverseForeignKeyTest, AddSetsTheKeyOfTheObjectPassed) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  cpp.posts.add(a);
  ASSERT_TRUE(a.topic.has_value()) << "add() points the object's key at the owner";
  EXPECT_EQ(a.topic->id(), cpp.id.value());
  EXPECT_EQ(a.topic->get().name, "cpp") << "and binds it: the Ref loads the owner";
}

TEST_P(ReverseForeignKeyTest, AddThenRemoveOfTheSameObjectUnrelatesIt) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  cpp.posts.add(a);
  cpp.posts.remove(a);  // threw DoesNotExist when add() left `a` unchanged
  EXPECT_FALSE(a.topic.has_value()) << "remove() sets the nullable key to NULL in memory too";
  EXPECT_EQ(database->objects<Post>().filter("topic", nullptr).count(), 1);
}

TEST_P(ReverseForeignKeyTest, AddMovingAnObjectUpdatesItsKey) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  Post a = post_in("A", cpp);
  rust.posts.add(a);
  EXPECT_EQ(a.topic->id(), rust.id.value());
  EXPECT_EQ(a.topic->get().name, "rust") << "the Ref no longer holds the old owner";
  EXPECT_THROW(cpp.posts.remove(a), covet::DoesNotExist);
}

TEST_P(ReverseForeignKeyTest, AddOfAContainerSetsEveryObject) {
  Topic cpp = topic("cpp");
  std::vector<Post> posts{post_in("A", std::nullopt), post_in("B", std::nullopt)};
  cpp.posts.add(posts);
  for (const Post& p : posts) EXPECT_EQ(p.topic->id(), cpp.id.value()) << p.title;
}

TEST_P(ReverseForeignKeyTest, AddByKeyLeavesObjectsAlone) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  cpp.posts.add(a.id);
  EXPECT_FALSE(a.topic.has_value()) << "a key is not the object: only the row changes";
  EXPECT_EQ(cpp.posts.count(), 1);
}

TEST_P(ReverseForeignKeyTest, AddOfAnUnsavedObjectWritesNothingAndLeavesItAlone) {
  Topic cpp = topic("cpp");
  Post saved = post_in("A", std::nullopt);
  Post unsaved{.title = "draft"};
  EXPECT_THROW(cpp.posts.add(saved, unsaved), covet::UsageError);
  EXPECT_FALSE(saved.topic.has_value());
  EXPECT_FALSE(unsaved.topic.has_value());
  EXPECT_EQ(cpp.posts.count(), 0);
}

TEST_P(ReverseForeignKeyTest, RemoveResetsTheKeyOfTheObjectsPassed) {
  Topic cpp = topic("cpp");
  std::vector<Post> posts{post_in("A", cpp), post_in("B", cpp)};
  cpp.posts.remove(posts);
  for (const Post& p : posts) EXPECT_FALSE(p.topic.has_value()) << p.title;
  EXPECT_EQ(cpp.posts.count(), 0);
}

TEST_P(ReverseForeignKeyTest, RemoveOfAnUnrelatedObjectNamesTheOwnersModel) {
  Topic cpp = topic("cpp"), rust = topic("rust");
  Post a = post_in("A", rust), b = post_in("B", cpp);
  try {
    cpp.posts.remove(b, a);
    FAIL() << "A is rust's";
  } catch (const covet::DoesNotExist& e) {
    EXPECT_EQ(e.model(), "Topic") << "Django raises Topic.DoesNotExist: " << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find("not related to the Topic"), std::string::npos) << what;
  }
  EXPECT_EQ(names(cpp.posts.all()), (Names{"B"})) << "nothing was written";
  EXPECT_TRUE(b.topic.has_value()) << "nor modified";
}

TEST_P(ReverseForeignKeyTest, SetSetsTheKeyOfTheObjectsPassed) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", cpp), b = post_in("B", std::nullopt), c = post_in("C", std::nullopt);
  cpp.posts.set({b, c});
  EXPECT_EQ(b.topic->id(), cpp.id.value());
  EXPECT_EQ(c.topic->id(), cpp.id.value());
  std::vector<Post> only_a{a};
  cpp.posts.set(only_a);
  EXPECT_EQ(only_a[0].topic->id(), cpp.id.value());
  EXPECT_EQ(names(cpp.posts.all()), (Names{"A"}));
}

TEST_P(ReverseForeignKeyTest, TypedManagerSetsTheKeyToo) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  auto posts = database->related(cpp, &Post::topic);
  posts.add(a);
  EXPECT_EQ(a.topic->id(), cpp.id.value());
  posts.remove(a);
  EXPECT_FALSE(a.topic.has_value());
}

TEST_P(ReverseForeignKeyTest, ThroughDefaultsOnTheReverseOfAForeignKeyAreAUsageError) {
  Topic cpp = topic("cpp");
  Post a = post_in("A", std::nullopt);
  const std::string what = covet::test::error_message<covet::UsageError>(
      [&] { cpp.posts.add(a, covet::through_defaults(Membership{})); });
  EXPECT_NE(what.find("Post.topic"), std::string::npos) << what;
  EXPECT_FALSE(a.topic.has_value());
}

COVET_INSTANTIATE_BACKENDS(ReverseForeignKeyTest);

}  // namespace

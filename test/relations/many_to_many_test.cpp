// A plain many-to-many (Post.tags, automatic join table) through both of its
// managers: the forward RefSet (post.tags) and the reverse side, declared
// (tag.posts, a ReverseSet) or reached through db.related.
#include "relations/blog_fixture.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace blog;

namespace {

class ManyToManyTest : public covet::test::BlogTest {};

TEST_P(ManyToManyTest, AddRelatesObjects) {
  Post p = post("Tips");
  Tag python = tag("python"), cpp = tag("cpp");
  p.tags.add(python, cpp);
  EXPECT_EQ(names(p.tags.all()), (Names{"cpp", "python"}));
}

TEST_P(ManyToManyTest, AddAcceptsKeysRefsAndContainers) {
  Post p = post("Tips");
  Tag a = tag("a"), b = tag("b"), c = tag("c"), d = tag("d");
  std::vector<Tag> more{c, d};
  p.tags.add(a.id, covet::Ref<Tag>(b), more);
  EXPECT_EQ(p.tags.count(), 4);
}

TEST_P(ManyToManyTest, AddTwiceWritesNoDuplicatePair) {
  Post p = post("Tips");
  Tag python = tag("python");
  p.tags.add(python);
  p.tags.add(python, python);
  EXPECT_EQ(p.tags.count(), 1);
  EXPECT_EQ(rows("blog_post_tags"), 1);
}

TEST_P(ManyToManyTest, AddOfAnUnsavedObjectIsAUsageError) {
  Post p = post("Tips");
  EXPECT_THROW(p.tags.add(Tag{.name = "unsaved"}), covet::UsageError);
}

TEST_P(ManyToManyTest, AddOfAMissingKeyIsAForeignKeyViolation) {
  Post p = post("Tips");
  EXPECT_THROW(p.tags.add(covet::Id(987654)), covet::IntegrityError);
}

TEST_P(ManyToManyTest, RemoveUnrelatesOnlyTheGivenObjects) {
  Post p = post("Tips");
  Tag python = tag("python"), cpp = tag("cpp");
  p.tags.add(python, cpp);
  p.tags.remove(python);
  EXPECT_EQ(names(p.tags.all()), (Names{"cpp"}));
  EXPECT_EQ(database->objects<Tag>().count(), 2) << "remove deletes pairs, not tags";
}

TEST_P(ManyToManyTest, RemoveOfAnUnrelatedObjectDoesNothing) {
  Post p = post("Tips");
  Tag python = tag("python"), cpp = tag("cpp");
  p.tags.add(python);
  p.tags.remove(cpp);
  EXPECT_EQ(names(p.tags.all()), (Names{"python"}));
}

TEST_P(ManyToManyTest, ClearUnrelatesEverythingOfTheOwnerOnly) {
  Post p = post("Tips"), q = post("Other");
  Tag python = tag("python");
  p.tags.add(python);
  q.tags.add(python);
  p.tags.clear();
  EXPECT_EQ(p.tags.count(), 0);
  EXPECT_EQ(q.tags.count(), 1);
}

TEST_P(ManyToManyTest, SetReplacesTheRelatedObjects) {
  Post p = post("Tips");
  Tag a = tag("a"), b = tag("b"), c = tag("c");
  p.tags.add(a, b);
  p.tags.set({b, c});
  EXPECT_EQ(names(p.tags.all()), (Names{"b", "c"}));
}

TEST_P(ManyToManyTest, SetKeepsThePairsThatStay) {
  Post p = post("Tips");
  Tag a = tag("a"), b = tag("b");
  p.tags.add(a, b);
  auto before = database->query("SELECT id FROM blog_post_tags WHERE tag_id = " + std::to_string(a.id.value()));
  p.tags.set(std::vector<Tag>{a});
  auto after = database->query("SELECT id FROM blog_post_tags WHERE tag_id = " + std::to_string(a.id.value()));
  EXPECT_EQ(before, after) << "set() must not delete and re-insert a pair it keeps";
}

TEST_P(ManyToManyTest, SetToEmptyClears) {
  Post p = post("Tips");
  p.tags.add(tag("a"));
  p.tags.set(std::vector<covet::Id>{});
  EXPECT_EQ(p.tags.count(), 0);
}

TEST_P(ManyToManyTest, SetWritesOnlyTheDifferenceInOneTransaction) {
  Post p = post("Tips");
  Tag a = tag("a"), b = tag("b"), c = tag("c");
  p.tags.add(a, b);
  covet::QueryCounter counter(*database);
  p.tags.set({b, c});
  // BEGIN, [PostgreSQL: lock the post's row,] SELECT the current pairs,
  // DELETE a, INSERT c, COMMIT.
  ASSERT_EQ(counter.count(), is_sqlite() ? 5u : 6u);
  auto statements = counter.entries();
  EXPECT_EQ(statements.front().sql, GetParam() == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!is_sqlite()) {
    EXPECT_NE(statements[1].sql.find("FOR UPDATE"), std::string::npos) << statements[1].sql;
  }
  EXPECT_EQ(statements.back().sql, "COMMIT");
}

TEST_P(ManyToManyTest, SetThatChangesNothingWritesNothing) {
  Post p = post("Tips");
  Tag a = tag("a");
  p.tags.add(a);
  covet::QueryCounter counter(*database);
  p.tags.set({a});
  EXPECT_EQ(counter.count(), is_sqlite() ? 3u : 4u) << "BEGIN, [PostgreSQL: lock the owner,] SELECT, COMMIT";
}

TEST_P(ManyToManyTest, CreateInsertsAndRelates) {
  Post p = post("Tips");
  Tag created = p.tags.create(Tag{.name = "new"});
  EXPECT_TRUE(created.id.has_value());
  EXPECT_TRUE(p.tags.contains(created));
  EXPECT_EQ(names(created.posts.all()), (Names{"Tips"})) << "the created object comes back bound";
}

TEST_P(ManyToManyTest, CreateThatFailsLeavesNoPair) {
  Post p = post("Tips");
  tag("taken");
  EXPECT_THROW(p.tags.create(Tag{.name = "taken"}), covet::UniqueViolation);
  EXPECT_EQ(rows("blog_post_tags"), 0);
}

TEST_P(ManyToManyTest, FilterExcludeAndGetRefineTheRelatedObjects) {
  Post p = post("Tips");
  p.tags.add(tag("python"), tag("pytest"), tag("cpp"));
  tag("pyramid");  // not related
  EXPECT_EQ(names(p.tags.filter("name__startswith", "py")), (Names{"pytest", "python"}));
  EXPECT_EQ(names(p.tags.exclude("name", "cpp")), (Names{"pytest", "python"}));
  EXPECT_EQ(p.tags.get("name", "cpp").name, "cpp");
  EXPECT_THROW(p.tags.get("name", "pyramid"), covet::DoesNotExist);
}

TEST_P(ManyToManyTest, CountExistsAndContains) {
  Post p = post("Tips");
  Tag python = tag("python"), cpp = tag("cpp");
  EXPECT_FALSE(p.tags.exists());
  p.tags.add(python);
  EXPECT_TRUE(p.tags.exists());
  EXPECT_EQ(p.tags.count(), 1);
  EXPECT_TRUE(p.tags.contains(python));
  EXPECT_FALSE(p.tags.contains(cpp));
}

TEST_P(ManyToManyTest, LoadedObjectsHaveBoundManagers) {
  Post p = post("Tips");
  p.tags.add(tag("python"));
  Post loaded = database->objects<Post>().get("id", p.id);
  EXPECT_EQ(names(loaded.tags.all()), (Names{"python"}));
}

TEST_P(ManyToManyTest, DeclaredReverseMemberListsTheOwners) {
  Tag python = tag("python");
  Post a = post("A"), b = post("B");
  post("C");
  a.tags.add(python);
  b.tags.add(python);
  Tag loaded = database->objects<Tag>().get("id", python.id);
  EXPECT_EQ(names(loaded.posts.all()), (Names{"A", "B"}));
  EXPECT_EQ(loaded.posts.count(), 2);
  EXPECT_TRUE(loaded.posts.contains(a));
}

TEST_P(ManyToManyTest, DeclaredReverseMemberWrites) {
  Tag python = tag("python");
  Post a = post("A"), b = post("B"), c = post("C");
  python.posts.add(a, b);
  EXPECT_EQ(names(a.tags.all()), (Names{"python"}));
  python.posts.remove(a);
  EXPECT_EQ(a.tags.count(), 0);
  python.posts.set({c});
  EXPECT_EQ(names(python.posts.all()), (Names{"C"}));
  python.posts.clear();
  EXPECT_EQ(rows("blog_post_tags"), 0);
}

TEST_P(ManyToManyTest, DeclaredReverseMemberCreates) {
  Tag python = tag("python");
  User ann = user("ann");
  Post created = python.posts.create(Post{.title = "New", .author = ann});
  EXPECT_EQ(names(created.tags.all()), (Names{"python"}));
}

TEST_P(ManyToManyTest, ReverseWithoutADeclaredMemberThroughTheDatabase) {
  Tag python = tag("python");
  Post a = post("A");
  auto posts = database->related(python, &Post::tags);
  posts.add(a);
  EXPECT_EQ(names(posts.all()), (Names{"A"}));
  EXPECT_EQ(names(database->related<Post>(python, "posts").all()), (Names{"A"}));
  posts.clear();
  EXPECT_FALSE(posts.exists());
}

TEST_P(ManyToManyTest, HiddenReverseStillWorksForTheForwardManager) {
  Post a = post("A"), b = post("B"), c = post("C");
  a.related.add(b, c);
  EXPECT_EQ(names(a.related.all()), (Names{"B", "C"}));
  EXPECT_EQ(b.related.count(), 0) << "symmetrical(false): b does not list a";
}

TEST_P(ManyToManyTest, UnboundManagerIsAUsageError) {
  Post detached{.title = "x"};
  try {
    detached.tags.count();
    FAIL() << "an unbound RefSet must not guess a database";
  } catch (const covet::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("not bound"), std::string::npos) << e.what();
  }
}

TEST_P(ManyToManyTest, ManagerOfAClosedDatabaseIsAUsageError) {
  Post p = post("Tips");
  database->close();
  EXPECT_THROW(p.tags.count(), covet::UsageError);
  EXPECT_THROW(p.tags.add(covet::Id(1)), covet::UsageError);
}

TEST_P(ManyToManyTest, ErasingAnObjectRemovesItsPairs) {
  Post p = post("Tips");
  Tag python = tag("python");
  p.tags.add(python);
  database->erase(python);
  EXPECT_EQ(rows("blog_post_tags"), 0);
  EXPECT_EQ(p.tags.count(), 0);
}

COVET_INSTANTIATE_BACKENDS(ManyToManyTest);

}  // namespace

// prefetch_related after select_related: the objects select_related put in
// forward Refs are the level prefetch_related goes on from, not queried again
// (Django's prefetch_related_objects skips a fetched level), so
// select_related("a").prefetch_related("a__b") is two statements: the joined
// SELECT and the b query.
#include "query/library_fixture.hpp"
#include "relations/blog_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace {

using Titles = std::vector<std::string>;

class SelectRelatedReuseTest : public query_test::LibraryTest {
 protected:
  // Book title -> its related author's book titles, read without queries.
  template <class Pick>
  static std::map<std::string, Titles> books_of(const std::vector<library::Book>& loaded, Pick pick) {
    std::map<std::string, Titles> out;
    for (const library::Book& b : loaded)
      if (const library::Author* a = pick(b)) out[b.title] = titles(a->books.all());
    return out;
  }
};

TEST_P(SelectRelatedReuseTest, ANextLevelOfASelectRelatedKeyIsOneMoreStatement) {
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = books().select_related("author").prefetch_related("author__books").order_by("title").fetch();
  });
  std::map<std::string, Titles> got;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    got = books_of(loaded, [](const library::Book& b) { return &b.author.get(); });
  });
  EXPECT_EQ(got["Python Guide"], (Titles{"Advanced Python", "Python Guide"}));
  EXPECT_EQ(got["Advanced Python"], (Titles{"Advanced Python", "Python Guide"}));
  EXPECT_EQ(got["C++ Primer"], (Titles{"C++ Primer"}));
  EXPECT_EQ(got["Élan vital"], (Titles{"100% Pure_Fun", "Élan vital"}));
}

TEST_P(SelectRelatedReuseTest, ANullableKeyWithSomeNullsIsOneMoreStatement) {
  // Editors: Python Guide bob, Advanced Python none, C++ Primer alice,
  // 100% Pure_Fun none, Élan vital bob.
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = books().select_related("editor").prefetch_related("editor__books").fetch();
  });
  std::map<std::string, Titles> got;
  int without_editor = 0;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    got = books_of(loaded, [](const library::Book& b) { return b.editor ? &b.editor->get() : nullptr; });
    for (const library::Book& b : loaded) without_editor += b.editor ? 0 : 1;
  });
  EXPECT_EQ(without_editor, 2);
  EXPECT_EQ(got.size(), 3u);
  EXPECT_EQ(got["Python Guide"], (Titles{"C++ Primer"})) << "bob's books";
  EXPECT_EQ(got["Élan vital"], (Titles{"C++ Primer"}));
  EXPECT_EQ(got["C++ Primer"], (Titles{"Advanced Python", "Python Guide"})) << "alice's books";
}

TEST_P(SelectRelatedReuseTest, OnlyNullKeysRunNoPrefetchStatement) {
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    loaded = books().filter("editor__isnull", true).select_related("editor").prefetch_related("editor__books").fetch();
  });
  EXPECT_EQ(loaded.size(), 2u);
}

TEST_P(SelectRelatedReuseTest, PrefetchingTheSelectRelatedLevelItselfRunsNothingMore) {
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    loaded = books().select_related("author").prefetch_related("author").order_by("title").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].author.get().name, "Zoë Ångström"); });
}

TEST_P(SelectRelatedReuseTest, AKeyWithoutItsObjectIsStillPrefetched) {
  // Objects loaded without select_related: the author Refs hold keys only.
  std::vector<library::Book> loaded = books().order_by("title").fetch();
  (void)loaded[0].author.get();  // one of them loaded lazily (Zoë)
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] { database->prefetch(loaded, "author__books"); })
      << "one query for the other authors, one for the books";
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(titles(loaded[0].author.get().books.all()), (Titles{"100% Pure_Fun", "Élan vital"}));
    EXPECT_EQ(titles(loaded[1].author.get().books.all()), (Titles{"Advanced Python", "Python Guide"}));
  });
}

TEST_P(SelectRelatedReuseTest, APrefetchQuerySetDoesNotReloadALoadedLevel) {
  // As in Django: the level is fetched, so the Prefetch's filter does not
  // apply to it.
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] {
    loaded = books()
                 .filter("title", "Python Guide")
                 .select_related("author")
                 .prefetch_related(covet::Prefetch("author", authors().filter("age__gt", 100)))
                 .fetch();
  });
  ASSERT_TRUE(loaded[0].author.is_loaded());
  EXPECT_EQ(loaded[0].author.get().name, "Alice");
}

TEST_P(SelectRelatedReuseTest, APrefetchQuerySetsOwnPrefetchStillApplies) {
  std::vector<library::Book> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = books()
                 .filter("title", "Python Guide")
                 .select_related("author")
                 .prefetch_related(covet::Prefetch("author", authors().prefetch_related("books")))
                 .fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].author.get().books.count(), 2); });
}

TEST_P(SelectRelatedReuseTest, AToAttrPrefetchStillRunsItsQuery) {
  std::vector<library::Profile> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = profiles()
                 .filter("website", "alice.dev")
                 .select_related("author")
                 .prefetch_related(covet::Prefetch("author__books", books().filter("published_year__gt", 2021),
                                                   &library::Author::recent_books))
                 .fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    const auto& recent = loaded[0].author.get().recent_books;
    ASSERT_EQ(recent.size(), 1u);
    EXPECT_EQ(recent[0].title, "Advanced Python");
  });
}

TEST_P(SelectRelatedReuseTest, ObjectsSharedWithOtherCopiesAreLeftAlone) {
  // The prefetch fills a private copy of the select_related author, so a copy
  // of the Book taken before it still reads its author's books with a query.
  std::vector<library::Book> loaded =
      books().filter("title", "Python Guide").select_related("author").fetch();
  library::Book before = loaded[0];
  database->prefetch(loaded, "author__books");
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(loaded[0].author.get().books.count(), 2); });
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(before.author.get().books.count(), 2); });
}

COVET_INSTANTIATE_BACKENDS(SelectRelatedReuseTest);

// Several select_related levels, then a prefetch of the next one.
class SelectRelatedChainReuseTest : public covet::test::BlogTest {
 protected:
  void SetUp() override {
    BlogTest::SetUp();
    if (IsSkipped()) return;
    alice = user("alice");
    bob = user("bob");
    carol = user("carol");
    alice.friends.add(bob);
    bob.friends.add(carol);
    blog::Post by_alice = post("By Alice", alice), by_bob = post("By Bob", bob);
    for (const auto& [p, who, text] : {std::tuple{by_alice, bob, "1"}, std::tuple{by_bob, alice, "2"},
                                       std::tuple{by_alice, carol, "3"}})
      database->create(blog::Comment{.post = p, .author = who, .text = text});
  }
  covet::QuerySet<blog::Comment> comments() { return database->objects<blog::Comment>().order_by("text"); }

  blog::User alice, bob, carol;
};

TEST_P(SelectRelatedChainReuseTest, TwoSelectRelatedLevelsThenAPrefetchIsTwoStatements) {
  std::vector<blog::Comment> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = comments().select_related("post__author").prefetch_related("post__author__friends").fetch();
  });
  ASSERT_EQ(loaded.size(), 3u);
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[0].post.get().author.get().friends.all()), (Names{"bob"})) << "alice's friends";
    EXPECT_EQ(names(loaded[1].post.get().author.get().friends.all()), (Names{"alice", "carol"})) << "bob's friends";
    EXPECT_EQ(names(loaded[2].post.get().author.get().friends.all()), (Names{"bob"}));
  });
}

TEST_P(SelectRelatedChainReuseTest, OnlyTheLevelsSelectRelatedLoadedAreReused) {
  // post comes with the rows; its author and the friends are queried.
  std::vector<blog::Comment> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 3, [&] {
    loaded = comments().select_related("post").prefetch_related("post__author__friends").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(names(loaded[1].post.get().author.get().friends.all()), (Names{"alice", "carol"}));
  });
}

TEST_P(SelectRelatedChainReuseTest, ANullableSelectRelatedLevelThenAPrefetchIsTwoStatements) {
  blog::Topic cpp = topic("C++");
  blog::Post with_topic = database->create(blog::Post{.title = "Templates", .author = alice, .topic = cpp});
  std::vector<blog::Post> loaded;
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    loaded = database->objects<blog::Post>().order_by("title").select_related("topic").prefetch_related("topic__posts").fetch();
  });
  ASSERT_EQ(loaded.size(), 3u);  // By Alice, By Bob (no topic), Templates
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_FALSE(loaded[0].topic.has_value());
    EXPECT_FALSE(loaded[1].topic.has_value());
    EXPECT_EQ(names(loaded[2].topic->get().posts.all()), (Names{"Templates"}));
  });
}

COVET_INSTANTIATE_BACKENDS(SelectRelatedChainReuseTest);

}  // namespace

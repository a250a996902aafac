// covet::Loading::AutoPrefetch: the first lazy load of a relation on one
// object of a result loads it for every object of that result, in one query.
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace library;

namespace {

// Authors ordered by name are Alice, Bob, Zoë Ångström, carol (byte order).
class AutoPrefetchTest : public query_test::LibraryTest {
 protected:
  void SetUp() override {
    LibraryTest::SetUp();
    if (IsSkipped()) return;
    database->set_loading(covet::Loading::AutoPrefetch);
  }
};

TEST_P(AutoPrefetchTest, FirstManagerReadLoadsTheRelationForAllPeers) {
  auto loaded = authors().order_by("name").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(titles(loaded[0].books.all()), (Titles{"Advanced Python", "Python Guide"})); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_EQ(titles(loaded[1].books.all()), (Titles{"C++ Primer"}));
    EXPECT_EQ(loaded[2].books.count(), 2);  // Zoë
    EXPECT_EQ(loaded[3].books.count(), 0);  // carol
  });
}

TEST_P(AutoPrefetchTest, FirstRefLoadLoadsTheTargetsOfAllPeers) {
  auto loaded = books().order_by("title").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(loaded[0].author.get().name, "Zoë Ångström"); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    for (const Book& b : loaded) EXPECT_FALSE(b.author.get().name.empty());
  });
}

TEST_P(AutoPrefetchTest, NullableKeysAndReverseOneToOne) {
  auto loaded = books().order_by("title").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(loaded[2].editor->get().name, "Alice"); });
  auto people = authors().order_by("name").fetch();
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_TRUE(people[0].profile.exists()); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    EXPECT_FALSE(people[1].profile.exists());
    EXPECT_EQ(people[2].profile.get().website, "zoe.example");
    EXPECT_FALSE(people[3].profile.exists());
  });
}

TEST_P(AutoPrefetchTest, CopiedObjectsKeepTheirPeers) {
  std::vector<Author> copy;
  {
    auto loaded = authors().order_by("name").fetch();
    copy = loaded;  // the originals go away
  }
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { (void)copy[0].books.fetch(); });
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(copy[2].books.fetch().size(), 2u); });
}

TEST_P(AutoPrefetchTest, RelatedObjectsLoadedTogetherArePeersToo) {
  auto loaded = authors().order_by("name").fetch();
  std::vector<Book> alice_books;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { alice_books = loaded[0].books.fetch(); });
  // The books loaded for all authors form one result: their authors load together.
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { EXPECT_EQ(alice_books[0].author.get().name, "Alice"); });
}

TEST_P(AutoPrefetchTest, ObjectsLoadedInLazyModeAreNotAutoPrefetched) {
  database->set_loading(covet::Loading::Lazy);
  auto loaded = authors().order_by("name").fetch();
  database->set_loading(covet::Loading::AutoPrefetch);
  COVET_EXPECT_NUM_QUERIES(*database, 2, [&] {
    (void)loaded[0].books.fetch();
    (void)loaded[1].books.fetch();
  });
}

COVET_INSTANTIATE_BACKENDS(AutoPrefetchTest);

}  // namespace

// select_related: related objects loaded by the same SELECT, their joins,
// and the errors for paths it cannot follow.
#include "models/blog.hpp"
#include "support/error_message.hpp"
#include "models/eager.hpp"
#include "models/records.hpp"
#include "query/library_fixture.hpp"
#include "relations/blog_fixture.hpp"

#include <covet/testing.hpp>

#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Book;

// How many times `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}


class SelectRelatedTest : public LibraryTest {};

TEST_P(SelectRelatedTest, FetchLoadsTheRelatedObjectsInTheSameQuery) {
  auto& db = *database;
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = books().select_related("author").order_by("id").fetch(); });
  ASSERT_EQ(rows.size(), 5u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    for (const Book& b : rows) EXPECT_TRUE(b.author.is_loaded()) << b.title;
    EXPECT_EQ(rows[0].author.get().name, "Alice");
    EXPECT_EQ(rows[2].author.get().name, "Bob");
    EXPECT_EQ(rows[4].author.get().name, "Zoë Ångström");
  });
}

TEST_P(SelectRelatedTest, RelatedObjectsAreWholeAndBound) {
  auto& db = *database;
  Book b = books().select_related("author").get("title", "Python Guide");
  const library::Author& a = b.author.get();
  EXPECT_EQ(a.id, alice.id);
  EXPECT_EQ(a.bio, std::optional<std::string>("Writes about Python"));
  EXPECT_EQ(a.age, 40);
  EXPECT_EQ(a.joined_at, alice.joined_at);
  // The related object's own reverse member is bound: it can query.
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { EXPECT_EQ(a.books.count(), 2); });
}

TEST_P(SelectRelatedTest, NonNullKeyIsAnInnerJoin) {
  std::string sql = books().select_related("author").to_sql();
  EXPECT_EQ(occurrences(sql, "INNER JOIN"), 1u) << sql;
  EXPECT_EQ(occurrences(sql, "LEFT OUTER JOIN"), 0u) << sql;
}

TEST_P(SelectRelatedTest, NullableKeyIsALeftOuterJoinThatKeepsRowsWithoutIt) {
  auto& db = *database;
  auto qs = books().select_related("editor").order_by("id");
  std::string sql = qs.to_sql();
  EXPECT_EQ(occurrences(sql, "LEFT OUTER JOIN"), 1u) << sql;
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = qs.fetch(); });
  ASSERT_EQ(rows.size(), 5u) << "books without an editor are kept";
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].editor->get().name, "Bob");   // Python Guide
    EXPECT_FALSE(rows[1].editor.has_value());       // Advanced Python: NULL key
    EXPECT_EQ(rows[2].editor->get().name, "Alice");  // C++ Primer
    EXPECT_FALSE(rows[3].editor.has_value());       // 100% Pure_Fun
  });
}

TEST_P(SelectRelatedTest, SeveralPathsLoadEveryRelation) {
  auto& db = *database;
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    rows = books().select_related("author", "editor", "publisher").order_by("id").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].author.get().name, "Alice");
    EXPECT_EQ(rows[0].editor->get().name, "Bob");
    EXPECT_EQ(rows[0].publisher->get().name, "Penguin");
    EXPECT_EQ(rows[4].publisher->get().country, "US");
  });
}

TEST_P(SelectRelatedTest, ChainedCallsAddUp) {
  auto& db = *database;
  auto qs = books().select_related("author").select_related("publisher").select_related("author");
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = qs.filter("title", "Python Guide").fetch(); });
  ASSERT_EQ(rows.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].author.get().name, "Alice");
    EXPECT_EQ(rows[0].publisher->get().name, "Penguin");
  });
  EXPECT_EQ(occurrences(qs.to_sql(), "JOIN"), 2u) << qs.to_sql();
}

TEST_P(SelectRelatedTest, FilterAndOrderOnTheSamePathShareTheJoin) {
  auto qs = books().filter("author__name__startswith", "A").select_related("author").order_by("-author__age");
  std::string sql = qs.to_sql();
  EXPECT_EQ(occurrences(sql, "JOIN"), 1u) << sql;
  EXPECT_EQ(titles(qs), (Titles{"Advanced Python", "Python Guide"}));
  auto nullable = books().filter("editor__name", "Bob").select_related("editor");
  EXPECT_EQ(occurrences(nullable.to_sql(), "JOIN"), 1u) << nullable.to_sql();
}

TEST_P(SelectRelatedTest, WorksWithExcludeOrderAndSlice) {
  auto& db = *database;
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    rows = books().select_related("author", "publisher").exclude("publisher", nullptr).order_by("-price").slice(1, 3).fetch();
  });
  ASSERT_EQ(rows.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].title, "Advanced Python");
    EXPECT_EQ(rows[0].publisher->get().name, "Orbit");
    EXPECT_EQ(rows[1].title, "Python Guide");
    EXPECT_EQ(rows[1].author.get().name, "Alice");
  });
}

TEST_P(SelectRelatedTest, GetFirstAndLastLoadTheRelatedObjects) {
  auto& db = *database;
  auto qs = books().select_related("author", "editor").order_by("published_year");
  Book got, first, last;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { got = qs.get("title", "Élan vital"); });
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { first = *qs.first(); });
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { last = *qs.last(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(got.author.get().name, "Zoë Ångström");
    EXPECT_EQ(got.editor->get().name, "Bob");
    EXPECT_EQ(first.title, "C++ Primer");
    EXPECT_EQ(first.editor->get().name, "Alice");
    EXPECT_EQ(last.title, "Advanced Python");
    EXPECT_EQ(last.author.get().name, "Alice");
  });
}

TEST_P(SelectRelatedTest, CountAndExistsDoNotJoin) {
  auto& db = *database;
  auto qs = books().select_related("author", "editor");
  covet::QueryCounter counter(db);
  EXPECT_EQ(qs.count(), 5);
  EXPECT_TRUE(qs.exists());
  EXPECT_EQ(qs.slice(0, 2).count(), 2);
  for (const covet::QueryLogEntry& e : counter.entries()) EXPECT_EQ(e.sql.find("JOIN"), std::string::npos) << e.sql;
}

TEST_P(SelectRelatedTest, NoPathFollowsEveryNonNullForwardRelation) {
  auto& db = *database;
  std::vector<Book> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = books().select_related().order_by("id").fetch(); });
  EXPECT_TRUE(rows[0].author.is_loaded());
  EXPECT_FALSE(rows[0].editor->is_loaded()) << "nullable keys are not followed by select_related()";
  EXPECT_FALSE(rows[0].publisher->is_loaded());
  std::vector<library::Profile> profiles_;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { profiles_ = profiles().select_related().order_by("id").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(profiles_.at(0).author.get().name, "Alice"); });
}

TEST_P(SelectRelatedTest, StrictLoadingAcceptsWhatSelectRelatedLoaded) {
  auto rows = books().select_related("author").filter("title", "Python Guide").fetch();
  covet::LoadingScope strict(*database, covet::Loading::Strict);
  EXPECT_NO_THROW(rows[0].author.get());
  EXPECT_THROW(rows[0].editor->get(), covet::UsageError);
}

TEST_P(SelectRelatedTest, PrefetchQuerySetCanSelectRelated) {
  auto& db = *database;
  std::vector<library::Author> rows;
  COVET_EXPECT_NUM_QUERIES(db, 2, [&] {
    rows = authors()
               .prefetch_related(covet::Prefetch("books", db.objects<Book>().select_related("publisher")))
               .order_by("id")
               .fetch();
  });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    std::vector<std::string> publishers;
    for (const Book& b : rows[0].books.all()) publishers.push_back(b.publisher->get().name);
    std::sort(publishers.begin(), publishers.end());
    EXPECT_EQ(publishers, (std::vector<std::string>{"Orbit", "Penguin"}));
  });
}

TEST_P(SelectRelatedTest, UnknownNameThrowsFieldErrorListingTheRelations) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().select_related("nope"); });
  EXPECT_NE(what.find("Invalid field name(s) given in select_related: 'nope'"), std::string::npos) << what;
  EXPECT_NE(what.find("Choices are: author, editor, publisher"), std::string::npos) << what;
  EXPECT_NE(what.find("Book"), std::string::npos) << what;
}

TEST_P(SelectRelatedTest, ColumnThrowsNonRelationalFieldError) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().select_related("author", "title"); });
  EXPECT_NE(what.find("Non-relational field given in select_related: 'title'"), std::string::npos) << what;
  EXPECT_NE(what.find("Choices are: author, editor, publisher"), std::string::npos) << what;
}

TEST_P(SelectRelatedTest, NestedUnknownNameNamesTheModelItIsLookedUpOn) {
  try {
    books().select_related("author__nope");
    FAIL() << "expected FieldError";
  } catch (const covet::FieldError& e) {
    EXPECT_EQ(e.model(), "Author");
    EXPECT_NE(std::string(e.what()).find("'nope' (on Author). Choices are: profile"), std::string::npos) << e.what();
  }
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().select_related("author__name"); });
  EXPECT_NE(what.find("Non-relational field given in select_related: 'name'"), std::string::npos) << what;
}

TEST_P(SelectRelatedTest, ReverseRelationPointsToPrefetchRelated) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { authors().select_related("books"); });
  EXPECT_NE(what.find("Invalid field name(s) given in select_related: 'books'"), std::string::npos) << what;
  EXPECT_NE(what.find("use prefetch_related(\"books\")"), std::string::npos) << what;
  what = covet::test::error_message<covet::FieldError>([&] { authors().select_related("edited_books"); });
  EXPECT_NE(what.find("a reverse relation of Author"), std::string::npos) << what;
}

TEST_P(SelectRelatedTest, ReverseOneToOneLoadsInTheSameQuery) {
  covet::Database& db = *database;
  std::vector<library::Author> loaded;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { loaded = authors().order_by("name").select_related("profile").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(loaded.at(0).profile.get().website, "alice.dev");
    EXPECT_FALSE(loaded.at(1).profile.exists());  // Bob has none: known without a query
    EXPECT_EQ(loaded.at(2).profile.get().handle, std::nullopt);  // Zoë
  });
}

TEST_P(SelectRelatedTest, ReverseOneToOneAfterAForeignKey) {
  covet::Database& db = *database;
  std::vector<Book> loaded;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { loaded = books().order_by("title").select_related("author__profile").fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(loaded.at(0).author.get().profile.get().website, "zoe.example");  // 100% Pure_Fun
    EXPECT_FALSE(loaded.at(2).author.get().profile.exists());                   // C++ Primer: Bob
  });
}

TEST_P(SelectRelatedTest, DeferredKeyCannotBeTraversed) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().only("title").select_related("author"); });
  EXPECT_NE(what.find("Field Book.author cannot be both deferred and traversed using select_related"),
            std::string::npos)
      << what;
  what = covet::test::error_message<covet::FieldError>([&] { books().select_related("author").defer("author"); });
  EXPECT_NE(what.find("cannot be both deferred and traversed"), std::string::npos) << what;
}

TEST_P(SelectRelatedTest, OnlyThenSelectRelatedLoadsTheWholeRelatedObject) {
  auto& db = *database;
  std::vector<covet::Partial<Book>> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    rows = books().only("title", "author").select_related("author").order_by("id").fetch();
  });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0]->title, "Python Guide");
    EXPECT_EQ(rows[0]->author.get().bio, std::optional<std::string>("Writes about Python"));
  });
  EXPECT_FALSE(rows[0].is_loaded(&Book::price));
  // select_related() skips a deferred key rather than failing.
  auto skipped = books().only("title").select_related();
  EXPECT_EQ(occurrences(skipped.to_sql(), "JOIN"), 0u) << skipped.to_sql();
}

class SelectRelatedBlogTest : public covet::test::BlogTest {};

TEST_P(SelectRelatedBlogTest, MultiLevelPathsLoadEveryLevelInOneQuery) {
  auto& db = *database;
  blog::User ann = user("ann"), ben = user("ben");
  blog::Topic cpp = topic("C++");
  blog::Post with_topic = db.create(blog::Post{.title = "Ranges", .author = ann, .topic = cpp});
  blog::Post without = db.create(blog::Post{.title = "Misc", .author = ben});
  db.create(blog::Comment{.post = with_topic, .author = ben, .text = "nice"});
  db.create(blog::Comment{.post = without, .author = ann, .text = "hm"});

  std::vector<blog::Comment> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    rows = db.objects<blog::Comment>().select_related("post__author", "post__topic").order_by("id").fetch();
  });
  ASSERT_EQ(rows.size(), 2u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows[0].post.get().title, "Ranges");
    EXPECT_EQ(rows[0].post.get().author.get().username, "ann");
    EXPECT_EQ(rows[0].post.get().topic->get().name, "C++");
    EXPECT_EQ(rows[1].post.get().author.get().username, "ben");
    EXPECT_FALSE(rows[1].post.get().topic.has_value());
  });
  EXPECT_FALSE(rows[0].author.is_loaded()) << "Comment.author was not asked for";
}

TEST_P(SelectRelatedBlogTest, EverythingAfterAnOuterJoinIsOuter) {
  std::string sql = database->objects<blog::Comment>().select_related("post__topic", "post__author").to_sql();
  EXPECT_EQ(occurrences(sql, "INNER JOIN"), 2u) << sql;      // post, post__author
  EXPECT_EQ(occurrences(sql, "LEFT OUTER JOIN"), 1u) << sql;  // post__topic
}

TEST_P(SelectRelatedBlogTest, NoPathFollowsNonNullKeysRecursively) {
  auto& db = *database;
  blog::User ann = user("ann");
  blog::Post p = db.create(blog::Post{.title = "Ranges", .author = ann, .topic = topic("C++")});
  db.create(blog::Comment{.post = p, .author = ann, .text = "self"});
  std::vector<blog::Comment> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = db.objects<blog::Comment>().select_related().fetch(); });
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] {
    EXPECT_EQ(rows.at(0).post.get().author.get().username, "ann");
    EXPECT_EQ(rows.at(0).author.get().username, "ann");
  });
  EXPECT_FALSE(rows.at(0).post.get().topic->is_loaded()) << "a nullable key is not followed";
}

TEST_P(SelectRelatedBlogTest, ManyToManyPointsToPrefetchRelated) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { database->objects<blog::Comment>().select_related("post__tags"); });
  EXPECT_NE(what.find("'tags'"), std::string::npos) << what;
  EXPECT_NE(what.find("many-to-many relation of Post"), std::string::npos) << what;
  EXPECT_NE(what.find("use prefetch_related(\"post__tags\")"), std::string::npos) << what;
  EXPECT_NE(what.find("Choices are: author, topic"), std::string::npos) << what;
}

class SelectRelatedDanglingTest : public covet::test::DatabaseTest {};

TEST_P(SelectRelatedDanglingTest, DanglingKeyKeepsItsRowAndAttachesNothing) {
  auto& db = *database;
  eager::Owner owner = db.create(eager::Owner{.name = "ann", .favourite = covet::Ref<eager::Item>(999)});
  db.create(eager::Item{.name = "kept", .owner = owner, .backup = covet::Ref<eager::Owner>(12345)});
  db.create(eager::Item{.name = "orphan", .owner = covet::Ref<eager::Owner>(777)});
  std::vector<eager::Item> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] {
    rows = db.objects<eager::Item>().select_related("owner", "backup").order_by("id").fetch();
  });
  ASSERT_EQ(rows.size(), 2u) << "a key without a constraint is joined LEFT OUTER";
  EXPECT_TRUE(rows[0].owner.is_loaded());
  EXPECT_FALSE(rows[0].backup->is_loaded()) << "dangling nullable key";
  EXPECT_FALSE(rows[1].owner.is_loaded()) << "dangling non-null key";
  EXPECT_THROW(rows[1].owner.get(), covet::DoesNotExist);
}

TEST_P(SelectRelatedDanglingTest, NoPathStopsAtACycle) {
  auto& db = *database;
  eager::Owner owner = db.create(eager::Owner{.name = "ann", .favourite = covet::Ref<eager::Item>(1)});
  db.create(eager::Item{.name = "first", .owner = owner});
  auto qs = db.objects<eager::Item>().select_related();
  EXPECT_EQ(occurrences(qs.to_sql(), "JOIN"), 1u) << "Item -> Owner, not back to Item: " << qs.to_sql();
  std::vector<eager::Item> rows = qs.fetch();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].owner.is_loaded());
  EXPECT_FALSE(rows[0].owner.get().favourite.is_loaded());
}

TEST_P(SelectRelatedDanglingTest, ToFieldKeyJoinsOnTheReferencedColumn) {
  auto& db = *database;
  records::Country fr = db.create(records::Country{.code = "FR", .name = "France"});
  db.create(records::City{.name = "Lyon", .country = fr});
  std::vector<records::City> rows;
  COVET_EXPECT_NUM_QUERIES(db, 1, [&] { rows = db.objects<records::City>().select_related("country").fetch(); });
  ASSERT_EQ(rows.size(), 1u);
  COVET_EXPECT_NUM_QUERIES(db, 0, [&] { EXPECT_EQ(rows[0].country.get().name, "France"); });
  EXPECT_EQ(rows[0].country.key(), covet::Value("FR"));
}

COVET_INSTANTIATE_BACKENDS(SelectRelatedTest);
COVET_INSTANTIATE_BACKENDS(SelectRelatedBlogTest);
COVET_INSTANTIATE_BACKENDS(SelectRelatedDanglingTest);

}  // namespace
}  // namespace query_test

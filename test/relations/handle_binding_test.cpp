// What a loaded object's relation handles keep (covet/detail/binding.hpp):
// the handles of one result share one binding, a reverse handle keeps its
// owner's key in an OwnerKey. A handle copied out of its object, or
// outliving the result it came from, still reaches the database and the
// owner's rows; an OwnerKey copies as a Value does.
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <map>
#include <string>
#include <vector>

namespace query_test {
namespace {

using library::Author;
using library::Book;

class HandleBindingTest : public LibraryTest {};

TEST_P(HandleBindingTest, AReverseManagerCopiedOutOfItsObjectOutlivesTheResult) {
  covet::ReverseSet<Book> books;
  {
    std::vector<Author> authors = database->objects<Author>().order_by("name").fetch();
    books = authors.front().books;  // Alice's
  }
  EXPECT_EQ(books.count(), 2);
  EXPECT_EQ(books.filter("published_year__gt", 2021).get().title, "Advanced Python");
}

TEST_P(HandleBindingTest, EachObjectOfOneResultKeepsItsOwnOwnerKey) {
  std::map<std::string, std::int64_t> counts;
  for (const Author& a : database->objects<Author>().fetch()) counts[a.name] = a.books.count();
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"Alice", 2}, {"Bob", 1}, {"Zoë Ångström", 2}, {"carol", 0}}));
}

TEST_P(HandleBindingTest, ARefCopiedOutOfItsObjectLoadsItsTarget) {
  covet::Ref<Author> author;
  {
    const Book book = database->objects<Book>().get("title", "C++ Primer");
    author = book.author;
  }
  EXPECT_FALSE(author.is_loaded());
  EXPECT_EQ(author->name, "Bob");
}

TEST_P(HandleBindingTest, AHandleOfAClosedDatabaseSaysSo) {
  covet::ReverseSet<Book> books;
  {
    covet::Database other = covet::connect(url);
    if (is_sqlite()) {
      other.create_all();  // its own in-memory database
      other.create(Author{.name = "Solo", .age = 1});
    }
    books = other.objects<Author>().order_by("name").fetch().front().books;
  }
  try {
    (void)books.count();
    FAIL() << "the Database is gone";
  } catch (const covet::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("closed"), std::string::npos) << e.what();
  }
}

TEST(OwnerKey, HoldsNullAnIntegerOrAnyOtherValueAndCopiesIt) {
  using covet::detail::OwnerKey;
  EXPECT_TRUE(OwnerKey().is_null());
  EXPECT_TRUE(OwnerKey(covet::Value()).is_null());
  EXPECT_EQ(OwnerKey(covet::Value(std::int64_t{-7})).value(), covet::Value(std::int64_t{-7}));
  const covet::Uuid u = *covet::Uuid::parse("123e4567-e89b-12d3-a456-426614174000");
  for (const covet::Value& v : {covet::Value("slug-text"), covet::Value(u), covet::Value(2.5)}) {
    OwnerKey key(v);
    OwnerKey copy = key;
    OwnerKey assigned;
    assigned = copy;
    OwnerKey moved = std::move(key);
    EXPECT_FALSE(copy.is_null());
    EXPECT_EQ(copy.value(), v);
    EXPECT_EQ(assigned.value(), v);
    EXPECT_EQ(moved.value(), v);
  }
}

COVET_INSTANTIATE_BACKENDS(HandleBindingTest);

}  // namespace
}  // namespace query_test

// Mistyped fields and lookups fail where they are written (filter, exclude,
// order_by), with FieldError messages that name the model and the choices.
#include "query/library_fixture.hpp"
#include "support/error_message.hpp"

namespace query_test {
namespace {

using covet::Q;

class FieldErrorTest : public LibraryTest {};


TEST_P(FieldErrorTest, UnknownFieldListsEveryChoiceOfTheModel) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { authors().filter("nmae", "x"); });
  EXPECT_NE(what.find("Cannot resolve keyword 'nmae' into field of model 'Author'. Choices are: "
                      "id, name, bio, age, joined_at"),
            std::string::npos)
      << what;
  for (const char* reverse : {"books", "edited_books", "profile"})
    EXPECT_NE(what.find(reverse), std::string::npos) << what << " should list " << reverse;
}

TEST_P(FieldErrorTest, UnknownFieldAfterARelationNamesTheRelatedModel) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().filter("author__nmae__startswith", "x"); });
  EXPECT_NE(what.find("Cannot resolve keyword 'nmae' into field of model 'Author'"), std::string::npos) << what;
}

TEST_P(FieldErrorTest, UnknownLookupListsTheLookups) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().filter("title__contain", "x"); });
  EXPECT_NE(what.find("Unsupported lookup 'contain' for field Book.title. Choices are: exact, iexact, gt, "
                      "gte, lt, lte, in, contains, icontains, startswith, istartswith, endswith, "
                      "iendswith, isnull, range"),
            std::string::npos)
      << what;
}

TEST_P(FieldErrorTest, ErrorsSurfaceWhereTheyAreWritten) {
  EXPECT_THROW(books().exclude("titel", "x"), covet::FieldError);
  EXPECT_THROW(books().filter(Q("title", "x") | ~Q("pagez", 3)), covet::FieldError);
  EXPECT_THROW(books().order_by("-titel"), covet::FieldError);
  EXPECT_THROW(books().order_by("author__nmae"), covet::FieldError);
  EXPECT_THROW(books().get("titel", "x"), covet::FieldError);
}

TEST_P(FieldErrorTest, OrderingAcrossAToManyRelationIsAFieldError) {
  std::string what = covet::test::error_message<covet::FieldError>([&] { authors().order_by("books__title"); });
  EXPECT_NE(what.find("'books' is a to-many relation"), std::string::npos) << what;
}

TEST_P(FieldErrorTest, FieldErrorNamesTheQueriedModel) {
  try {
    books().filter("author__nmae", "x");
    FAIL();
  } catch (const covet::FieldError& e) {
    EXPECT_FALSE(e.model().empty());
  }
}

COVET_INSTANTIATE_BACKENDS(FieldErrorTest);

}  // namespace
}  // namespace query_test

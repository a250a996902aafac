// QuerySet::update: one UPDATE for every matching row, whatever the filter
// crosses; the field and value checks.
#include "query/library_fixture.hpp"
#include "support/error_message.hpp"

#include <covet/testing.hpp>

namespace query_test {
namespace {

using covet::Q;
using library::Author;
using library::Book;
using library::Publisher;

class UpdateTest : public LibraryTest {
 protected:
  // Runs fn(), which must run one statement, and returns that statement.
  template <class F>
  std::string only_statement(F&& fn) {
    covet::QueryCounter counter(*database);
    fn();
    EXPECT_EQ(counter.count(), 1u);
    return counter.entries().empty() ? std::string() : counter.entries().front().sql;
  }

};

TEST_P(UpdateTest, WithoutAFilterEveryRowIsUpdated) {
  std::int64_t n = 0;
  std::string sql = only_statement([&] { n = books().update({{"in_print", false}}); });
  EXPECT_EQ(n, 5);
  EXPECT_EQ(sql.find("WHERE"), std::string::npos) << sql;
  EXPECT_EQ(books().filter("in_print", true).count(), 0);
}

TEST_P(UpdateTest, AFilterOnTheModelsColumnsIsAPlainWhere) {
  std::int64_t n = 0;
  std::string sql = only_statement([&] { n = books().filter("published_year__lt", 2016).update({{"price", 9.5}}); });
  EXPECT_EQ(n, 2);
  EXPECT_EQ(sql.find("SELECT"), std::string::npos) << sql;
  EXPECT_EQ(titles(books().filter("price", 9.5)), (Titles{"100% Pure_Fun", "C++ Primer"}));
  EXPECT_DOUBLE_EQ(books().get("title", "Python Guide").price, 29.5);
}

TEST_P(UpdateTest, AFilterAcrossAForeignKeyUpdatesTheRowsItMatches) {
  std::int64_t n = 0;
  std::string sql = only_statement([&] { n = books().filter("author__name", "Alice").update({{"in_print", false}}); });
  EXPECT_EQ(n, 2);
  EXPECT_NE(sql.find("IN (SELECT"), std::string::npos) << sql;
  EXPECT_EQ(titles(books().filter("in_print", true)), (Titles{"100% Pure_Fun"}));
}

TEST_P(UpdateTest, AnExcludeAcrossANullableForeignKeyKeepsRowsWithoutOne) {
  // Django's exclude keeps the books without an editor.
  EXPECT_EQ(books().exclude("editor__name", "Bob").update({{"pages", 1}}), 3);
  EXPECT_EQ(titles(books().filter("pages", 1)), (Titles{"100% Pure_Fun", "Advanced Python", "C++ Primer"}));
}

TEST_P(UpdateTest, AFilterAcrossAToManyRelation) {
  EXPECT_EQ(authors().filter("books__published_year__gte", 2018).update({{"age", 99}}), 2);
  EXPECT_EQ(names(authors().filter("age", 99)), (std::vector<std::string>{"Alice", "Zoë Ångström"}));
}

TEST_P(UpdateTest, AFilterAcrossAReverseOneToOne) {
  EXPECT_EQ(authors().filter("profile__website", "alice.dev").update({{"bio", nullptr}}), 1);
  EXPECT_FALSE(authors().get("name", "Alice").bio.has_value());
  EXPECT_TRUE(authors().get("name", "Zoë Ångström").bio.has_value());
}

TEST_P(UpdateTest, AnOrOfConditionsAcrossRelations) {
  auto qs = books().filter(Q("author__name", "Bob") | Q("publisher__country", "US"));
  EXPECT_EQ(qs.update({{"published_year", 1999}}), 3);
  EXPECT_EQ(titles(books().filter("published_year", 1999)),
            (Titles{"Advanced Python", "C++ Primer", "Élan vital"}));
}

TEST_P(UpdateTest, SeveralFieldsAndForeignKeysAtOnce) {
  std::int64_t n = books()
                       .filter("author", alice)
                       .update({{"in_print", false}, {"price", 9.5}, {"editor", nullptr}, {"author", zoe}});
  EXPECT_EQ(n, 2);
  Book python_now = books().get("title", "Python Guide");
  EXPECT_FALSE(python_now.in_print);
  EXPECT_DOUBLE_EQ(python_now.price, 9.5);
  EXPECT_FALSE(python_now.editor.has_value());
  EXPECT_EQ(python_now.author.get().name, "Zoë Ångström");
  EXPECT_EQ(books().filter("author", zoe).count(), 4);
  EXPECT_EQ(books().filter("author", bob).count(), 1);
}

TEST_P(UpdateTest, AForeignKeyTakesARefAnIdOrAnObject) {
  books().filter("title", "Python Guide").update({{"publisher", covet::Ref<Publisher>(orbit)}});
  books().filter("title", "C++ Primer").update({{"editor", carol.id}});
  books().filter("title", "Élan vital").update({{"author", bob}});
  EXPECT_EQ(books().get("title", "Python Guide").publisher->get().name, "Orbit");
  EXPECT_EQ(books().get("title", "C++ Primer").editor->get().name, "carol");
  EXPECT_EQ(books().get("title", "Élan vital").author.get().name, "Bob");
}

TEST_P(UpdateTest, TimestampsAndDates) {
  const auto joined = sys_days(2023y / 3 / 4) + 5h + 6min + 7s;
  EXPECT_EQ(authors().filter("joined_at__isnull", true).update({{"joined_at", joined}}), 2);
  EXPECT_EQ(authors().get("name", "Bob").joined_at, joined);
  EXPECT_EQ(books().filter("published_on__isnull", true).update({{"published_on", sys_days(2012y / 1 / 1)}}), 1);
  EXPECT_EQ(books().get("title", "C++ Primer").published_on, sys_days(2012y / 1 / 1));
}

TEST_P(UpdateTest, AnIntegerIntoARealColumnIsConverted) {
  EXPECT_EQ(books().filter("title", "Python Guide").update({{"price", 10}}), 1);
  EXPECT_DOUBLE_EQ(books().get("title", "Python Guide").price, 10.0);
}

TEST_P(UpdateTest, ReturnsZeroWhenNothingMatches) {
  std::int64_t n = -1;
  COVET_EXPECT_NUM_QUERIES(*database, 1, [&] { n = books().filter("title", "Nope").update({{"pages", 1}}); });
  EXPECT_EQ(n, 0);
}

TEST_P(UpdateTest, NoValuesRunNoStatement) {
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { EXPECT_EQ(books().update({}), 0); });
}

TEST_P(UpdateTest, ASlicedQueryIsAUsageError) {
  std::string message;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    message = covet::test::error_message([&] { books().order_by("title").slice(0, 2).update({{"pages", 1}}); });
  });
  EXPECT_EQ(message, "Cannot update a query once a slice has been taken.");
  EXPECT_THROW(books().limit(1).update({{"pages", 1}}), covet::UsageError);
}

TEST_P(UpdateTest, AnUnknownFieldIsAFieldErrorListingTheValidOnes) {
  std::string message;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] { message = covet::test::error_message([&] { books().update({{"colour", 1}}); }); });
  EXPECT_NE(message.find("'colour'"), std::string::npos) << message;
  EXPECT_NE(message.find("Choices are: id, title, published_year, author"), std::string::npos) << message;
  EXPECT_THROW(books().update({{"colour", 1}}), covet::FieldError);
}

TEST_P(UpdateTest, ARelationWithoutAColumnIsAFieldError) {
  EXPECT_THROW(authors().update({{"books", 1}}), covet::FieldError);
  EXPECT_THROW(authors().update({{"edited_books", 1}}), covet::FieldError);
  EXPECT_NE(covet::test::error_message([&] { authors().update({{"profile", nullptr}}); }).find("can only be used with concrete fields"),
            std::string::npos);
}

TEST_P(UpdateTest, AValueOfTheWrongKindIsAUsageError) {
  std::string message;
  COVET_EXPECT_NUM_QUERIES(*database, 0, [&] {
    message = covet::test::error_message([&] { books().update({{"published_year", "2020"}}); });
  });
  EXPECT_NE(message.find("Book.published_year"), std::string::npos) << message;
  EXPECT_NE(message.find("an integer"), std::string::npos) << message;
  EXPECT_THROW(books().update({{"in_print", 1}}), covet::UsageError);
  EXPECT_THROW(books().update({{"title", 5}}), covet::UsageError);
  EXPECT_THROW(books().update({{"author", "Alice"}}), covet::UsageError);
  EXPECT_THROW(books().update({{"published_on", 2020}}), covet::UsageError);
}

TEST_P(UpdateTest, SettingAFieldTwiceIsAUsageError) {
  EXPECT_THROW(books().update({{"pages", 1}, {"pages", 2}}), covet::UsageError);
}

TEST_P(UpdateTest, NullIntoANotNullColumnIsAnIntegrityError) {
  EXPECT_THROW(books().update({{"title", nullptr}}), covet::IntegrityError);
  EXPECT_EQ(books().get("title", "Python Guide").published_year, 2020);
}

TEST_P(UpdateTest, LoadedObjectsKeepTheirValuesButTheQuerySetReloads) {
  auto qs = books().filter("author", alice).order_by("title");
  std::vector<std::int64_t> before;
  for (const Book& b : qs) before.push_back(b.pages.value_or(0));  // iterating fills qs's cache
  EXPECT_EQ(before, (std::vector<std::int64_t>{0, 300}));
  qs.update({{"pages", 7}});
  EXPECT_EQ(python.pages, 300);
  for (const Book& b : qs) EXPECT_EQ(b.pages, 7) << b.title;
}

COVET_INSTANTIATE_BACKENDS(UpdateTest);

}  // namespace
}  // namespace query_test

// The bounds of covet/limits.hpp: a lookup, field name or relation path that
// is too long or has too many parts, and a condition tree nested too deeply,
// are refused with a FieldError naming the model, the limit and the size, by
// every call that takes one, before any work -- and what stays within the
// bounds works, in time linear in its length.
#include "models/blog.hpp"
#include "models/library.hpp"
#include "models/query.hpp"
#include "query/library_fixture.hpp"
#include "query/q_node.hpp"
#include "support/error_message.hpp"

#include <covet/limits.hpp>

#include <string>
#include <vector>

namespace query_test {
namespace {

using covet::Q;
using covet::limits::max_lookup_length;
using covet::limits::max_lookup_parts;
using covet::limits::max_q_depth;

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += part;
  return out;
}

// What every limit error must say: the model, the limit's value and name,
// and the size found -- in a message of reasonable length whatever the input.
void expect_limit_message(const std::string& what, const std::string& model, std::size_t limit,
                          const char* limit_name, std::size_t found) {
  EXPECT_NE(what.find(model), std::string::npos) << what;
  EXPECT_NE(what.find(std::to_string(limit)), std::string::npos) << what;
  EXPECT_NE(what.find(limit_name), std::string::npos) << what;
  EXPECT_NE(what.find(std::to_string(found)), std::string::npos) << what;
  EXPECT_LT(what.size(), 600u) << "the message must not echo the whole input";
}

class LookupLimitsTest : public LibraryTest {
 protected:
  // A chain of people, each mentored by the previous one: person(0) has no
  // mentor, person(n)'s mentor is person(n - 1).
  void make_chain(std::size_t n) {
    std::optional<qry::Person> previous;
    for (std::size_t i = 0; i <= n; ++i) {
      qry::Person p{.name = "p" + std::to_string(i)};
      if (previous) p.mentor = covet::Ref<qry::Person>(*previous);
      previous = database->create(p);
    }
  }
  covet::QuerySet<qry::Person> people() { return database->objects<qry::Person>(); }
};

TEST_P(LookupLimitsTest, AHundredThousandUnderscoresInSelectRelatedAreAFieldError) {
  std::string what = covet::test::error_message<covet::FieldError>(
      [&] { books().select_related(std::string(100000, '_')); });
  expect_limit_message(what, "Book", max_lookup_length, "max_lookup_length", 100000);
}

TEST_P(LookupLimitsTest, ALongPathThroughToManyRelationsIsAFieldErrorNotACrash) {
  const std::string lookup = repeat("books__author__", 6000) + "name";
  std::string what = covet::test::error_message<covet::FieldError>([&] { authors().filter(lookup, "x"); });
  expect_limit_message(what, "Author", max_lookup_length, "max_lookup_length", lookup.size());
}

TEST_P(LookupLimitsTest, TooManyPartsInAFilterAreAFieldError) {
  const std::string lookup = repeat("mentor__", max_lookup_parts) + "name";  // one part too many
  ASSERT_LE(lookup.size(), max_lookup_length);
  std::string what = covet::test::error_message<covet::FieldError>([&] { people().filter(lookup, "x"); });
  expect_limit_message(what, "Person", max_lookup_parts, "max_lookup_parts", max_lookup_parts + 1);
}

TEST_P(LookupLimitsTest, EveryConditionEntryChecksItsLookups) {
  const std::string lookup = repeat("mentor__", max_lookup_parts) + "name";
  EXPECT_THROW(people().exclude(lookup, "x"), covet::FieldError);
  EXPECT_THROW(people().get(lookup, "x"), covet::FieldError);
  EXPECT_THROW(people().filter(Q("name", "a") | (Q("name", "b") & ~Q(lookup, "x"))), covet::FieldError);
  EXPECT_THROW(people().filter(lookup + "__in", std::vector<int>{1}), covet::FieldError);
}

TEST_P(LookupLimitsTest, OrderByChecksItsFields) {
  const std::string field = repeat("mentor__", max_lookup_parts) + "name";
  std::string what = covet::test::error_message<covet::FieldError>([&] { people().order_by("-" + field); });
  expect_limit_message(what, "Person", max_lookup_parts, "max_lookup_parts", max_lookup_parts + 1);
  const std::string huge = repeat("mentor__", 30000) + "name";
  what = covet::test::error_message<covet::FieldError>([&] { people().order_by(huge); });
  expect_limit_message(what, "Person", max_lookup_length, "max_lookup_length", huge.size());
}

TEST_P(LookupLimitsTest, SelectRelatedChecksItsPaths) {
  const std::string path = repeat("mentor__", max_lookup_parts) + "mentor";
  std::string what = covet::test::error_message<covet::FieldError>([&] { people().select_related(path); });
  expect_limit_message(what, "Person", max_lookup_parts, "max_lookup_parts", max_lookup_parts + 1);
  const std::string huge = repeat("mentor__", 3000) + "mentor";
  what = covet::test::error_message<covet::FieldError>([&] { people().select_related("mentor", huge); });
  expect_limit_message(what, "Person", max_lookup_length, "max_lookup_length", huge.size());
}

TEST_P(LookupLimitsTest, PrefetchRelatedChecksItsLookups) {
  const std::string lookup = repeat("mentees__", max_lookup_parts) + "mentees";
  std::string what = covet::test::error_message<covet::FieldError>([&] { people().prefetch_related(lookup); });
  expect_limit_message(what, "Person", max_lookup_parts, "max_lookup_parts", max_lookup_parts + 1);
  const std::string huge(max_lookup_length + 1, 'x');
  what = covet::test::error_message<covet::FieldError>(
      [&] { authors().prefetch_related(covet::Prefetch(huge, database->objects<library::Book>())); });
  expect_limit_message(what, "Author", max_lookup_length, "max_lookup_length", huge.size());
}

TEST_P(LookupLimitsTest, DatabasePrefetchChecksItsLookups) {
  std::vector<library::Author> loaded = authors().fetch();
  const std::string huge(max_lookup_length + 1, 'x');
  std::string what = covet::test::error_message<covet::FieldError>([&] { database->prefetch(loaded, huge); });
  expect_limit_message(what, "Author", max_lookup_length, "max_lookup_length", huge.size());
  const std::string deep = repeat("books__author__", max_lookup_parts) + "books";
  what = covet::test::error_message<covet::FieldError>([&] { database->prefetch(loaded, deep); });
  expect_limit_message(what, "Author", max_lookup_parts, "max_lookup_parts", 2 * max_lookup_parts + 1);
}

TEST_P(LookupLimitsTest, OnlyAndDeferCheckTheirNames) {
  const std::string huge(max_lookup_length + 1, 'x');
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().only("title", huge); });
  expect_limit_message(what, "Book", max_lookup_length, "max_lookup_length", huge.size());
  what = covet::test::error_message<covet::FieldError>([&] { books().defer(huge); });
  expect_limit_message(what, "Book", max_lookup_length, "max_lookup_length", huge.size());
}

TEST_P(LookupLimitsTest, UpdateAndBulkUpdateCheckTheirFieldNames) {
  const std::string huge(max_lookup_length + 1, 'x');
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().update({{huge, 1}}); });
  expect_limit_message(what, "Book", max_lookup_length, "max_lookup_length", huge.size());
  std::vector<library::Book> rows = books().fetch();
  what = covet::test::error_message<covet::FieldError>([&] { database->bulk_update(rows, {"title", huge}); });
  expect_limit_message(what, "Book", max_lookup_length, "max_lookup_length", huge.size());
}

TEST_P(LookupLimitsTest, ADeeplyNestedConditionIsAFieldError) {
  Q q("title", "x");
  for (std::size_t i = 0; i < max_q_depth; ++i) q = ~q;  // depth max_q_depth + 1
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().filter(q); });
  expect_limit_message(what, "Book", max_q_depth, "max_q_depth", max_q_depth + 1);
  EXPECT_THROW(books().exclude(q), covet::FieldError);
  EXPECT_THROW(books().get(q), covet::FieldError);
}

TEST_P(LookupLimitsTest, AHundredThousandLevelsOfNestingAreAFieldErrorNotACrash) {
  Q q("title", "x");
  for (int i = 0; i < 100000; ++i) q = (i % 2 == 0) ? (q | Q("title", "y")) : (q & Q("pages", 1));
  std::string what = covet::test::error_message<covet::FieldError>([&] { books().filter(q); });
  expect_limit_message(what, "Book", max_q_depth, "max_q_depth", 100001);
  // Rendering and destroying such a tree must not overflow the stack either.
  EXPECT_LT(q.to_string().size(), 100000u);
}

TEST_P(LookupLimitsTest, NestingAtTheLimitWorks) {
  Q q("title", "C++ Primer");
  for (std::size_t i = 1; i < max_q_depth; ++i) q = ~q;  // depth max_q_depth: 63 NOTs, so NOT (title = ...)
  EXPECT_EQ(titles(books().filter(q)), (Titles{"100% Pure_Fun", "Advanced Python", "Python Guide", "Élan vital"}));
  EXPECT_EQ(titles(books().exclude(q)), (Titles{"C++ Primer"}));
}

TEST_P(LookupLimitsTest, PathsAtTheLimitWorkInEveryEntry) {
  const std::size_t relations = max_lookup_parts - 1;  // and the field: max_lookup_parts parts
  make_chain(relations + 1);
  const std::string path = repeat("mentor__", relations);
  // p31's mentor chain reaches p0 after 31 steps.
  auto found = people().filter(path + "name", "p0").fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().name, "p" + std::to_string(relations));
  EXPECT_EQ(people().order_by(path + "name").fetch().size(), relations + 2);
  auto loaded = people().select_related(path.substr(0, path.size() - 2)).filter("name", found.front().name).fetch();
  ASSERT_EQ(loaded.size(), 1u);
  const qry::Person* at = &loaded.front();
  for (std::size_t i = 0; i < relations; ++i) {
    ASSERT_TRUE(at->mentor && at->mentor->is_loaded()) << "level " << i;
    at = &at->mentor->get();
  }
  EXPECT_EQ(at->name, "p0");
  EXPECT_EQ(people().filter(repeat("mentees__", relations - 1) + "name", "p" + std::to_string(relations)).count(), 1);
}

TEST_P(LookupLimitsTest, TheDeepestConditionRunsOnBothBackends) {
  // Every level alternates NOT and AND over a to-many isnull leaf (whose SQL
  // is itself an OR of two subqueries): the nesting SQLite's parser must
  // take. count() of a slice and update() wrap the WHERE in one more query.
  Q q("books__editor__isnull", true);
  for (std::size_t depth = 1; depth < max_q_depth; ++depth)
    q = depth % 2 ? ~q : (q & Q("books__title__contains", "o"));
  ASSERT_EQ(q.node()->depth, max_q_depth);
  EXPECT_NO_THROW(authors().filter(q).fetch());
  EXPECT_NO_THROW(authors().exclude(q).slice(0, 2).count());
  EXPECT_NO_THROW(authors().filter(q).update({{"age", 1}}));
}

TEST_P(LookupLimitsTest, AManyToManyChainAtTheLimitRuns) {
  // Each many-to-many step joins two tables: the longest path stays within
  // SQLite's 64 tables per SELECT.
  auto& db = *database;
  blog::User ann = db.create(blog::User{.username = "ann"});
  blog::User ben = db.create(blog::User{.username = "ben"});
  ann.friends.add(ben);
  const std::string lookup = repeat("friends__", max_lookup_parts - 1) + "username";
  // Friendship is symmetrical: ann -> ben -> ann ... ends at ben after an odd number of steps.
  static_assert((max_lookup_parts - 1) % 2 == 1);
  auto found = db.objects<blog::User>().filter(lookup, "ben").fetch();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().username, "ann");
}

COVET_INSTANTIATE_BACKENDS(LookupLimitsTest);

}  // namespace
}  // namespace query_test

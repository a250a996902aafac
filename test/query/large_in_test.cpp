// `in` with more values than a statement may bind (PostgreSQL allows 65,535
// parameters): a long list is one parameter -- an array (= ANY($1::type[]))
// on PostgreSQL, a JSON array (IN (SELECT value FROM json_each(?))) on
// SQLite -- while a short list stays one placeholder per value. Every column
// type, exclude(), and lists across relations, with 70,000 values.
#include "models/records.hpp"
#include "query/library_fixture.hpp"

#include <covet/testing.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace query_test {
namespace {

using records::Sample;

constexpr std::size_t kMany = 70000;

class LargeInTest : public LibraryTest {
 protected:
  void SetUp() override {
    LibraryTest::SetUp();
    if (IsSkipped()) return;
    first = database->create(Sample{.i64 = 7, .flag = true, .f64 = 1.5, .text = "he said \"hi\", {x} \\ back",
                                    .at = sys_days(2020y / 1 / 1) + 1us, .day = sys_days(2020y / 1 / 1),
                                    .blob = {std::byte{0}, std::byte{1}}});
    second = database->create(Sample{.i64 = -9000000000, .flag = false, .f64 = -2.25, .text = "Zoë, 'quoted'",
                                     .at = sys_days(2021y / 6 / 1) + 12h, .day = sys_days(2021y / 6 / 1),
                                     .blob = {std::byte{0xff}}});
    third = database->create(Sample{.i64 = 12, .flag = true, .f64 = 3.0, .text = "plain",
                                    .at = sys_days(2022y / 2 / 2), .day = sys_days(2022y / 2 / 2), .blob = {}});
  }

  covet::QuerySet<Sample> samples() { return database->objects<Sample>(); }

  // The ids a query returns, sorted.
  static std::vector<std::int64_t> ids(const covet::QuerySet<Sample>& qs) {
    std::vector<std::int64_t> out;
    for (const Sample& s : qs.fetch()) out.push_back(s.id.value());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::int64_t> first_and_second() const { return {first.id.value(), second.id.value()}; }

  // `kMany` values: `a`, `b` and others made by make(i), none equal to a row's.
  template <class T, class F>
  static std::vector<T> many(T a, T b, F make) {
    std::vector<T> out;
    out.reserve(kMany);
    for (std::size_t i = 0; out.size() + 2 < kMany; ++i) out.push_back(T(make(i)));
    out.insert(out.begin() + 1000, a);
    out.push_back(b);
    return out;
  }

  // The one statement fn() runs.
  template <class F>
  covet::QueryLogEntry only_statement(F&& fn) {
    covet::QueryCounter counter(*database);
    fn();
    EXPECT_EQ(counter.count(), 1u);
    return counter.entries().empty() ? covet::QueryLogEntry{} : counter.entries().front();
  }

  Sample first, second, third;
};

TEST_P(LargeInTest, SeventyThousandKeysAreOneParameter) {
  std::vector<std::int64_t> keys = many<std::int64_t>(first.id.value(), second.id.value(),
                                                      [](std::size_t i) { return std::int64_t(1000000 + i); });
  covet::QueryLogEntry run = only_statement([&] { EXPECT_EQ(ids(samples().filter("id__in", keys)), first_and_second()); });
  EXPECT_EQ(run.params.size(), 1u) << run.sql;
}

TEST_P(LargeInTest, AShortListKeepsOnePlaceholderPerValue) {
  covet::QueryLogEntry run = only_statement([&] {
    EXPECT_EQ(ids(samples().filter("id__in", first_and_second())), first_and_second());
  });
  EXPECT_EQ(run.params.size(), 2u) << run.sql;
  EXPECT_NE(run.sql.find(is_sqlite() ? "IN (?, ?)" : "IN ($1, $2)"), std::string::npos) << run.sql;
}

TEST_P(LargeInTest, ExcludeWithSeventyThousandKeys) {
  std::vector<std::int64_t> keys = many<std::int64_t>(first.id.value(), second.id.value(),
                                                      [](std::size_t i) { return std::int64_t(1000000 + i); });
  EXPECT_EQ(ids(samples().exclude("id__in", keys)), (std::vector<std::int64_t>{third.id.value()}));
}

TEST_P(LargeInTest, IntegerColumns) {
  auto values = many<std::int64_t>(7, -9000000000, [](std::size_t i) { return std::int64_t(100000 + i); });
  EXPECT_EQ(ids(samples().filter("i64__in", values)), first_and_second());
}

TEST_P(LargeInTest, TextColumnsWithQuotesBracesCommasBackslashesAndNonAscii) {
  auto values = many<std::string>(first.text, second.text, [](std::size_t i) { return "k\"{" + std::to_string(i) + "},\\"; });
  EXPECT_EQ(ids(samples().filter("text__in", values)), first_and_second());
}

TEST_P(LargeInTest, RealColumns) {
  auto values = many<double>(1.5, -2.25, [](std::size_t i) { return 10.125 + static_cast<double>(i); });
  EXPECT_EQ(ids(samples().filter("f64__in", values)), first_and_second());
  auto integers = many<std::int64_t>(3, 4, [](std::size_t i) { return std::int64_t(100 + i); });
  EXPECT_EQ(ids(samples().filter("f64__in", integers)), (std::vector<std::int64_t>{third.id.value()}))
      << "integers for a real column";
}

TEST_P(LargeInTest, BoolColumns) {
  std::vector<bool> values(kMany, false);
  EXPECT_EQ(ids(samples().filter("flag__in", values)), (std::vector<std::int64_t>{second.id.value()}));
}

TEST_P(LargeInTest, DateAndTimestampColumns) {
  auto dates = many<sys_days>(first.day, second.day, [](std::size_t i) { return sys_days(2100y / 1 / 1) + days(static_cast<int>(i)); });
  EXPECT_EQ(ids(samples().filter("day__in", dates)), first_and_second());
  using Micros = sys_time<microseconds>;
  auto times = many<Micros>(first.at, second.at, [](std::size_t i) { return Micros(sys_days(1990y / 1 / 1)) + seconds(static_cast<std::int64_t>(i)); });
  EXPECT_EQ(ids(samples().filter("at__in", times)), first_and_second());
}

TEST_P(LargeInTest, BlobColumns) {
  using Bytes = std::vector<std::byte>;
  auto values = many<Bytes>(first.blob, second.blob, [](std::size_t i) {
    return Bytes{std::byte(i & 0xff), std::byte((i >> 8) & 0xff), std::byte(0x80 | (i >> 16))};
  });
  EXPECT_EQ(ids(samples().filter("blob__in", values)), first_and_second());
  EXPECT_EQ(ids(samples().exclude("blob__in", values)), (std::vector<std::int64_t>{third.id.value()}));
}

TEST_P(LargeInTest, AcrossAForeignKeyAndAReverseForeignKey) {
  auto keys = many<std::int64_t>(alice.id.value(), zoe.id.value(), [](std::size_t i) { return std::int64_t(5000000 + i); });
  EXPECT_EQ(titles(books().filter("author__in", keys)),
            (Titles{"100% Pure_Fun", "Advanced Python", "Python Guide", "Élan vital"}));
  EXPECT_EQ(titles(books().filter("author__id__in", keys).exclude("editor__in", keys)),
            (Titles{"100% Pure_Fun", "Advanced Python", "Python Guide", "Élan vital"}));
  auto book_keys = many<std::int64_t>(primer.id.value(), pure.id.value(), [](std::size_t i) { return std::int64_t(5000000 + i); });
  EXPECT_EQ(names(authors().filter("books__in", book_keys)), (std::vector<std::string>{"Bob", "Zoë Ångström"}));
  EXPECT_EQ(names(authors().exclude("books__id__in", book_keys)), (std::vector<std::string>{"Alice", "carol"}));
  auto names_in = many<std::string>("Bob", "carol", [](std::size_t i) { return "n" + std::to_string(i); });
  EXPECT_EQ(titles(books().filter("editor__name__in", names_in)), (Titles{"Python Guide", "Élan vital"}));
}

COVET_INSTANTIATE_BACKENDS(LargeInTest);

}  // namespace
}  // namespace query_test

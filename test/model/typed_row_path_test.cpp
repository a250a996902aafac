// The typed row path (runtime/object_loader.cpp load_column): a column read
// with the backend's typed accessor (Row::read_int64 / read_real /
// read_text) and stored by the member's typed setter gives exactly what the
// generic path gives (Row::value() into MemberInfo::set): the same member
// values for every column type, NULLs included, and the same errors.
#include "database_access.hpp"
#include "object_loader.hpp"

#include "models/records.hpp"
#include "support/database_fixture.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace {

using covet::test::DatabaseTest;
using records::Album;
using records::Genre;
using records::Musician;
using records::Sample;

class TypedRowPathTest : public DatabaseTest {
 protected:
  covet::Database& db() { return *database; }
  covet::detail::Connection& connection() { return *covet::detail::DatabaseAccess::state(db())->connection; }

  // The SELECT of every column of `model`, in the order objects load them.
  static std::string select_all(const covet::ModelInfo& model) {
    std::string sql = "SELECT ";
    const auto& columns = covet::detail::column_members(model);
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", \"" : "\"") + columns[i]->column + "\"";
    return sql + " FROM \"" + model.table + "\" ORDER BY \"id\"";
  }

  // Loads every row of T's table through the generic path only: each column
  // as a Value, into `set`.
  template <class T>
  std::vector<T> load_generic() {
    const covet::ModelInfo& model = covet::model_info<T>();
    std::vector<T> out;
    connection().execute(select_all(model), {}, [&](const covet::detail::Row& row) {
      T& object = out.emplace_back();
      int column = 0;
      for (const covet::MemberInfo* m : covet::detail::column_members(model)) m->set(&object, row.value(column++));
    });
    return out;
  }

  // Every column member of a and b reads the same.
  template <class T>
  static void expect_same_columns(const T& a, const T& b) {
    for (const covet::MemberInfo* m : covet::detail::column_members(covet::model_info<T>()))
      EXPECT_EQ(m->get(&a), m->get(&b)) << "member " << m->name;
  }

  static Sample extreme_sample() {
    Sample s;
    s.i8 = std::numeric_limits<std::int8_t>::min();
    s.i16 = std::numeric_limits<std::int16_t>::max();
    s.i32 = std::numeric_limits<std::int32_t>::min();
    s.i64 = std::numeric_limits<std::int64_t>::max();
    s.u8 = 255;
    s.u16 = 65535;
    s.u32 = 4000000000u;
    s.u64 = 1234567890123ull;
    s.flag = true;
    s.f32 = -1.5f;
    s.f64 = 1e300;
    s.text = "caf\xC3\xA9 \xE2\x82\xAC, 'quoted' \"text\"";
    s.maybe_text = "";
    s.maybe_int = std::numeric_limits<std::int64_t>::min();
    s.genre = Genre::Jazz;
    s.at = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(1709214330123456));
    s.at_seconds = std::chrono::sys_seconds(std::chrono::seconds(-86400));
    s.day = std::chrono::sys_days(std::chrono::days(19782));
    s.maybe_day = std::chrono::sys_days(std::chrono::days(-1));
    s.blob = {std::byte{0}, std::byte{0xFF}};
    s.maybe_blob = std::vector<std::uint8_t>{1, 2, 3};
    return s;
  }
};

TEST_P(TypedRowPathTest, LoadsEveryColumnTypeAsTheGenericPathDoes) {
  db().create(Sample{});  // defaults: zeros, empty text, NULL optionals
  db().create(extreme_sample());
  const std::vector<Sample> typed = db().objects<Sample>().order_by("id").fetch();
  const std::vector<Sample> generic = load_generic<Sample>();
  ASSERT_EQ(typed.size(), 2u);
  ASSERT_EQ(generic.size(), 2u);
  for (std::size_t i = 0; i < typed.size(); ++i) expect_same_columns(typed[i], generic[i]);
  EXPECT_EQ(typed[1].i64, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(typed[1].text, extreme_sample().text);
  EXPECT_EQ(typed[1].maybe_text, std::optional<std::string>(""));
  EXPECT_EQ(typed[0].maybe_text, std::nullopt);
  EXPECT_EQ(typed[0].maybe_int, std::nullopt);
  EXPECT_EQ(typed[1].f64, 1e300);
  EXPECT_TRUE(typed[1].flag);
}

TEST_P(TypedRowPathTest, OverwritesTheMembersOfAReusedObject) {
  // A text member keeps its buffer and takes the new value whole; an
  // optional member that held a value is given the row's.
  Sample first = extreme_sample();
  first.text = std::string(200, 'x');
  first = db().create(first);
  Sample second;
  second.text = "short";
  second.maybe_text = "b";
  second = db().create(second);
  Sample object = db().objects<Sample>().get("id", first.id);
  ASSERT_EQ(object.text, std::string(200, 'x'));
  const covet::ModelInfo& model = covet::model_info<Sample>();
  connection().execute(select_all(model), {}, [&](const covet::detail::Row& row) {
    int column = 0;
    for (const covet::MemberInfo* m : covet::detail::column_members(model))
      covet::detail::load_column(*m, &object, row, column++);
  });
  expect_same_columns(object, db().objects<Sample>().get("id", second.id));
  EXPECT_EQ(object.text, "short");
  EXPECT_EQ(object.maybe_text, std::optional<std::string>("b"));
}

TEST_P(TypedRowPathTest, LoadsRelationKeysAsTheGenericPathDoes) {
  const Musician m = db().create(Musician{.name = "Nina", .stage_name = "N", .bio = std::nullopt});
  db().create(Album{.title = "A", .year = 1959, .artist = m, .producer = std::nullopt});
  db().create(Album{.title = "B", .year = 1964, .artist = m, .producer = m});
  const std::vector<Album> typed = db().objects<Album>().order_by("id").fetch();
  const std::vector<Album> generic = load_generic<Album>();
  ASSERT_EQ(typed.size(), 2u);
  for (std::size_t i = 0; i < typed.size(); ++i) expect_same_columns(typed[i], generic[i]);
  EXPECT_EQ(typed[0].producer, std::nullopt);
  ASSERT_TRUE(typed[1].producer.has_value());
  EXPECT_EQ(typed[1].producer->key(), covet::Value(m.id.value()));
}

TEST_P(TypedRowPathTest, AnIntegerOutOfTheMembersRangeFailsAsOnTheGenericPath) {
  db().create(Sample{});
  connection().execute("UPDATE \"rec_sample\" SET \"i8\" = 1000", {});
  const covet::MemberInfo& i8 = *covet::model_info<Sample>().member("i8");
  std::string generic_error;
  try {
    Sample s;
    i8.set(&s, covet::Value(std::int64_t{1000}));
  } catch (const covet::Error& e) {
    generic_error = e.what();
  }
  ASSERT_FALSE(generic_error.empty());
  try {
    db().objects<Sample>().fetch();
    FAIL() << "an int8 member took 1000";
  } catch (const covet::UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot load Sample.i8 from column 'i8': " + generic_error);
  }
}

TEST_P(TypedRowPathTest, RowTypedReadsAnswerExactlyWhenValueHasThatKind) {
  const char* sql = is_sqlite() ? "SELECT 42, -1.25, 'text', NULL, X'00FF', ''"
                                : "SELECT 42::bigint, -1.25::float8, 'text'::text, NULL, '\\x00ff'::bytea, ''::text";
  int rows = 0;
  connection().execute(sql, {}, [&](const covet::detail::Row& row) {
    ++rows;
    for (int c = 0; c < row.size(); ++c) {
      const covet::Value v = row.value(c);
      std::int64_t i = 0;
      double d = 0;
      std::string_view t;
      EXPECT_EQ(row.read_int64(c, i), v.is_integer()) << "column " << c;
      if (v.is_integer()) {
        EXPECT_EQ(i, v.as_integer());
      }
      EXPECT_EQ(row.read_real(c, d), v.is_real()) << "column " << c;
      if (v.is_real()) {
        EXPECT_EQ(d, v.as_real());
      }
      EXPECT_EQ(row.read_text(c, t), v.is_text()) << "column " << c;
      if (v.is_text()) {
        EXPECT_EQ(std::string(t), v.as_text());
      }
    }
  });
  EXPECT_EQ(rows, 1);
}

TEST_P(TypedRowPathTest, LoadTypedStopsAtAColumnItCannotReadAndResumesAfterIt) {
  // Row::load_typed reads the plan's columns in one call, stops where a
  // column does not hold its kind (a NULL here, or a plan entry without a
  // typed read) and leaves `at` there; the loader reads that one column
  // through value() and resumes after it.
  const covet::ModelInfo& model = covet::model_info<Sample>();
  const covet::detail::ColumnPlan plan = covet::detail::column_plan(
      {model.member("i64"), model.member("maybe_int"), model.member("text"), model.member("day"),
       model.member("f64")});
  ASSERT_EQ(plan[3].kind, covet::detail::TypedColumn::Kind::Value);  // a date has no typed read
  const char* sql = is_sqlite() ? "SELECT 7, NULL, 'seven', '2024-02-29', 0.5"
                                : "SELECT 7::bigint, NULL::bigint, 'seven'::text, '2024-02-29'::text, 0.5::float8";
  Sample s;
  s.maybe_int = 99;
  std::vector<std::size_t> stops;
  connection().execute(sql, {}, [&](const covet::detail::Row& row) {
    std::size_t at = 0;
    for (;;) {
      row.load_typed(plan, 0, &s, at);
      stops.push_back(at);
      if (at == plan.size()) break;
      plan[at].member->set(&s, row.value(static_cast<int>(at)));
      ++at;
    }
  });
  EXPECT_EQ(stops, (std::vector<std::size_t>{1, 3, 5}));
  EXPECT_EQ(s.i64, 7);
  EXPECT_EQ(s.maybe_int, std::nullopt);
  EXPECT_EQ(s.text, "seven");
  EXPECT_EQ(s.day, std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(2024), std::chrono::month(2),
                                                                      std::chrono::day(29))));
  EXPECT_EQ(s.f64, 0.5);
}

TEST_P(TypedRowPathTest, ATextWhereAnIntegerBelongsIsReadByTheGenericPathAndNamed) {
  // A column holding another kind than its member's (SQLite stores what it
  // is given; any backend's hand-written SELECT can say anything) leaves the
  // typed reads for value() and `set`, whose error names the member.
  const covet::ModelInfo& model = covet::model_info<Sample>();
  const covet::MemberInfo& i32 = *model.member("i32");
  std::string generic_error;
  try {
    Sample s;
    i32.set(&s, covet::Value("many"));
  } catch (const covet::Error& e) {
    generic_error = e.what();
  }
  ASSERT_FALSE(generic_error.empty());
  const std::string sql = is_sqlite() ? "SELECT 5, 'many'" : "SELECT 5::bigint, 'many'::text";
  std::string error;
  connection().execute(sql, {}, [&](const covet::detail::Row& row) {
    Sample s;
    try {
      covet::detail::set_columns(model, {model.member("i64"), &i32}, row, 0, &s);
    } catch (const covet::UsageError& e) {
      error = e.what();
    }
    EXPECT_EQ(s.i64, 5) << "the column before it was read";
  });
  EXPECT_EQ(error, "cannot load Sample.i32 from column 'i32': " + generic_error);
}

COVET_INSTANTIATE_BACKENDS(TypedRowPathTest);

}  // namespace

// The CREATE TABLE statement of a multi-table child, white-box, for both
// dialects, from metadata written by hand: what create_all runs (the
// suites of multi_table_write_test.cpp check the tables it makes), and the
// unique_together a child's table cannot hold.
#include "schema/schema_builder.hpp"

#include <covet/errors.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

using covet::detail::Dialect;

covet::MemberInfo column(std::string name, covet::ColumnType type, const covet::ModelInfo* declared_by) {
  covet::MemberInfo m;
  m.kind = covet::MemberKind::Column;
  m.column = name;
  m.name = std::move(name);
  m.type = type;
  m.primary_key = type == covet::ColumnType::AutoId;
  m.declared_by = declared_by;
  return m;
}

// Place (id, address) <- Restaurant (address inherited, stars): Django's example.
struct Models {
  covet::ModelInfo place, restaurant;

  Models() {
    place.name = "Place";
    place.table = "place";
    place.members = {column("id", covet::ColumnType::AutoId, &place),
                     column("address", covet::ColumnType::Text, &place)};
    restaurant.name = "Restaurant";
    restaurant.table = "restaurant";
    restaurant.inheritance = covet::Inheritance::MultiTable;
    restaurant.parent_link = "place_ptr_id";
    restaurant.parent_model = &place;
    restaurant.members = {column("id", covet::ColumnType::AutoId, &place),
                          column("address", covet::ColumnType::Text, &place),
                          column("stars", covet::ColumnType::Integer, &restaurant)};
    for (covet::ModelInfo* m : {&place, &restaurant}) {
      m->root_model = &place;
      for (covet::MemberInfo& member : m->members) {
        m->columns.push_back(&member);
        if (member.primary_key) m->primary_key = &member;
      }
    }
  }
};

class MultiTableSchemaTest : public ::testing::TestWithParam<Dialect> {};

TEST_P(MultiTableSchemaTest, ChildTableIsItsParentLinkAndItsOwnColumns) {
  const Models models;
  const std::string sql = covet::detail::create_table_sql(GetParam(), models.restaurant);
  if (GetParam() == Dialect::SQLite)
    EXPECT_EQ(sql,
              "CREATE TABLE \"restaurant\" (\"place_ptr_id\" BIGINT NOT NULL PRIMARY KEY REFERENCES \"place\" "
              "(\"id\"), \"stars\" INTEGER NOT NULL)");
  else  // the foreign key is added once every table exists
    EXPECT_EQ(sql, "CREATE TABLE \"restaurant\" (\"place_ptr_id\" BIGINT NOT NULL PRIMARY KEY, \"stars\" INTEGER NOT NULL)");
}

TEST_P(MultiTableSchemaTest, ChildsUniqueTogetherOverItsOwnColumnsIsATableConstraint) {
  Models models;
  models.restaurant.unique_together = {{"stars"}};
  const std::string sql = covet::detail::create_table_sql(GetParam(), models.restaurant);
  EXPECT_NE(sql.find("CONSTRAINT \"restaurant_stars_uniq\" UNIQUE (\"stars\")"), std::string::npos) << sql;
}

TEST_P(MultiTableSchemaTest, ChildsUniqueTogetherNamingAParentFieldIsAUsageError) {
  Models models;
  models.restaurant.unique_together = {{"address", "stars"}};
  try {
    covet::detail::create_table_sql(GetParam(), models.restaurant);
    ADD_FAILURE() << "the constraint was written";
  } catch (const covet::UsageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("unique_together of Restaurant names 'address', a field of Place"), std::string::npos)
        << message;
    EXPECT_NE(message.find("put the constraint on Place"), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, MultiTableSchemaTest, ::testing::Values(Dialect::SQLite, Dialect::PostgreSQL),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                           return info.param == Dialect::SQLite ? std::string("sqlite") : std::string("postgresql");
                         });

}  // namespace

// create_all / drop_all and connecting.
#include "models/records.hpp"
#include "support/database_fixture.hpp"
#include "support/schema_probe.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

using namespace records;

namespace {

class SchemaTest : public covet::test::DatabaseTest {
 protected:
  // What create_all and drop_all do to a schema: a private one per test.
  SchemaTest() { fresh_schema = true; }
  bool table_exists(const std::string& table) {
    auto rows = is_sqlite()
                    ? database->query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                                      {covet::Value(table)})
                    : database->query("SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = $1 AND "
                                      "schemaname = current_schema()",
                                      {covet::Value(table)});
    return rows.at(0).at(0).as_integer() == 1;
  }
  bool index_exists(const std::string& index) { return covet::test::index_exists(*database, is_sqlite(), index); }
};

TEST_P(SchemaTest, CreateAllCreatesEveryModelsTable) {
  for (const char* table : {"rec_musician", "rec_album", "rec_passport", "rec_country", "rec_city", "rec_sample"})
    EXPECT_TRUE(table_exists(table)) << table;
}

TEST_P(SchemaTest, CreateAllIsIdempotent) {
  database->create(Musician{.name = "Ann", .stage_name = "A"});
  EXPECT_NO_THROW(database->create_all());
  EXPECT_EQ(database->objects<Musician>().count(), 1) << "existing tables and rows are kept";
}

TEST_P(SchemaTest, EveryForeignKeyIsIndexed) {
  EXPECT_TRUE(index_exists("rec_album_artist_id_idx"));
  EXPECT_TRUE(index_exists("rec_album_producer_id_idx"));
  EXPECT_TRUE(index_exists("rec_city_country_id_idx"));
}

TEST_P(SchemaTest, DropAllRemovesEveryTable) {
  Musician ann = database->create(Musician{.name = "Ann", .stage_name = "A"});
  database->create(Album{.title = "x", .artist = ann});
  database->drop_all();
  EXPECT_FALSE(table_exists("rec_musician"));
  EXPECT_FALSE(table_exists("rec_album"));
}

TEST_P(SchemaTest, DropAllThenCreateAllStartsEmpty) {
  database->create(Musician{.name = "Ann", .stage_name = "A"});
  database->drop_all();
  database->create_all();
  EXPECT_EQ(database->objects<Musician>().count(), 0);
}

TEST_P(SchemaTest, BackendNameIsReported) {
  EXPECT_EQ(database->backend(), GetParam());
}

TEST_P(SchemaTest, RawQueriesBindParameters) {
  database->create(Musician{.name = "O'Brien", .stage_name = "A"});
  auto rows = database->query(is_sqlite() ? "SELECT name FROM rec_musician WHERE name = ?"
                                          : "SELECT name FROM rec_musician WHERE name = $1",
                              {covet::Value("O'Brien")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].as_text(), "O'Brien");
}

COVET_INSTANTIATE_BACKENDS(SchemaTest);

TEST(ConnectTest, UnknownSchemeIsAnOperationalError) {
  EXPECT_THROW(covet::connect("mysql://localhost/db"), covet::OperationalError);
}

TEST(ConnectTest, UnopenableSqliteFileIsAnOperationalError) {
  EXPECT_THROW(covet::connect("sqlite:////nonexistent-dir/covet/x.db"), covet::OperationalError);
}

TEST(ConnectTest, UnreachablePostgresIsAnOperationalError) {
  EXPECT_THROW(covet::connect("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"),
               covet::OperationalError);
}

TEST(ConnectTest, SqliteFileKeepsDataAcrossConnections) {
  auto path = std::filesystem::temp_directory_path() / ("covet_schema_test_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    covet::Database db = covet::connect("sqlite:///" + path.string());
    db.create_all();
    db.create(Musician{.name = "Ann", .stage_name = "A"});
  }
  {
    covet::Database db = covet::connect("sqlite:///" + path.string());
    EXPECT_EQ(db.objects<Musician>().get("stage_name", "A").name, "Ann");
  }
  std::filesystem::remove(path);
}

class LostConnectionTest : public covet::test::DatabaseTest {};

TEST_P(LostConnectionTest, QueryAfterTheServerDroppedTheConnectionIsAnOperationalError) {
  if (is_sqlite()) GTEST_SKIP() << "an embedded SQLite database has no connection to lose";
  auto pid = database->query("SELECT pg_backend_pid()").at(0).at(0);
  covet::Database killer = covet::connect(url);
  killer.query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))", {pid});
  EXPECT_THROW(database->objects<Musician>().count(), covet::OperationalError);
}

COVET_INSTANTIATE_BACKENDS(LostConnectionTest);

}  // namespace

// SQLite URLs (issue 10, item 10): a NUL byte in a path is refused, "file:"
// URIs are SQLite URIs on purpose (read-only and shared in-memory opens), and
// a long name is cut to an excerpt in every message.
#include "backend/connection.hpp"
#include "models/conn.hpp"
#include "support/error_message.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

namespace {

constexpr auto npos = std::string::npos;

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("covet_conn_" + std::to_string(::getpid()) + "_" + name);
}

// A database file with the test tables and one note in it.
std::filesystem::path make_database(const std::string& name) {
  const auto path = temp_path(name);
  std::filesystem::remove(path);
  covet::Database db = covet::connect("sqlite:///" + path.string());
  db.create_all();
  db.create(conn::ConnNote{.text = "kept"});
  return path;
}

TEST(SqliteUrl, NulByteInTheFileNameIsRefused) {
  const auto dir = temp_path("nul_dir");
  std::filesystem::create_directories(dir);
  const std::string url = "sqlite:///" + (dir / "a").string() + std::string(1, '\0') + "b.db";
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { covet::connect(url); });
  EXPECT_NE(what.find("NUL byte at offset"), npos) << what;
  EXPECT_FALSE(std::filesystem::exists(dir / "a")) << "the name must not be cut at the NUL and opened";
  std::filesystem::remove_all(dir);
}

TEST(SqliteUrl, FileUriWithModeRoOpensReadOnly) {
  const auto path = make_database("ro.db");
  covet::Database db = covet::connect("sqlite:///file:" + path.string() + "?mode=ro");
  EXPECT_EQ(db.objects<conn::ConnNote>().count(), 1);
  EXPECT_NO_THROW(db.atomic([&] { (void)db.objects<conn::ConnNote>().count(); }))
      << "a scope that only reads works on a read-only database";
  try {
    db.create(conn::ConnNote{.text = "refused"});
    FAIL() << "the database was opened read-only";
  } catch (const covet::OperationalError& e) {
    EXPECT_NE(std::string(e.what()).find("read-only"), npos) << e.what();
    EXPECT_EQ(e.code().rfind("SQLITE_READONLY", 0), 0u) << e.code();
  }
  std::filesystem::remove(path);
}

TEST(SqliteUrl, FileUriWithModeRoOfAMissingFileIsOperationalError) {
  const auto path = temp_path("missing.db");
  std::filesystem::remove(path);
  EXPECT_THROW(covet::connect("sqlite:///file:" + path.string() + "?mode=ro"), covet::OperationalError);
  EXPECT_FALSE(std::filesystem::exists(path)) << "mode=ro must not create the file";
}

TEST(SqliteUrl, FileUriSharesAnInMemoryDatabaseBetweenConnections) {
  const std::string url = "sqlite:///file:covet_conn_shared_" + std::to_string(::getpid()) + "?mode=memory&cache=shared";
  covet::Database first = covet::connect(url);
  first.create_all();
  first.create(conn::ConnNote{.text = "shared"});
  covet::Database second = covet::connect(url);
  EXPECT_EQ(second.objects<conn::ConnNote>().count(), 1);
  EXPECT_FALSE(std::filesystem::exists("file:covet_conn_shared_" + std::to_string(::getpid())))
      << "a file: URI is not a file name";
}

TEST(SqliteUrl, PlainPathStillOpensAFile) {
  const auto path = make_database("plain.db");
  EXPECT_EQ(covet::connect("sqlite:///" + path.string()).objects<conn::ConnNote>().count(), 1);
  std::filesystem::remove(path);
}

TEST(SqliteUrl, LongFileNameIsCutInTheMessageSayingItsLength) {
  const std::string url = "sqlite:////nonexistent-covet-dir/" + std::string(1 << 20, 'n') + ".db";
  const std::string what = covet::test::error_message<covet::OperationalError>([&] { covet::connect(url); });
  EXPECT_LT(what.size(), 1000u) << "a 1 MB name must not make a 1 MB message";
  EXPECT_NE(what.find("(" + std::to_string(url.size()) + " bytes)"), npos) << what;
  EXPECT_NE(what.find("/nonexistent-covet-dir/nnn"), npos) << "the start stays readable: " << what;
  EXPECT_NE(what.find("nnn.db"), npos) << "and so does the end: " << what;
}

TEST(SqliteUrl, LongUrlsAreCutInEveryMessage) {
  const std::string big(1 << 20, 'x');
  for (const std::string& url : {"mysql://" + big, "sqlite://" + big, "postgresql:///" + big + "?host=/nonexistent-covet-sock",
                                 "host=/nonexistent-covet-sock dbname=" + big, big}) {
    const std::string what = covet::test::error_message<covet::OperationalError>([&] { covet::connect(url); });
    EXPECT_LT(what.size(), 2000u) << url.substr(0, 20);
    EXPECT_NE(what.find("bytes"), npos) << what;
  }
}

}  // namespace

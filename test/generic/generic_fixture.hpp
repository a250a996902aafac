// The fixture of the generic-relation suites: the test database, and a
// second handle on it (its own content-type cache, its objects from
// queries). On SQLite the database is a file per test, so that a second
// connection sees it (an in-memory one would be a new, empty database).
#pragma once

#include "support/database_fixture.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace covet::test {

class GenericTest : public DatabaseTest {
 protected:
  void SetUp() override {
    if (std::string why = skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    if (!is_sqlite()) return DatabaseTest::SetUp();
    static std::atomic<int> counter{0};
    file_ = std::filesystem::temp_directory_path() /
            ("covet-generic-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(file_);
    url = "sqlite:///" + file_.string();
    database.emplace(covet::connect(url));
    database->create_all();
  }
  void TearDown() override {
    database.reset();
    if (!file_.empty())
      for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(file_.string() + suffix);
  }

  covet::Database& db() { return *database; }
  // Another handle on the same database.
  covet::Database other() { return covet::connect(url); }

 private:
  std::filesystem::path file_;
};

}  // namespace covet::test

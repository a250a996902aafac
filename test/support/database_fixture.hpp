// A database with every test model's tables, all empty, every sequence
// fresh, per test and per backend.
//
//   class CrudTest : public covet::test::DatabaseTest {};
//   TEST_P(CrudTest, CreateAssignsKey) { auto a = db.create(Author{...}); ... }
//   COVET_INSTANTIATE_BACKENDS(CrudTest);
//
// SQLite: a new in-memory database and create_all, per test. PostgreSQL: the
// process's shared schema (shared_backend_url, backends.hpp), emptied before
// each test; create_all, run again by SetUp, finds every table and creates
// none. A test therefore starts exactly as on a new schema (no rows, keys
// from 1), at a few milliseconds instead of the ~0.4 s a CREATE SCHEMA plus
// create_all of every model costs. A test that changes the schema (drop_all,
// CREATE/DROP TABLE, triggers, functions) needs nothing: the next test finds
// the structure changed and gets a new schema. A suite about the schema
// itself (what create_all makes on an empty database, drop_all, names in the
// catalog) asks for a private schema, made for the test and never reused:
//
//   class SchemaTest : public covet::test::DatabaseTest {
//    protected:
//     SchemaTest() { fresh_schema = true; }
//   };
#pragma once

#include "support/backends.hpp"

#include <covet/covet.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace covet::test {

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (std::string why = skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    url = fresh_schema ? backend_url(GetParam()) : shared_backend_url(GetParam());
    database.emplace(covet::connect(url));
    database->create_all();
  }

  // Set in a derived fixture's constructor: a new, private PostgreSQL schema
  // for each test (see the header comment) rather than the shared one.
  bool fresh_schema = false;

  bool is_sqlite() const { return GetParam() == "sqlite"; }

  covet::Database& db_handle() { return *database; }

  std::string url;
  std::optional<covet::Database> database;
};

}  // namespace covet::test

#define COVET_INSTANTIATE_BACKENDS(Suite)                                                     \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(covet::test::backend_names()), \
                           covet::test::backend_test_name)

// Which database backends the test suites run against, and how to get a fresh
// database of each. Every suite that touches a database is parametrized by
// backend name:
//
//   class MyTest : public ::testing::TestWithParam<std::string> {
//     void SetUp() override {
//       if (std::string why = covet::test::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
//       conn_ = covet::test::open_backend(GetParam());   // or covet::connect(backend_url(GetParam()))
//     }
//   };
//   INSTANTIATE_TEST_SUITE_P(Backends, MyTest, ::testing::ValuesIn(covet::test::backend_names()),
//                            covet::test::backend_test_name);
//
// PostgreSQL is reached through the environment variable
// COVET_TEST_POSTGRES_URL (see scripts/pg-test-server.sh); when it is unset,
// skip_reason("postgresql") says so and the PostgreSQL instances skip.
// Each backend_url("postgresql") call creates a new, empty schema in that
// database and returns a URL whose search_path points at it, so tests (and
// test processes running at once) never see each other's tables; the schemas
// are dropped when the process exits. shared_backend_url("postgresql") is the
// cheaper way to the same starting point that DatabaseTest takes: one schema
// per process holding every model's tables, emptied between tests.
#pragma once

#include "backend/connection.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet::test {

// The backend names, in order: {"sqlite", "postgresql"}. Always both, so that
// a missing server shows up as skipped tests rather than as no tests.
std::vector<std::string> backend_names();

// Non-empty when the backend cannot be used in this run, with the reason
// (e.g. "COVET_TEST_POSTGRES_URL is not set; ..."). Empty when it can.
std::string skip_reason(std::string_view name);

// A URL for a fresh, empty database of backend `name`: "sqlite::memory:" for
// "sqlite" (every connection to it is a new database), a private schema of
// COVET_TEST_POSTGRES_URL for "postgresql" (every call makes a new schema;
// connections opened with the same URL share it). Throws std::runtime_error
// for an unknown name or an unavailable backend (check skip_reason first).
std::string backend_url(std::string_view name);

// A URL for a database of backend `name` holding the tables of every
// registered model, every table empty and every sequence fresh: what
// create_all makes in a fresh database, without paying for it per test.
// "sqlite::memory:" for "sqlite" (a new database: run create_all). For
// "postgresql", the process's shared schema: made and filled by create_all on
// first use, emptied on each later call (the tables holding rows are deleted,
// the used sequences restarted, in one statement). A call that finds the
// schema's structure changed since create_all made it (a test ran drop_all
// or other DDL: its catalog fingerprint differs) or cannot empty it (a
// leftover transaction holds a lock for 5 s) drops it and makes a new one,
// so no test sees another's rows, keys or DDL. The previous user must have
// closed its connections (DatabaseTest's are closed with the fixture).
// COVET_TEST_DEBUG_SCHEMA=1 in the environment prints why a shared schema
// was replaced.
std::string shared_backend_url(std::string_view name);

// open_connection(backend_url(name)).
std::unique_ptr<covet::detail::Connection> open_backend(std::string_view name);

// The PostgreSQL server's URL as configured (COVET_TEST_POSTGRES_URL), no
// private schema; empty when unset.
std::string postgres_base_url();

// Test-name generator for INSTANTIATE_TEST_SUITE_P: the backend name itself,
// so tests read "Backends/ConnectionTest.RoundTripsNull/sqlite".
std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace covet::test

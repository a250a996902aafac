// What a database holds, as text to compare before and after an operation:
// every row of every table, or every schema object. The fault-injection
// suites check that a failed write leaves both exactly as they were.
//
//   auto before = covet::test::snapshot_rows(db);
//   EXPECT_THROW(db.erase(publisher), covet::OperationalError);
//   EXPECT_EQ(covet::test::snapshot_rows(db), before);
//
// Rows are rendered with Value::debug_string, one line per row, sorted, so
// that two snapshots compare equal exactly when the tables hold the same
// rows; gtest prints the difference. The tables are read from the catalog
// (sqlite_master, or the current schema's pg_tables), so a table the
// operation left behind shows up too. PostgreSQL sequences are not part of
// a snapshot: they are not transactional.
#pragma once

#include <covet/database.hpp>

#include <map>
#include <string>
#include <vector>

namespace covet::test {

// Table name -> its rows, each "v1 | v2 | ...", sorted.
using RowSnapshot = std::map<std::string, std::vector<std::string>>;

// Every table of the database (SQLite's sqlite_sequence included) and its rows.
RowSnapshot snapshot_rows(covet::Database& db);

// Every table, column, index and constraint of the database, one line each,
// sorted: sqlite_master's rows on SQLite (but SQLite's own sqlite_* tables,
// which it creates on demand and never drops); on PostgreSQL, the current schema's
// columns (type, nullability, default), indexes and constraints.
std::vector<std::string> snapshot_schema(covet::Database& db);

}  // namespace covet::test

// What create_all made, read from the backend's catalog: tests of the schema
// ask whether an index exists without each writing the catalog query.
//
//   EXPECT_TRUE(covet::test::index_exists(*database, is_sqlite(), "vehicle_vehicle_type_idx"));
#pragma once

#include <covet/database.hpp>

#include <string>

namespace covet::test {

// Whether an index named `index` exists (PostgreSQL: in the current schema).
inline bool index_exists(covet::Database& db, bool sqlite, const std::string& index) {
  auto rows = sqlite ? db.query("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
                                {covet::Value(index)})
                     : db.query("SELECT COUNT(*) FROM pg_indexes WHERE indexname = $1 AND "
                                "schemaname = current_schema()",
                                {covet::Value(index)});
  return rows.at(0).at(0).as_integer() == 1;
}

}  // namespace covet::test

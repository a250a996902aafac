#include "support/database_snapshot.hpp"

#include <algorithm>

namespace covet::test {

namespace {

std::string render(const std::vector<Value>& row) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) out += (i ? " | " : "") + row[i].debug_string();
  return out;
}

std::vector<std::string> rendered(const std::vector<std::vector<Value>>& rows) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(render(row));
  std::sort(out.begin(), out.end());
  return out;
}

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

RowSnapshot snapshot_rows(covet::Database& db) {
  const bool sqlite = db.backend() == "sqlite";
  const auto tables = db.query(sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                                      : "SELECT tablename FROM pg_catalog.pg_tables "
                                        "WHERE schemaname = current_schema()");
  RowSnapshot out;
  for (const auto& t : tables) {
    const std::string& name = t.at(0).as_text();
    out[name] = rendered(db.query("SELECT * FROM " + quoted(name)));
  }
  return out;
}

std::vector<std::string> snapshot_schema(covet::Database& db) {
  if (db.backend() == "sqlite")
    return rendered(db.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
  std::vector<std::string> out = rendered(db.query(
      "SELECT 'column', table_name, column_name, data_type, character_maximum_length, is_nullable, "
      "is_identity, column_default FROM information_schema.columns WHERE table_schema = current_schema()"));
  for (const char* sql :
       {"SELECT 'index', tablename, indexname, indexdef FROM pg_catalog.pg_indexes "
        "WHERE schemaname = current_schema()",
        "SELECT 'constraint', c.conrelid::regclass::text, c.conname, pg_catalog.pg_get_constraintdef(c.oid) "
        "FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = current_schema()",
        "SELECT 'sequence', sequence_name FROM information_schema.sequences "
        "WHERE sequence_schema = current_schema()"}) {
    std::vector<std::string> part = rendered(db.query(sql));
    out.insert(out.end(), part.begin(), part.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace covet::test

#include "inheritance/multi_table_rows.hpp"

#include "backend/connection.hpp"
#include "inheritance/table_chain.hpp"
#include "model/column_value.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/errors.hpp>

#include <string>

namespace covet::detail {

namespace {

// Runs a statement about `table`'s rows, naming its model in any error.
ExecResult run(DatabaseState& db, const ModelInfo& table, const std::string& sql, const std::vector<Value>& params,
               const std::function<void(const Row&)>& on_row = {}) {
  if (!db.connection) throw UsageError("the Database has been closed", table.name);
  try {
    return db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(table.name);
    throw;
  }
}

// INSERT of one table's part of the row; `key` null: the database assigns
// it and the statement returns it.
Value insert_part(DatabaseState& db, const ModelInfo& model, const TablePart& part, const void* object,
                  Value key) {
  const Dialect d = db.dialect;
  std::string columns, values;
  std::vector<Value> params;
  auto add = [&](const std::string& column, Value v) {
    columns += (columns.empty() ? "" : ", ") + quote_identifier(d, column);
    params.push_back(std::move(v));
    values += (values.empty() ? "" : ", ") + placeholder(d, static_cast<int>(params.size()));
  };
  if (!key.is_null()) add(*part.key, key);
  for (const MemberInfo* m : part.columns) add(m->column, checked_column_value(model, *m, object));
  std::string sql = "INSERT INTO " + quote_identifier(d, part.model->table) +
                    (columns.empty() ? " DEFAULT VALUES" : " (" + columns + ") VALUES (" + values + ")");
  if (!key.is_null()) {
    run(db, *part.model, sql, params);
    return key;
  }
  sql += " RETURNING " + quote_identifier(d, *part.key);
  run(db, *part.model, sql, params, [&](const Row& row) { key = row.value(0); });
  return key;
}

// Whether `table`'s row with `key` exists.
bool part_exists(DatabaseState& db, const TablePart& part, const Value& key) {
  const Dialect d = db.dialect;
  bool found = false;
  run(db, *part.model,
      "SELECT 1 FROM " + quote_identifier(d, part.model->table) + " WHERE " + quote_identifier(d, *part.key) +
          " = " + placeholder(d, 1),
      {key}, [&](const Row&) { found = true; });
  return found;
}

// UPDATE of one table's part; `only` as update_chain's. Returns the rows
// matched, or -1 when there was nothing to set (no statement ran).
std::int64_t update_part(DatabaseState& db, const ModelInfo& model, const TablePart& part, const void* object,
                         const Value& key, const std::vector<bool>* only) {
  const Dialect d = db.dialect;
  std::string assignments;
  std::vector<Value> params;
  for (std::size_t i = 0; i < part.columns.size(); ++i) {
    if (only && !(*only)[part.positions[i]]) continue;
    const MemberInfo& m = *part.columns[i];
    params.push_back(checked_column_value(model, m, object));
    assignments += (assignments.empty() ? "" : ", ") + quote_identifier(d, m.column) + " = " +
                   placeholder(d, static_cast<int>(params.size()));
  }
  if (assignments.empty()) return -1;
  params.push_back(key);
  return run(db, *part.model,
             "UPDATE " + quote_identifier(d, part.model->table) + " SET " + assignments + " WHERE " +
                 quote_identifier(d, *part.key) + " = " + placeholder(d, static_cast<int>(params.size())),
             params)
      .rows_affected;
}

// Every value is checked before the first statement: a value its column
// cannot hold is a DataError and no table is written.
void check_parts(const ModelInfo& model, const std::vector<TablePart>& parts, const void* object,
                 const std::vector<bool>* only = nullptr) {
  for (const TablePart& part : parts)
    for (std::size_t i = 0; i < part.columns.size(); ++i)
      if (!only || (*only)[part.positions[i]]) checked_column_value(model, *part.columns[i], object);
}

}  // namespace

Value insert_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object) {
  const std::vector<TablePart> parts = table_chain(model);
  check_parts(model, parts, object);
  Value key = model.primary_key->get(object);
  Atomic scope(db);
  for (const TablePart& part : parts) key = insert_part(*db, model, part, object, std::move(key));
  scope.commit();
  return key;
}

bool update_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                  const std::vector<bool>* only) {
  const std::vector<TablePart> parts = table_chain(model);
  check_parts(model, parts, object, only);
  const Value key = model.primary_key->get(object);
  Atomic scope(db);
  // The last table's row refers to every other's: when it has nothing to
  // set, its existence is asked first.
  const TablePart& last = parts.back();
  const bool last_sets = [&] {
    for (std::size_t i = 0; i < last.columns.size(); ++i)
      if (!only || (*only)[last.positions[i]]) return true;
    return false;
  }();
  if (!last_sets && !part_exists(*db, last, key)) {
    scope.rollback();
    return false;
  }
  for (const TablePart& part : parts)
    if (update_part(*db, model, part, object, key, only) == 0) {
      scope.rollback();
      return false;
    }
  scope.commit();
  return true;
}

void save_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object) {
  const std::vector<TablePart> parts = table_chain(model);
  check_parts(model, parts, object);
  const Value key = model.primary_key->get(object);
  Atomic scope(db);
  for (const TablePart& part : parts) {
    const std::int64_t matched = update_part(*db, model, part, object, key, nullptr);
    if (matched > 0 || (matched < 0 && part_exists(*db, part, key))) continue;
    insert_part(*db, model, part, object, key);
  }
  scope.commit();
}

}  // namespace covet::detail

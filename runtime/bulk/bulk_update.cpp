// Database::bulk_update: many rows' fields from their objects, after
// Django's bulk_update, one statement per batch:
//
//   UPDATE "books" SET
//     "price" = CASE "id" WHEN ? THEN ? WHEN ? THEN ? ELSE "price" END,
//     "title" = CASE "id" WHEN ? THEN ? WHEN ? THEN ? ELSE "title" END
//   WHERE "id" IN (?, ?)
//
// Contract:
//  * every field is checked before anything runs (update_fields.hpp), every
//    value written against its column (max_length, UTF-8: DataError), and
//    every object must be saved; an empty field list is a UsageError, an
//    empty object list runs nothing and matches 0 rows;
//  * an object whose key repeats an earlier one is skipped: the first one
//    wins, as in Django, whatever the batches;
//  * a batch holds as many rows as 2 * fields + 1 parameters per row allow,
//    and at most kDefaultMaxRows unless batch_size asks for another size;
//    more than one batch runs in one Atomic scope;
//  * PostgreSQL gives a CASE the type of its branches, and a parameter that
//    is text or NULL has none, so each THEN value is CAST to the column's
//    type (TEXT for text columns: a CAST to VARCHAR(n) would silently
//    truncate, while the assignment rejects a value that is too long).
//  * a multi-table child's fields are written table by table
//    (inheritance/table_chain.hpp): one such statement per table that holds
//    one of them, keyed by that table's key column, root first;
// Returns the rows matched, summed over the batches (of a multi-table child:
// in the most-derived table written, as Django's update() counts the rows
// of the query's own table first).
#include "bulk/statement.hpp"
#include "bulk/update_fields.hpp"
#include "generic/generic_writes.hpp"
#include "database_state.hpp"
#include "inheritance/table_chain.hpp"
#include "model/column_value.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/bulk.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

// Both databases evaluate a CASE branch by branch for every row the UPDATE
// touches (and PostgreSQL an IN list element by element), so a statement's
// cost grows with the square of its rows: 80,000 rows in one statement take
// minutes where 160 statements of 500 take a fraction of a second. Measured
// on both backends, 250 to 500 rows per statement was fastest.
constexpr std::size_t kDefaultMaxRows = 500;

// The placeholder of a THEN value, typed on PostgreSQL.
std::string typed_placeholder(Dialect d, const MemberInfo& column, int index) {
  if (d != Dialect::PostgreSQL) return placeholder(d, index);
  const std::string type = column.type == ColumnType::Text ? "TEXT" : column_type_sql(d, column);
  return "CAST(" + placeholder(d, index) + " AS " + type + ")";
}

struct Target {
  Value key;
  const void* object = nullptr;
};

// The fields written to one table: the model's own, or, for a multi-table
// child, those of one table of its chain.
struct TableFields {
  const ModelInfo* table = nullptr;
  std::string key_column;
  std::vector<const MemberInfo*> fields;
};

std::vector<TableFields> fields_by_table(const ModelInfo& model, const std::vector<const MemberInfo*>& members) {
  if (!spans_tables(model)) return {TableFields{&model, model.primary_key->column, members}};
  std::vector<TableFields> out;
  for (const TablePart& part : table_chain(model)) {
    TableFields t{part.model, *part.key, {}};
    for (const MemberInfo* m : members)
      if (&column_owner(model, *m) == part.model) t.fields.push_back(m);
    if (!t.fields.empty()) out.push_back(std::move(t));
  }
  return out;
}

std::int64_t update_batch(DatabaseState& db, const TableFields& table, const std::vector<Target>& targets,
                          std::size_t begin, std::size_t end) {
  const Dialect d = db.dialect;
  const std::vector<const MemberInfo*>& fields = table.fields;
  const std::string pk = quote_identifier(d, table.key_column);
  std::vector<Value> params;
  params.reserve((end - begin) * (2 * fields.size() + 1));
  std::string sql = "UPDATE " + quote_identifier(d, table.table->table) + " SET ";
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const std::string column = quote_identifier(d, fields[f]->column);
    sql += (f ? ", " : "") + column + " = CASE " + pk;
    for (std::size_t r = begin; r < end; ++r) {
      params.push_back(targets[r].key);
      const std::string when = placeholder(d, static_cast<int>(params.size()));
      params.push_back(column_value(*fields[f], targets[r].object));
      const std::string then = typed_placeholder(d, *fields[f], static_cast<int>(params.size()));
      sql += " WHEN " + when + " THEN " + then;
    }
    sql += " ELSE " + column + " END";
  }
  sql += " WHERE " + pk + " IN (";
  for (std::size_t r = begin; r < end; ++r) {
    params.push_back(targets[r].key);
    sql += (r == begin ? "" : ", ") + placeholder(d, static_cast<int>(params.size()));
  }
  sql += ")";
  return run_statement(db, *table.table, sql, params).rows_affected;
}

}  // namespace

std::int64_t bulk_update(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                         const std::vector<const void*>& objects, const std::vector<std::string>& fields,
                         std::size_t batch_size) {
  if (fields.empty())
    throw UsageError("bulk_update() of " + model.name +
                         " needs the names of the fields to write: bulk_update(objects, {\"field\", ...})",
                     model.name);
  std::vector<const MemberInfo*> members;
  for (const std::string& name : fields) {
    const MemberInfo* m = &updatable_member(model, name, UpdateKind::BulkUpdate);
    if (std::find(members.begin(), members.end(), m) == members.end()) members.push_back(m);
  }

  std::vector<Target> targets;
  targets.reserve(objects.size());
  KeySet seen;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    Value key = model.primary_key->get(objects[i]);
    if (key.is_null())
      throw UsageError("bulk_update() needs saved objects: the " + model.name + " at position " +
                           std::to_string(i) + " has no " + model.primary_key->name +
                           " (it is 0); create or save it first",
                       model.name);
    if (seen.insert(key).second) targets.push_back(Target{std::move(key), objects[i]});
  }
  // An object assigned to a generic reference is written as its two members
  // will hold it (the objects are const: a copy holds them).
  std::vector<std::shared_ptr<void>> stored;
  if (has_generic_refs(model)) {
    for (Target& t : targets) {
      if (!has_assigned_generic_ref(model, t.object)) continue;
      std::shared_ptr<void> copy = model.make();
      model.copy(copy.get(), t.object);
      store_generic_refs(db, model, copy.get());
      t.object = copy.get();
      stored.push_back(std::move(copy));
    }
  }
  // The values written are checked before the first statement: a value its
  // column cannot hold (check_fits) is a DataError and nothing is updated.
  for (const Target& t : targets)
    for (const MemberInfo* m : members) check_fits(model, *m, column_value(*m, t.object));
  if (targets.empty()) return 0;
  require_open(*db, model);

  const std::vector<TableFields> tables = fields_by_table(model, members);
  auto per_batch = [&](const TableFields& t) {
    return rows_per_batch(*db, 2 * t.fields.size() + 1, batch_size == 0 ? kDefaultMaxRows : batch_size);
  };
  std::size_t statements = 0;
  for (const TableFields& t : tables) statements += batch_count(targets.size(), per_batch(t));
  std::optional<Atomic> scope;
  if (statements > 1) scope.emplace(db);
  std::int64_t matched = 0;
  for (const TableFields& t : tables) {
    matched = 0;
    const std::size_t rows = per_batch(t);
    for (std::size_t begin = 0; begin < targets.size(); begin += rows)
      matched += update_batch(*db, t, targets, begin, std::min(targets.size(), begin + rows));
  }
  if (scope) scope->commit();
  return matched;
}

}  // namespace covet::detail

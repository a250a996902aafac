// Database::bulk_create: multi-row INSERTs, after Django's bulk_create.
//
//   INSERT INTO "books" ("title", "author_id", ...) VALUES (?, ?, ...), (?, ?, ...)
//     RETURNING "id"
//
// Contract:
//  * objects whose key is already set are inserted with it, apart from the
//    others (one statement never mixes rows with and without the key
//    column), and before them, as Django does;
//  * a statement carries as many rows as the parameter limit allows (or
//    batch_size); RETURNING gives the new keys in the order of the VALUES
//    rows, on SQLite (>= 3.35) as on PostgreSQL, which Django relies on too;
//  * more than one statement runs in one Atomic scope, so a failing batch
//    leaves no row of the call behind;
//  * a model whose only column is its key gets one INSERT ... DEFAULT VALUES
//    per row (SQLite has no multi-row form of it);
//  * every value is checked against its column (max_length, UTF-8) before
//    the first statement: DataError, and nothing is inserted;
//  * nested-set nodes (covet::NestedSetNode) are inserted one by one, each
//    placed as db.create places it (runtime/trees/nested_set_hooks.hpp);
//  * a nil covet::Uuid key is generated and auto_now / auto_now_add members
//    are set before anything is written (model/auto_fields.hpp);
//  * afterwards every object holds its key, its to_field relations hold the
//    column's value (as insert_object leaves them) and its relation members
//    are bound.
//  * a multi-table child (inheritance/table_chain.hpp) is inserted table by
//    table, root first, always in one Atomic scope: the root table's rows
//    as above (RETURNING gives the keys), then each child table's rows,
//    every one keyed by its parent link, multi-row too:
//      INSERT INTO "person" ("name", ...) VALUES (...), (...) RETURNING "id"
//      INSERT INTO "employee" ("person_ptr_id", "badge", ...) VALUES (?, ...), (?, ...)
//    The keys a covet::Id table assigns grow in the order its rows are
//    inserted, the order of the VALUES list, on both backends; they are
//    matched to the objects in that order whatever order RETURNING reports
//    them in, so a child row never gets another object's parent key.
// PostgreSQL coerces every row of an INSERT's VALUES list to the target
// columns' types, so no parameter needs a CAST here.
#include "bulk/statement.hpp"
#include "database_state.hpp"
#include "inheritance/table_chain.hpp"
#include "inheritance/single_table.hpp"
#include "generic/generic_writes.hpp"
#include "model/auto_fields.hpp"
#include "model/column_value.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/bulk.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

// The rows of one kind (with or without their key) for one table, and the
// columns they write (members of the objects' model).
struct RowGroup {
  const ModelInfo* table = nullptr;  // whose table: the objects' model, or one of its chain
  std::string key_column;            // the table's key column, which RETURNING returns
  bool keyed = false;
  // The keys RETURNING reports are the table's covet::Id keys, matched to
  // the rows in the order they grow (see the header comment).
  bool match_keys_in_order = false;
  std::vector<void*> objects;
  std::vector<const MemberInfo*> columns;
};

RowGroup group_of(const ModelInfo& model, bool keyed) {
  RowGroup g;
  g.table = &model;
  g.key_column = model.primary_key->column;
  g.keyed = keyed;
  for (const MemberInfo* m : model.columns)
    if (keyed || !m->primary_key) g.columns.push_back(m);
  return g;
}

// INSERTs objects[begin, end) of `g` in one statement; sets the new keys.
void insert_batch(DatabaseState& db, const ModelInfo& model, const RowGroup& g, std::size_t begin,
                  std::size_t end) {
  const Dialect d = db.dialect;
  const std::size_t rows = end - begin;
  std::string sql = "INSERT INTO " + quote_identifier(d, g.table->table);
  std::vector<Value> params;
  // A single-table model's rows also carry its identity (no member holds it).
  const bool identity = writes_identity(model);
  if (g.columns.empty() && !identity) {
    sql += " DEFAULT VALUES";
  } else {
    const std::size_t width = g.columns.size() + (identity ? 1 : 0);
    params.reserve(rows * width);
    std::string names;
    for (const MemberInfo* m : g.columns) names += (names.empty() ? "" : ", ") + quote_identifier(d, m->column);
    if (identity) names += (names.empty() ? "" : ", ") + quote_identifier(d, model.discriminator);
    sql += " (" + names + ") VALUES ";
    sql.reserve(sql.size() + rows * width * 8);
    for (std::size_t r = begin; r < end; ++r) {
      sql += r == begin ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c) {
        params.push_back(c < g.columns.size() ? column_value(*g.columns[c], g.objects[r]) : Value(model.identity));
        if (c) sql += ", ";
        sql += placeholder(d, static_cast<int>(params.size()));
      }
      sql += ")";
    }
  }
  if (g.keyed) {
    run_statement(db, *g.table, sql, params);
    return;
  }
  sql += " RETURNING " + quote_identifier(d, g.key_column);
  std::vector<Value> keys;
  keys.reserve(rows);
  run_statement(db, *g.table, sql, params, [&](const Row& row) { keys.push_back(row.value(0)); });
  if (keys.size() != rows)
    throw DatabaseError("bulk_create() of " + model.name + ": the INSERT returned " +
                            std::to_string(keys.size()) + " keys for " + std::to_string(rows) + " rows",
                        model.name, sql);
  if (g.match_keys_in_order) std::sort(keys.begin(), keys.end(), ValueLess{});
  for (std::size_t r = begin; r < end; ++r) model.primary_key->set(g.objects[r], keys[r - begin]);
}

void insert_groups(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                   const std::vector<const RowGroup*>& groups, std::size_t batch_size) {
  // Parameters per row: the columns, and a single-table model's identity.
  const std::size_t extra = writes_identity(model) ? 1 : 0;
  for (const RowGroup* g : groups) {
    const std::size_t per_batch = rows_per_batch(*db, g->columns.size() + extra, batch_size);
    for (std::size_t begin = 0; begin < g->objects.size(); begin += per_batch)
      insert_batch(*db, model, *g, begin, std::min(g->objects.size(), begin + per_batch));
  }
}

// The rows of a multi-table child, table by table (see the header comment).
void insert_chain_rows(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                       const std::vector<void*>& objects, std::size_t batch_size) {
  const std::vector<TablePart> parts = table_chain(model);
  // A table's key column, as a member of the objects' model: the key's value.
  std::vector<MemberInfo> keys(parts.size(), *model.primary_key);
  Atomic scope(db);
  for (std::size_t p = 0; p < parts.size(); ++p) {
    keys[p].column = *parts[p].key;
    RowGroup keyed, unkeyed;
    for (RowGroup* g : {&keyed, &unkeyed}) {
      g->table = parts[p].model;
      g->key_column = *parts[p].key;
      g->columns = parts[p].columns;
    }
    keyed.keyed = true;
    keyed.columns.insert(keyed.columns.begin(), &keys[p]);
    unkeyed.match_keys_in_order = model.primary_key->type == ColumnType::AutoId;
    for (void* object : objects)
      (model.primary_key->get(object).is_null() ? unkeyed : keyed).objects.push_back(object);
    // Within one table, rows inserted with their key go first, as above.
    insert_groups(db, model, {&keyed, &unkeyed}, batch_size);
  }
  scope.commit();
}

// The rows of a model with one table (see the header comment).
void insert_rows(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const std::vector<void*>& objects,
                 std::size_t batch_size) {
  RowGroup keyed = group_of(model, true), unkeyed = group_of(model, false);
  for (void* object : objects)
    (model.primary_key->get(object).is_null() ? unkeyed : keyed).objects.push_back(object);

  const std::size_t extra = writes_identity(model) ? 1 : 0;
  std::size_t statements = 0;
  for (const RowGroup* g : {&keyed, &unkeyed})
    statements += batch_count(g->objects.size(), rows_per_batch(*db, g->columns.size() + extra, batch_size));

  std::optional<Atomic> scope;
  if (statements > 1) scope.emplace(db);
  insert_groups(db, model, {&keyed, &unkeyed}, batch_size);
  if (scope) scope->commit();
}

}  // namespace

void bulk_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                 const std::vector<void*>& objects, std::size_t batch_size) {
  if (objects.empty()) return;
  require_open(*db, model);
  if (model.tree == TreeKind::NestedSet) {
    // Each node takes its place in its tree (after its parent, which must
    // be saved first): one tree insert per node, all in one scope.
    Atomic scope(db);
    for (void* object : objects) insert_object(db, model, object);
    scope.commit();
    return;
  }

  // Django's bulk_create runs pre_save(add=True): keys and auto_now(_add)
  // first, so every row and object gets them (one instant for the call).
  const Timestamp now = current_time();
  for (void* object : objects) {
    assign_generated_key(model, object);
    stamp_auto_now(model, object, AutoWrite::Create, now);
    store_generic_refs(db, model, object);
  }
  // Every value is checked before the first statement, so a value no
  // column can hold (check_fits) leaves no batch written.
  for (void* object : objects) check_values(model, object);

  if (spans_tables(model)) {
    insert_chain_rows(db, model, objects, batch_size);
  } else {
    insert_rows(db, model, objects, batch_size);
  }

  for (void* object : objects) {
    store_to_field_keys(model, object);
    bind_object(db, model, object);
  }
}

}  // namespace covet::detail

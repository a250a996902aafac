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
//
// What a statement costs beyond the database's own work is kept small, as
// a hand-written loop over sqlite3_bind_* would: the text of each shape
// (table, columns, rows per statement) is written once per Database and
// reused (bulk/insert_text_cache.hpp); the values are bound from the
// members by reference, a text member viewed in place, not copied into a
// covet::Value (model/column_param.hpp); the check before the first
// statement reads text members in place too.
#include "bulk/insert_buffers.hpp"
#include "bulk/insert_text_cache.hpp"
#include "bulk/statement.hpp"
#include "database_state.hpp"
#include "inheritance/table_chain.hpp"
#include "inheritance/single_table.hpp"
#include "generic/generic_writes.hpp"
#include "model/auto_fields.hpp"
#include "model/column_param.hpp"
#include "model/column_value.hpp"
#include "object_loader.hpp"
#include "relations/key_batches.hpp"

#include <covet/atomic.hpp>
#include <covet/bulk.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace covet::detail {

namespace {

// Which per-object steps of bulk_insert apply to a model's objects.
struct ObjectSteps {
  bool generated_key = false;  // a covet::Uuid key, generated while nil (assign_generated_key)
  bool auto_times = false;     // auto_now / auto_now_add members (stamp_auto_now)
  bool generic_refs = false;   // covet::GenericRef members (store_generic_refs)
  bool to_field_keys = false;  // to_field relations (store_to_field_keys)
  bool before_insert() const { return generated_key || auto_times || generic_refs; }
};

// Exactly the members each step would act on: a step none applies to
// changes no object.
ObjectSteps object_steps(const ModelInfo& model) {
  ObjectSteps steps;
  steps.generated_key = model.primary_key->type == ColumnType::Uuid;
  steps.generic_refs = has_generic_refs(model);
  for (const MemberInfo* m : model.columns) {
    steps.auto_times = steps.auto_times || m->auto_now || m->auto_now_add;
    steps.to_field_keys = steps.to_field_keys || (m->kind == MemberKind::Relation && !m->relation->to_field.empty());
  }
  return steps;
}

// The rows of one kind (with or without their key) for one table, and the
// columns they write (members of the objects' model).
struct RowGroup {
  const ModelInfo* table = nullptr;  // whose table: the objects' model, or one of its chain
  bool keyed = false;
  // The keys RETURNING reports are the table's covet::Id keys, matched to
  // the rows in the order they grow (see the header comment).
  bool match_keys_in_order = false;
  // The group's objects: all the call's, or those of its kind, in `own`.
  std::span<void* const> objects;
  std::vector<void*> own;
  // The members whose values fill each row, in column order (a chain
  // table's key column takes the primary key's value).
  std::vector<const MemberInfo*> columns;
  std::size_t untyped_columns = 0;  // of them, read through a Value (no typed getter)
  // What the INSERT's text is made of (its table, column names, identity
  // and RETURNING), the key of its cached text.
  InsertShape shape;
};

// The shape of `g`'s INSERT into `table`, keyed by `key_column`, once its
// columns are set: a single-table model's rows also carry its identity (no
// member holds it), and rows without their key get it back by RETURNING.
void set_shape(RowGroup& g, const ModelInfo& model, const std::string& table, const std::string& key_column,
               const std::string* first_column = nullptr) {
  g.shape.table = &table;
  g.shape.columns.clear();
  for (std::size_t c = 0; c < g.columns.size(); ++c)
    g.shape.columns.push_back(c == 0 && first_column ? first_column : &g.columns[c]->column);
  g.shape.identity = writes_identity(model) ? &model.discriminator : nullptr;
  g.shape.returning = g.keyed ? nullptr : &key_column;
  g.untyped_columns = static_cast<std::size_t>(
      std::count_if(g.columns.begin(), g.columns.end(), [](const MemberInfo* m) { return !has_typed_get(*m); }));
}

// Splits `objects` into those whose key is set and the others, in order;
// when they are all of one kind, that group takes them as they are.
void split_by_key(const ModelInfo& model, const std::vector<void*>& objects, RowGroup& keyed, RowGroup& unkeyed) {
  const MemberInfo& key = *model.primary_key;
  const auto is_keyed = [&](void* object) { return !key.get(object).is_null(); };
  const std::size_t with_key = static_cast<std::size_t>(std::count_if(objects.begin(), objects.end(), is_keyed));
  if (with_key == 0 || with_key == objects.size()) {
    (with_key == 0 ? unkeyed : keyed).objects = objects;
    return;
  }
  for (void* object : objects) (is_keyed(object) ? keyed : unkeyed).own.push_back(object);
  keyed.objects = keyed.own;
  unkeyed.objects = unkeyed.own;
}

RowGroup group_of(const ModelInfo& model, bool keyed) {
  RowGroup g;
  g.table = &model;
  g.keyed = keyed;
  for (const MemberInfo* m : model.columns)
    if (keyed || !m->primary_key) g.columns.push_back(m);
  set_shape(g, model, model.table, model.primary_key->column);
  return g;
}

// INSERTs objects[begin, end) of `g` in one statement; sets the new keys.
// The text is the cached one of its shape; the values are bound from the
// objects' members by reference (model/column_param.hpp).
void insert_batch(DatabaseState& db, const ModelInfo& model, const RowGroup& g, std::size_t begin,
                  std::size_t end) {
  const std::size_t rows = end - begin;
  const std::shared_ptr<const std::string> sql = db.insert_texts.text(g.shape, rows, db.dialect);
  // Borrowed for this statement, given back after it (a failure drops them).
  InsertBuffers buffers = std::exchange(db.insert_buffers, {});
  std::vector<ParamRef>& params = buffers.params;
  const bool identity = g.shape.identity != nullptr;
  params.reserve(rows * (g.columns.size() + (identity ? 1 : 0)));
  buffers.held.reserve(rows * g.untyped_columns);  // room for all: params refer to them
  for (std::size_t r = begin; r < end; ++r) {
    for (const MemberInfo* m : g.columns) params.push_back(column_param(*m, g.objects[r], buffers.held));
    if (identity) params.push_back(ParamRef::text(model.identity));
  }
  if (g.keyed) {
    run_statement(db, *g.table, *sql, params);
  } else {
    std::vector<Value>& keys = buffers.keys;
    keys.reserve(rows);
    run_statement(db, *g.table, *sql, params, [&](const Row& row) {
      std::int64_t key = 0;
      keys.push_back(row.read_int64(0, key) ? Value(key) : row.value(0));
    });
    if (keys.size() != rows)
      throw DatabaseError("bulk_create() of " + model.name + ": the INSERT returned " +
                              std::to_string(keys.size()) + " keys for " + std::to_string(rows) + " rows",
                          model.name, *sql);
    if (g.match_keys_in_order) std::sort(keys.begin(), keys.end(), ValueLess{});
    const MemberInfo& pk = *model.primary_key;
    for (std::size_t r = begin; r < end; ++r) {
      const Value& key = keys[r - begin];
      if (key.is_integer() && pk.set_int64) {
        pk.set_int64(g.objects[r], key.as_integer());  // what set(key) does, without the Value
      } else {
        pk.set(g.objects[r], key);
      }
    }
  }
  buffers.recycle();
  db.insert_buffers = std::move(buffers);
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
  Atomic scope(db);
  for (std::size_t p = 0; p < parts.size(); ++p) {
    RowGroup keyed, unkeyed;
    for (RowGroup* g : {&keyed, &unkeyed}) {
      g->table = parts[p].model;
      g->columns = parts[p].columns;
    }
    keyed.keyed = true;
    // The table's key column takes the objects' key.
    keyed.columns.insert(keyed.columns.begin(), model.primary_key);
    set_shape(keyed, model, parts[p].model->table, *parts[p].key, parts[p].key);
    set_shape(unkeyed, model, parts[p].model->table, *parts[p].key);
    unkeyed.match_keys_in_order = model.primary_key->type == ColumnType::AutoId;
    split_by_key(model, objects, keyed, unkeyed);
    // Within one table, rows inserted with their key go first, as above.
    insert_groups(db, model, {&keyed, &unkeyed}, batch_size);
  }
  scope.commit();
}

// The rows of a model with one table (see the header comment).
void insert_rows(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const std::vector<void*>& objects,
                 std::size_t batch_size) {
  RowGroup keyed = group_of(model, true), unkeyed = group_of(model, false);
  split_by_key(model, objects, keyed, unkeyed);

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
  // Which of these steps the model needs is found once, not per object.
  const ObjectSteps steps = object_steps(model);
  if (steps.before_insert()) {
    const Timestamp now = current_time();
    for (void* object : objects) {
      if (steps.generated_key) assign_generated_key(model, object);
      if (steps.auto_times) stamp_auto_now(model, object, AutoWrite::Create, now);
      if (steps.generic_refs) store_generic_refs(db, model, object);
    }
  }
  // Every value is checked before the first statement, so a value no
  // column can hold (check_fits) leaves no batch written.
  check_all_values(model, objects);

  if (spans_tables(model)) {
    insert_chain_rows(db, model, objects, batch_size);
  } else {
    insert_rows(db, model, objects, batch_size);
  }

  if (steps.to_field_keys)
    for (void* object : objects) store_to_field_keys(model, object);
  bind_objects(db, model, objects);
}

}  // namespace covet::detail

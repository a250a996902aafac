// Single-object writes and reads by key: INSERT, UPDATE, DELETE, refresh and
// the lazy load behind Ref<T>::get(). Values are always bound; identifiers
// come from the metadata, quoted. Every value written is checked against its
// column first (check_fits: max_length, UTF-8), so a value the column cannot
// hold is a DataError on every backend and no statement runs.
#include "backend/connection.hpp"
#include "database_state.hpp"
#include "inheritance/multi_table_rows.hpp"
#include "inheritance/table_chain.hpp"
#include "inheritance/single_table.hpp"
#include "generic/generic_writes.hpp"
#include "model/auto_fields.hpp"
#include "model/column_value.hpp"
#include "object_loader.hpp"
#include "sql/dialect.hpp"
#include "trees/adjacency_moves.hpp"
#include "trees/nested_set_hooks.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>
#include <covet/ref.hpp>

#include <string>
#include <vector>

namespace covet::detail {

namespace {

bool never_bound(const std::weak_ptr<DatabaseState>& db) {
  std::weak_ptr<DatabaseState> empty;
  return !db.owner_before(empty) && !empty.owner_before(db);
}

std::string select_list(const DatabaseState& db, const ModelInfo& model) {
  std::string sql;
  for (const MemberInfo* m : model.columns) {
    if (!sql.empty()) sql += ", ";
    sql += quote_identifier(db.dialect, m->column);
  }
  return sql;
}

Value require_key(const ModelInfo& model, const void* object, const char* operation) {
  Value key = model.primary_key->get(object);
  if (key.is_null())
    throw UsageError("cannot " + std::string(operation) + " an unsaved " + model.name +
                         " (its " + model.primary_key->name + " is 0): create or save it first",
                     model.name);
  return key;
}

// Runs a statement, attaching the model to any error the backend raises.
ExecResult run(DatabaseState& db, const ModelInfo& model, const std::string& sql,
               const std::vector<Value>& params, const std::function<void(const Row&)>& on_row = {}) {
  if (!db.connection)
    throw UsageError("the Database has been closed", model.name);
  try {
    return db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(model.name);
    throw;
  }
}

// SELECTs the row where `member` = key into `object`; false when there is none.
bool load_where(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                const MemberInfo& member, const Value& key, void* object) {
  // A multi-table child's row spans its ancestors' tables: the query
  // compiler joins them (inheritance/table_chain.hpp).
  if (spans_tables(model))
    return QueryCore(db, model).filtered(Q(member.primary_key ? std::string("pk") : member.name, key), false).first(object);
  const std::string& column = member.column;
  std::string sql = "SELECT " + select_list(*db, model) + " FROM " +
                    quote_identifier(db->dialect, model.table) + " WHERE " +
                    quote_identifier(db->dialect, column) + " = " + placeholder(db->dialect, 1);
  bool found = false;
  run(*db, model, sql, {key}, [&](const Row& row) {
    if (found) return;
    load_object(db, model, row, 0, object);
    found = true;
  });
  return found;
}

}  // namespace

std::shared_ptr<DatabaseState> lock_database(const std::weak_ptr<DatabaseState>& db,
                                             const std::string& what) {
  if (never_bound(db))
    throw UsageError(what + " is not bound to a database: load or create its object through a "
                            "covet::Database (db.create, db.objects<T>(), db.refresh) first");
  auto state = db.lock();
  if (!state || !state->connection)
    throw UsageError(what + " cannot load: its Database has been closed");
  return state;
}

namespace {

// The INSERT of a row in one table; returns its key.
Value insert_row(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object) {
  const Dialect d = db->dialect;
  std::string columns, values;
  std::vector<Value> params;
  for (InsertColumn& c : insert_columns(model, object)) {
    if (!columns.empty()) {
      columns += ", ";
      values += ", ";
    }
    columns += quote_identifier(d, c.column);
    params.push_back(std::move(c.value));
    values += placeholder(d, static_cast<int>(params.size()));
  }
  std::string sql = "INSERT INTO " + quote_identifier(d, model.table) +
                    (columns.empty() ? " DEFAULT VALUES" : " (" + columns + ") VALUES (" + values + ")") +
                    " RETURNING " + quote_identifier(d, model.primary_key->column);
  Value key;
  run(*db, model, sql, params, [&](const Row& row) { key = row.value(0); });
  return key;
}

}  // namespace

std::vector<InsertColumn> insert_columns(const ModelInfo& model, const void* object) {
  std::vector<InsertColumn> out;
  for (const MemberInfo* m : model.columns) {
    Value v = checked_column_value(model, *m, object);
    if (m->primary_key && v.is_null()) continue;  // assigned by the database
    out.push_back(InsertColumn{m, m->column, std::move(v)});
  }
  // No member holds it: the model says which one wrote the row.
  if (writes_identity(model)) out.push_back(InsertColumn{nullptr, model.discriminator, Value(model.identity)});
  return out;
}

void prepare_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  assign_generated_key(model, object);
  stamp_auto_now(model, object, AutoWrite::Create, current_time());
  store_generic_refs(db, model, object);
}

void finish_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object, const Value& key) {
  model.primary_key->set(object, key);
  // A Ref built from an object holds its primary key; once written, it holds
  // what the column holds (the to_field value), like a Ref loaded later.
  store_to_field_keys(model, object);
  bind_object(db, model, object);
}

void insert_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  // A nested-set node takes its place in its parent's tree first.
  if (model.tree == TreeKind::NestedSet) return nested_set_create(db, model, object);
  insert_plain_object(db, model, object);
}

void insert_plain_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  prepare_insert(db, model, object);
  finish_insert(db, model, object,
                spans_tables(model) ? insert_chain(db, model, object) : insert_row(db, model, object));
}

namespace {

// The UPDATE of every column from `object`, as it is.
bool update_row(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object) {
  const Dialect d = db->dialect;
  Value key = require_key(model, object, "update");
  if (spans_tables(model)) return update_chain(db, model, object);
  std::string assignments;
  std::vector<Value> params;
  for (const MemberInfo* m : model.columns) {
    if (m->primary_key || nested_set_maintained(model, *m)) continue;
    if (!assignments.empty()) assignments += ", ";
    params.push_back(checked_column_value(model, *m, object));
    assignments += quote_identifier(d, m->column) + " = " + placeholder(d, static_cast<int>(params.size()));
  }
  const std::string where = " WHERE " + quote_identifier(d, model.primary_key->column) + " = ";
  if (assignments.empty()) {
    // Nothing to write: the row only has to exist.
    bool exists = false;
    run(*db, model, "SELECT 1 FROM " + quote_identifier(d, model.table) + where + placeholder(d, 1), {key},
        [&](const Row&) { exists = true; });
    return exists;
  }
  params.push_back(key);
  std::string sql = "UPDATE " + quote_identifier(d, model.table) + " SET " + assignments + where +
                    placeholder(d, static_cast<int>(params.size()));
  return run(*db, model, sql, params).rows_affected > 0;
}

}  // namespace

bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  stamp_auto_now(model, object, AutoWrite::Save, current_time());
  store_generic_refs(db, model, object);
  if (model.tree == TreeKind::NestedSet)
    return nested_set_update(db, model, object, object, [&] { return update_row(db, model, object); });
  return update_row(db, model, object);
}

namespace {

// The UPDATE of a const object: the row gets the new time, the object
// keeps its own until it is refreshed.
bool update_const_row(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object) {
  if (!has_auto_now(model) && !has_generic_refs(model)) return update_row(db, model, object);
  std::shared_ptr<void> stamped = model.make();
  model.copy(stamped.get(), object);
  stamp_auto_now(model, stamped.get(), AutoWrite::Save, current_time());
  store_generic_refs(db, model, stamped.get());
  return update_row(db, model, stamped.get());
}

}  // namespace

bool update_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                   const void* object) {
  if (model.tree == TreeKind::NestedSet)
    return nested_set_update(db, model, object, nullptr, [&] { return update_const_row(db, model, object); });
  return update_const_row(db, model, object);
}

namespace {

// save_object of an object that has a key.
void save_saved(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  if (spans_tables(model)) {
    stamp_auto_now(model, object, AutoWrite::Save, current_time());
    store_generic_refs(db, model, object);
    save_chain(db, model, object);
    store_to_field_keys(model, object);
  } else if (!update_object(db, model, object)) {
    return insert_object(db, model, object);
  }
  bind_object(db, model, object);
}

}  // namespace

void save_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  if (model.primary_key->get(object).is_null()) return insert_object(db, model, object);
  // A tree node's `parent` may have been assigned: one under the node itself
  // is refused (InvalidMove) before anything is written
  // (trees/adjacency_moves.hpp).
  if (model.tree == TreeKind::AdjacencyList)
    return save_tree_node(db, model, object, [&] { save_saved(db, model, object); });
  save_saved(db, model, object);
}

void refresh_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object) {
  Value key = require_key(model, object, "refresh");
  if (!load_where(db, model, *model.primary_key, key, object))
    throw DoesNotExist(model.name + " with " + model.primary_key->name + " " + key.debug_string() +
                           " does not exist (it was deleted)",
                       model.name);
}

void load_related(const std::weak_ptr<DatabaseState>& db, const ModelInfo& target,
                  const MemberInfo* relation, const Value& key, void* out) {
  const std::string what = relation ? relation->name + " (a Ref<" + target.name + ">)"
                                    : "Ref<" + target.name + ">";
  auto state = lock_database(db, what);
  const MemberInfo* key_member = target.primary_key;
  if (relation && !relation->relation->to_field.empty())
    key_member = target.member(relation->relation->to_field);
  if (!load_where(state, target, *key_member, key, out))
    throw DoesNotExist(target.name + " matching " + key_member->name + " = " + key.debug_string() +
                           " does not exist (referenced by " + what + ")",
                       target.name);
}

Value reverse_owner_key(const ReverseRelation& reverse, const void* owner) {
  return reverse_owner_key(reverse, *reverse.member->relation->target, owner);
}

Value reverse_owner_key(const ReverseRelation& reverse, const ModelInfo& target, const void* owner) {
  const std::string& to_field = reverse.member->relation->to_field;
  const MemberInfo* key = to_field.empty() ? target.primary_key : target.member(to_field);
  Value value = key->get(owner);
  if ((key == target.primary_key ? value : target.primary_key->get(owner)).is_null())
    throw UsageError("the " + target.name + " has no key: save it before using its related " +
                         reverse.source->name + " objects",
                     target.name);
  return value;
}

void throw_unbound(const MemberInfo* relation, const ModelInfo& target, const char* what) {
  std::string name = relation ? relation->name : "Ref<" + target.name + ">";
  throw UsageError(name + " " + what + ": there is no " + target.name + " to load", target.name);
}

void throw_unbound_reverse(const std::type_info&, const ReverseRelation* reverse, const char* kind) {
  if (!reverse)
    throw UsageError(std::string(kind) +
                     " is not bound: its owner was not loaded or created through a covet::Database, "
                     "or no relation names it (the member's name must equal the relation's "
                     "related_name, or the default <model>_set)");
  throw UsageError(std::string(kind) + " for " + reverse->source->name + "." + reverse->member->name +
                       " has no owner key: save the owner first",
                   reverse->source->name);
}

const ReverseRelation& reverse_of(const ModelInfo& source, std::string_view member,
                                  const ModelInfo& target) {
  for (const ReverseRelation& r : target.reverse)
    if (r.source == &source && r.member->name == member) return r;
  throw UsageError(source.name + "." + std::string(member) + " has no reverse side on " + target.name +
                       " (its related_name ends in '+', or it does not point at " + target.name + ")",
                   source.name);
}

const ReverseRelation& reverse_named(const ModelInfo& target, std::string_view accessor,
                                     const ModelInfo& source) {
  std::string valid;
  for (const ReverseRelation& r : target.reverse) {
    if (r.accessor == accessor && r.source == &source) return r;
    if (r.source == &source) valid += (valid.empty() ? "" : ", ") + r.accessor;
  }
  throw FieldError("'" + std::string(accessor) + "' is not a reverse relation from " + source.name +
                       " to " + target.name + ". Choices are: " + (valid.empty() ? "(none)" : valid),
                   target.name);
}

}  // namespace covet::detail

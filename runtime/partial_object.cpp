// The reads and writes of a covet::Partial<T> (covet/partial.hpp) by its key:
// loading deferred columns, and UPDATEs that write only the columns the
// object holds. Values are bound; identifiers come from the metadata, quoted.
#include "database_state.hpp"
#include "inheritance/multi_table_rows.hpp"
#include "inheritance/table_chain.hpp"
#include "model/auto_fields.hpp"
#include "model/column_value.hpp"
#include "object_loader.hpp"
#include "sql/dialect.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/partial.hpp>

#include <string>
#include <vector>

namespace covet::detail {

namespace {

// Runs a statement, attaching the model to any error the backend raises.
void run(DatabaseState& db, const ModelInfo& model, const std::string& sql, const std::vector<Value>& params,
         const std::function<void(const Row&)>& on_row, ExecResult* result = nullptr) {
  try {
    ExecResult r = db.connection->execute(sql, params, on_row);
    if (result) *result = r;
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
}

// "Book.price" / "Book.price, Book.pages".
std::string field_names(const ModelInfo& model, const std::vector<std::size_t>& columns) {
  std::string out;
  for (std::size_t i : columns) out += (out.empty() ? "" : ", ") + model.name + "." + model.columns[i]->name;
  return out;
}

[[noreturn]] void throw_partial_gone(const ModelInfo& model, const Value& key) {
  throw DoesNotExist(model.name + " matching key " + key.debug_string() + " does not exist: it was deleted, " +
                         "and a partial object cannot be inserted again (its deferred fields are unknown)",
                     model.name);
}

}  // namespace

std::size_t column_index(const ModelInfo& model, const std::type_info& pointer_type, const void* pointer) {
  for (std::size_t i = 0; i < model.columns.size(); ++i) {
    const MemberInfo* m = model.columns[i];
    if (m->matches && m->matches(pointer_type, pointer)) return i;
  }
  // A RefSet, a reverse member, or no model member at all: nothing to defer.
  return kNotAColumn;
}

std::size_t assignable_column(const ModelInfo& model, const std::type_info& pointer_type, const void* pointer) {
  const std::size_t i = column_index(model, pointer_type, pointer);
  if (i == kNotAColumn)
    throw UsageError("Partial<" + model.name + ">::set() assigns fields with a column; this member has none "
                     "(a many-to-many or reverse relation: use its manager)",
                     model.name);
  if (model.columns[i]->primary_key)
    throw UsageError("Partial<" + model.name + ">::set() cannot assign the primary key " + model.name + "." +
                         model.columns[i]->name + ": a partial object always updates its own row",
                     model.name);
  return i;
}

void load_deferred(const std::weak_ptr<DatabaseState>& weak, const ModelInfo& model, void* object,
                   const std::vector<std::size_t>& columns) {
  const std::string names = field_names(model, columns);
  std::shared_ptr<DatabaseState> db = lock_database(weak, "the deferred field " + names);
  const Dialect d = db->dialect;
  // One SELECT per table holding some of the columns: a multi-table child's
  // are spread over its ancestors' tables and its own, each keyed by the
  // object's key (column_level / column_in_level), root first.
  struct TableRead {
    const ModelInfo* level = nullptr;
    std::vector<const MemberInfo*> members;
    std::string sql;
  };
  std::vector<TableRead> reads;
  for (const TablePart& part : table_chain(model)) {
    TableRead read{part.model, {}, {}};
    std::string list;
    for (std::size_t i : columns) {
      const MemberInfo* m = model.columns[i];
      if (&column_level(model, *m) != part.model) continue;
      read.members.push_back(m);
      list += (list.empty() ? "" : ", ") + quote_identifier(d, column_in_level(model, *m));
    }
    if (read.members.empty()) continue;
    read.sql = "SELECT " + list + " FROM " + quote_identifier(d, part.model->table) + " WHERE " +
               quote_identifier(d, *part.key) + " = " + placeholder(d, 1);
    reads.push_back(std::move(read));
  }
  const Value key = model.primary_key->get(object);
  if (db->loading == Loading::Strict) {
    std::string sql;
    for (const TableRead& r : reads) sql += (sql.empty() ? "" : "; ") + r.sql;
    throw UsageError("strict loading: " + names + " was deferred (only() / defer()) and would run a query of its "
                     "own: " + sql + " -- name it in only(), or leave it out of defer(), on the query that "
                     "loaded the " + model.name + " objects",
                     model.name);
  }

  std::vector<const MemberInfo*> members;
  for (const TableRead& r : reads) {
    bool found = false;
    run(*db, model, r.sql, {key}, [&](const Row& row) {
      if (found) return;
      set_columns(model, r.members, row, 0, object);
      found = true;
    });
    if (!found)
      throw DoesNotExist(model.name + " with " + model.primary_key->name + " " + key.debug_string() +
                             " does not exist (it was deleted), so its deferred field " + names +
                             " cannot be loaded",
                         model.name);
    members.insert(members.end(), r.members.begin(), r.members.end());
  }
  // A loaded key makes its Ref usable; the others keep their bindings.
  BindContext ctx;
  ctx.binding = make_binding(db);
  for (const MemberInfo* m : members) {
    if (m->kind != MemberKind::Relation || !m->bind) continue;
    ctx.member = m;
    m->bind(object, ctx);
  }
}

void write_partial(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                   const std::vector<bool>* loaded, bool save) {
  const char* operation = save ? "save" : "update";
  if (!loaded)
    throw UsageError(std::string("cannot ") + operation + " a Partial<" + model.name +
                         "> that no query loaded: only the rows of only() / defer() know which fields they hold",
                     model.name);
  if (!db || !db->connection) throw UsageError("the Database has been closed", model.name);
  const Dialect d = db->dialect;
  const Value key = model.primary_key->get(object);
  if (key.is_null())
    throw UsageError(std::string("cannot ") + operation + " a Partial<" + model.name + "> without a key",
                     model.name);

  // Django's save(update_fields=...) stamps auto_now only on the fields it
  // writes: here, the loaded ones.
  stamp_auto_now(model, object, AutoWrite::Save, current_time(), loaded);
  // A multi-table child's loaded fields are written table by table.
  if (spans_tables(model)) {
    if (!update_chain(db, model, object, loaded)) throw_partial_gone(model, key);
    if (save) bind_object(db, model, object);
    return;
  }
  std::string assignments;
  std::vector<Value> params;
  for (std::size_t i = 0; i < model.columns.size(); ++i) {
    const MemberInfo& m = *model.columns[i];
    if (m.primary_key || !(*loaded)[i]) continue;
    params.push_back(checked_column_value(model, m, object));
    if (!assignments.empty()) assignments += ", ";
    assignments += quote_identifier(d, m.column) + " = " + placeholder(d, static_cast<int>(params.size()));
  }
  const std::string where = " WHERE " + quote_identifier(d, model.primary_key->column) + " = ";
  bool found = false;
  if (assignments.empty()) {
    // Nothing to write: the row only has to exist (as update_object does).
    run(*db, model, "SELECT 1 FROM " + quote_identifier(d, model.table) + where + placeholder(d, 1), {key},
        [&](const Row&) { found = true; });
  } else {
    params.push_back(key);
    const std::string sql = "UPDATE " + quote_identifier(d, model.table) + " SET " + assignments + where +
                            placeholder(d, static_cast<int>(params.size()));
    ExecResult result;
    run(*db, model, sql, params, {}, &result);
    found = result.rows_affected > 0;
  }
  if (!found) throw_partial_gone(model, key);
  if (save) bind_object(db, model, object);
}

}  // namespace covet::detail

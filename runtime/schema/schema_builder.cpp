// create_all / drop_all: DDL for every registered model.
//
// Tables are created in dependency order (referenced tables first) so the
// statements read naturally. SQLite checks REFERENCES lazily, so constraints
// are written inline there; PostgreSQL checks them at once, so its foreign
// keys are added with ALTER TABLE after every table exists, which also covers
// cycles between models. Tables that already exist are left alone. The whole
// run is one transaction (a savepoint inside an outer atomic scope).
// Many-to-many relations without a through model get their automatic join
// table after every model table (see join_table_sql); drop_all drops those
// first. A model's covet::unique_together constraints are table constraints
// of its CREATE TABLE. Every name made up here (indexes, constraints) goes
// through truncate_name, so none exceeds PostgreSQL's 63 bytes. A
// single-table hierarchy has one table, its root's (see
// inheritance/single_table_schema.hpp for what it holds).
//
// A multi-table child's table (inheritance/table_chain.hpp) holds only the
// columns its model declares, keyed by its parent link: a column of the
// parent's key type that is both its PRIMARY KEY and a foreign key to the
// parent table's key, a plain reference like every other foreign key (the
// collector deletes a parent's child rows, as Django's does). Its indexes,
// unique constraints and unique_together are its own columns'. It is
// created after its parent and dropped before it.
//
// Covet's content-type table (generic/content_type_table.hpp) comes last:
// create_all creates it when missing and adds the rows of models that have
// none, every run; drop_all drops it after the model tables. Both forget
// the handle's content-type cache.
#include "schema/schema_builder.hpp"

#include "generic/content_type_cache.hpp"
#include "generic/content_type_table.hpp"
#include "inheritance/single_table.hpp"
#include "inheritance/single_table_schema.hpp"
#include "inheritance/table_chain.hpp"
#include "relations/join_table.hpp"
#include "schema/identifier_names.hpp"
#include "sql/dialect.hpp"
#include "trees/nested_set_hooks.hpp"

#include <covet/atomic.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

bool has_table(const ModelInfo& model) { return !model.abstract && !model.proxy && !in_parent_table(model); }

std::string referenced_sql(Dialect d, const ModelInfo& table, const std::string& column) {
  return "REFERENCES " + quote_identifier(d, table.table) + " (" + quote_identifier(d, column) + ")";
}

// A multi-table child's key: its parent's key, by reference.
std::string link_references_sql(Dialect d, const ModelInfo& model) {
  return referenced_sql(d, *model.parent_model, key_column(*model.parent_model));
}

// Referenced models before the models that reference them; a cycle is
// broken at the edge that closes it (its constraint comes later anyway).
std::vector<const ModelInfo*> dependency_order(const std::vector<const ModelInfo*>& models) {
  std::vector<const ModelInfo*> out;
  std::set<const ModelInfo*> done, visiting;
  std::function<void(const ModelInfo*)> visit = [&](const ModelInfo* m) {
    if (done.count(m) || visiting.count(m)) return;
    visiting.insert(m);
    if (m->inheritance == Inheritance::MultiTable) visit(m->parent_model);
    for (const TableColumn& column : table_columns(*m)) {
      const MemberInfo* c = column.member;
      if (!c->relation) continue;
      const ModelInfo* target = &table_model(*c->relation->target);
      if (target != m && has_table(*target)) visit(target);
    }
    visiting.erase(m);
    done.insert(m);
    out.push_back(m);
  };
  for (const ModelInfo* m : models)
    if (has_table(*m)) visit(m);
  return out;
}

// A foreign key to a multi-table child refers to its table's key, its parent
// link; a to_field it inherits lives in the ancestor's table, which the key
// then refers to (as Django's constraint does).
std::string references_sql(Dialect d, const MemberInfo& m) {
  const ModelInfo& target = *m.relation->target;
  if (m.relation->to_field.empty()) return referenced_sql(d, table_owner(target), key_column(target));
  const MemberInfo* key = target.member(m.relation->to_field);
  if (key->primary_key) return referenced_sql(d, table_owner(target), key_column(target));
  return referenced_sql(d, column_owner(target, *key), key->column);
}

// The columns of each covet::unique_together of `model`. Throws UsageError
// for a name that is no column member (the plugin rejects it; metadata
// written by hand may not).
std::vector<std::vector<std::string>> unique_together_columns(const ModelInfo& model) {
  std::vector<std::vector<std::string>> out;
  for (const std::vector<std::string>& names : model.unique_together) {
    std::vector<std::string>& columns = out.emplace_back();
    for (const std::string& name : names) {
      const MemberInfo* m = model.member(name);
      if (m && !m->column.empty() && &column_owner(model, *m) != &table_owner(model))
        // Django's models.E016: the column is in an ancestor's table.
        throw UsageError("unique_together of " + model.name + " names '" + name + "', a field of " +
                             column_owner(model, *m).name + ": a multi-table child's constraints can only "
                             "name its own fields (put the constraint on " + column_owner(model, *m).name +
                             ", or declare the field on " + model.name + ")",
                         model.name);
      if (!m || m->column.empty()) {
        std::string choices;
        for (const MemberInfo* c : model.columns) choices += (choices.empty() ? "" : ", ") + c->name;
        throw UsageError("unique_together of " + model.name + " names '" + name +
                             "', which is not a column, foreign key or one-to-one of " + model.name +
                             "; choices are: " + choices,
                         model.name);
      }
      columns.push_back(m->column);
    }
  }
  return out;
}

}  // namespace

std::string create_table_sql(Dialect d, const ModelInfo& model) {
  std::string sql = "CREATE TABLE " + quote_identifier(d, model.table) + " (";
  bool first = true;
  if (spans_tables(model)) {
    sql += quote_identifier(d, model.parent_link) + " " + column_type_sql(d, *model.primary_key) +
           " NOT NULL PRIMARY KEY";
    if (d == Dialect::SQLite) sql += " " + link_references_sql(d, model);
    first = false;
  }
  for (const TableColumn& column : table_columns(model)) {
    const MemberInfo* m = column.member;
    if (!first) sql += ", ";
    first = false;
    sql += quote_identifier(d, m->column) + " ";
    if (m->primary_key) {
      sql += primary_key_sql(d, *m);
      continue;
    }
    sql += column_type_sql(d, *m);
    if (!column.nullable) sql += " NOT NULL";
    if (m->unique) sql += " UNIQUE";
    if (d == Dialect::SQLite && m->relation && m->relation->db_constraint) sql += " " + references_sql(d, *m);
  }
  if (!model.discriminator.empty()) sql += ", " + quote_identifier(d, model.discriminator) + " TEXT NOT NULL";
  std::vector<std::string> constraints;
  for (const ModelInfo* owner : table_models(model))
    for (const std::vector<std::string>& columns : unique_together_columns(*owner)) {
      std::string name = model.table, list;
      for (const std::string& c : columns) {
        name += "_" + c;
        list += (list.empty() ? "" : ", ") + quote_identifier(d, c);
      }
      name = truncate_name(name + "_uniq");
      if (std::find(constraints.begin(), constraints.end(), name) != constraints.end()) continue;
      constraints.push_back(name);
      sql += ", CONSTRAINT " + quote_identifier(d, name) + " UNIQUE (" + list + ")";
    }
  return sql + ")";
}

namespace {

std::string index_name(const ModelInfo& model, const MemberInfo& m) {
  return truncate_name(model.table + "_" + m.column + "_idx");
}

// The automatic join table of a many-to-many (join_table.hpp): a key, the two
// foreign keys (NOT NULL, cascading, so the pairs of a deleted row go with
// it), a UNIQUE pair, and an index on the target key (the UNIQUE index
// already serves lookups by the source key).
std::vector<std::string> join_table_sql(Dialect d, const ModelInfo& source, const MemberInfo& member) {
  const JoinTable jt = join_table_of(source, member);
  auto key = [&](const std::string& column, const ModelInfo& model) {
    std::string sql = quote_identifier(d, column) + " " + column_type_sql(d, *model.primary_key) + " NOT NULL";
    if (member.relation->db_constraint)
      sql += " " + referenced_sql(d, table_owner(model), key_column(model)) + " ON DELETE CASCADE";
    return sql;
  };
  return {
      "CREATE TABLE " + quote_identifier(d, jt.table) + " (" + quote_identifier(d, "id") + " " + auto_id_sql(d) +
          ", " + key(jt.source_column, *jt.source) + ", " + key(jt.target_column, *jt.target) + ", UNIQUE (" +
          quote_identifier(d, jt.source_column) + ", " + quote_identifier(d, jt.target_column) + "))",
      "CREATE INDEX " + quote_identifier(d, truncate_name(jt.table + "_" + jt.target_column + "_idx")) + " ON " +
          quote_identifier(d, jt.table) + " (" + quote_identifier(d, jt.target_column) + ")",
  };
}

std::vector<std::string> existing_tables(Connection& conn) {
  std::vector<std::string> names;
  const char* sql = conn.dialect() == Dialect::SQLite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                        : "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()";
  conn.execute(sql, {}, [&](const Row& row) { names.push_back(row.value(0).as_text()); });
  return names;
}

}  // namespace

void require_models(const std::vector<const ModelInfo*>& models) {
  if (!models.empty()) return;
  throw UsageError(
      "create_all() found no registered model, so it would create no table: the program was linked without "
      "the metadata the Covet plugin generates. Pass the model headers to covet_add_models(<target> "
      "<headers>...) in CMake (or compile the plugin's generated <target>.covet.cpp into the program)");
}

void create_all(const std::shared_ptr<DatabaseState>& db) {
  const std::vector<const ModelInfo*> models = all_models();
  require_models(models);
  Connection& conn = *db->connection;
  const Dialect d = db->dialect;
  Atomic scope(db);
  std::vector<std::string> existing = existing_tables(conn);
  std::vector<const ModelInfo*> created;
  for (const ModelInfo* model : dependency_order(models)) {
    if (std::find(existing.begin(), existing.end(), model->table) != existing.end()) continue;
    conn.execute(create_table_sql(d, *model), {});
    auto index = [&](const std::string& name, const std::string& column) {
      conn.execute("CREATE INDEX " + quote_identifier(d, name) + " ON " + quote_identifier(d, model->table) +
                       " (" + quote_identifier(d, column) + ")",
                   {});
    };
    for (const TableColumn& column : table_columns(*model)) {
      const MemberInfo* m = column.member;
      // Unique columns are indexed by their constraint already.
      if (!m->db_index || m->unique || m->primary_key) continue;
      index(index_name(*model, *m), m->column);
    }
    if (!model->discriminator.empty())
      index(truncate_name(model->table + "_" + model->discriminator + "_idx"), model->discriminator);
    for (const std::string& sql : nested_set_index_sql(d, *model)) conn.execute(sql, {});
    created.push_back(model);
  }
  if (d == Dialect::PostgreSQL) {
    auto add_foreign_key = [&](const ModelInfo& model, const std::string& column, const std::string& references) {
      conn.execute("ALTER TABLE " + quote_identifier(d, model.table) + " ADD CONSTRAINT " +
                       quote_identifier(d, truncate_name(model.table + "_" + column + "_fk")) + " FOREIGN KEY (" +
                       quote_identifier(d, column) + ") " + references,
                   {});
    };
    for (const ModelInfo* model : created) {
      if (spans_tables(*model)) add_foreign_key(*model, model->parent_link, link_references_sql(d, *model));
      for (const TableColumn& column : table_columns(*model))
        if (const MemberInfo* m = column.member; m->relation && m->relation->db_constraint)
          add_foreign_key(*model, m->column, references_sql(d, *m));
    }
  }
  // Join tables last: both tables they refer to exist by now.
  for (const auto& [source, member] : automatic_join_tables()) {
    if (std::find(existing.begin(), existing.end(), join_table_of(*source, *member).table) != existing.end())
      continue;
    for (const std::string& sql : join_table_sql(d, *source, *member)) conn.execute(sql, {});
  }
  // Covet's content-type table, and a row for each model without one (also
  // when every table existed: a model added since, or rows emptied).
  ensure_content_types(conn,
                       std::find(existing.begin(), existing.end(), kContentTypeTable) != existing.end(), models);
  scope.commit();
  // Read again on the next lookup: the rows may be new (forgotten after the
  // commit, so a lookup cannot have cached the table as it was before).
  forget_content_types(*db);
  db->statements.clear();
}

void drop_all(const std::shared_ptr<DatabaseState>& db) {
  Connection& conn = *db->connection;
  const Dialect d = db->dialect;
  std::vector<const ModelInfo*> order = dependency_order(all_models());
  std::reverse(order.begin(), order.end());
  // SQLite cannot drop a table that rows of another (cyclic) table still
  // reference while foreign keys are enforced; the pragma only works outside
  // a transaction, so it brackets the scope.
  const bool toggle_fk = d == Dialect::SQLite && db->transaction_depth == 0;
  if (toggle_fk) conn.execute("PRAGMA foreign_keys = OFF", {});
  try {
    Atomic scope(db);
    for (const auto& [source, member] : automatic_join_tables())
      conn.execute("DROP TABLE IF EXISTS " + quote_identifier(d, join_table_of(*source, *member).table), {});
    for (const ModelInfo* model : order)
      conn.execute("DROP TABLE IF EXISTS " + quote_identifier(d, model->table) +
                       (d == Dialect::PostgreSQL ? " CASCADE" : ""),
                   {});
    // Last: generic references in the model tables may refer to it.
    conn.execute(drop_content_type_table_sql(d), {});
    scope.commit();
    forget_content_types(*db);
    db->statements.clear();
  } catch (...) {
    if (toggle_fk) conn.execute("PRAGMA foreign_keys = ON", {});
    throw;
  }
  if (toggle_fk) conn.execute("PRAGMA foreign_keys = ON", {});
}

}  // namespace covet::detail

// The writes of the reverse foreign-key manager (covet::RelatedManager<T>):
// they move the key column of the related rows, never insert or delete them.
//
//   add     UPDATE child SET fk = owner WHERE pk IN (...)
//   remove  UPDATE child SET fk = NULL  WHERE fk = owner AND pk IN (...)
//   clear   UPDATE child SET fk = NULL  WHERE fk = owner
//   set     SELECT pk FROM child WHERE fk = owner, then remove + add of the
//           difference, in one transaction
//
// As in Django, they exist for nullable keys only (a non-null key cannot be
// let go of); the typed managers leave them out, the run-time checked ones
// call require_nullable_key first. A single-table subclass's relation
// (inheritance/single_table.hpp) finds only that subclass's rows by the key.
#include "backend/connection.hpp"
#include "database_state.hpp"
#include "inheritance/single_table.hpp"
#include "inheritance/table_chain.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/errors.hpp>
#include <covet/reverse.hpp>

#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

std::string label_of(const ReverseRelation& r) { return r.source->name + "." + r.member->name; }

// `"fk" = <owner>`, and the source's identities when it is a single-table
// subclass, binding them into `params`.
std::string owner_rows(Dialect d, const ReverseRelation& r, const Value& owner, std::vector<Value>& params) {
  ParamSink sink{d, &params};
  std::string sql = quote_identifier(d, r.member->column) + " = " + sink.bind(owner);
  if (std::string only = row_restriction(sink, std::string(), *r.source); !only.empty()) sql += " AND " + only;
  return sql;
}

ExecResult run(DatabaseState& db, const ReverseRelation& r, const std::string& sql, const std::vector<Value>& params,
               const std::function<void(const Row&)>& on_row = {}) {
  try {
    return db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(r.source->name);
    throw;
  }
}

// UPDATE child SET fk = <value> WHERE [fk = owner AND] pk IN (keys), batched.
void update_keys(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& value,
                 const Value* only_from_owner, const std::vector<Value>& keys) {
  if (keys.empty()) return;
  const Dialect d = db->dialect;
  const ModelInfo& child = *r.source;
  const std::size_t fixed = only_from_owner ? 2 : 1;
  const std::size_t per_batch = rows_per_statement(*db, 1, fixed);
  std::optional<Atomic> scope;
  if (keys.size() > per_batch) scope.emplace(db);
  for (std::size_t begin = 0; begin < keys.size(); begin += per_batch) {
    const std::size_t end = std::min(keys.size(), begin + per_batch);
    std::vector<Value> params{value};
    std::string sql = "UPDATE " + quote_identifier(d, child.table) + " SET " + quote_identifier(d, r.member->column) +
                      " = " + placeholder(d, 1) + " WHERE ";
    if (only_from_owner) {
      params.push_back(*only_from_owner);
      sql += quote_identifier(d, r.member->column) + " = " + placeholder(d, 2) + " AND ";
    }
    sql += quote_identifier(d, key_column(child)) + " IN (";
    for (std::size_t i = begin; i < end; ++i) {
      params.push_back(keys[i]);
      sql += (i == begin ? "" : ", ") + placeholder(d, static_cast<int>(params.size()));
    }
    run(*db, r, sql + ")", params);
  }
  if (scope) scope->commit();
}

}  // namespace

void require_nullable_key(const ReverseRelation& r, const char* what) {
  if (r.member->relation->kind == RelationKind::ManyToMany || r.member->nullable) return;
  throw UsageError(std::string(what) + " on the reverse of " + label_of(r) + " needs a nullable key, and " +
                       label_of(r) + " is not one (declare it std::optional<covet::Ref<" +
                       r.member->relation->target->name + ">>); create() and the query methods work for any key",
                   r.source->name);
}

// Django raises <Owner>.DoesNotExist here: the owner is what the object is
// not found among.
void require_related(const ReverseRelation& r, const Value& owner, const void* object) {
  const Value held = r.member->get(object);
  if (held == owner) return;
  const std::string& owner_model = r.member->relation->target->name;
  throw DoesNotExist(r.source->name + " " + r.source->primary_key->get(object).debug_string() +
                         " is not related to the " + owner_model + " with key " + owner.debug_string() +
                         " (its " + label_of(r) + " is " + held.debug_string() +
                         "): remove() takes objects of the owner's " + r.accessor +
                         "; reload the object if its row changed since",
                     owner_model);
}

void fk_assign(const std::weak_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& key, void* object) {
  r.member->set(object, key);
  if (key.is_null()) return;
  BindContext ctx;
  ctx.binding = make_binding(db);
  ctx.member = r.member;
  r.member->bind(object, ctx);
}

void refuse_through_defaults(const ReverseRelation& r) {
  throw UsageError("through_defaults() apply to the pairs of a many-to-many; the reverse of the foreign key " +
                       label_of(r) + " has no through model: pass the objects or keys alone",
                   r.source->name);
}

void fk_add(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& owner,
            const std::vector<Value>& keys) {
  update_keys(db, r, owner, nullptr, distinct_keys(keys, *r.source, label_of(r) + " (reverse)"));
}

void fk_remove(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& owner,
               const std::vector<Value>& keys) {
  update_keys(db, r, Value(), &owner, distinct_keys(keys, *r.source, label_of(r) + " (reverse)"));
}

void fk_clear(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& owner) {
  const Dialect d = db->dialect;
  std::vector<Value> params;
  const std::string where = owner_rows(d, r, owner, params);
  run(*db, r,
      "UPDATE " + quote_identifier(d, r.source->table) + " SET " + quote_identifier(d, r.member->column) +
          " = NULL WHERE " + where,
      params);
}

void fk_set(const std::shared_ptr<DatabaseState>& db, const ReverseRelation& r, const Value& owner,
            const std::vector<Value>& keys) {
  const Dialect d = db->dialect;
  std::vector<Value> wanted = distinct_keys(keys, *r.source, label_of(r) + " (reverse)");
  Atomic scope(db);
  std::vector<Value> current, params;
  const std::string where = owner_rows(d, r, owner, params);
  run(*db, r,
      "SELECT " + quote_identifier(d, key_column(*r.source)) + " FROM " + quote_identifier(d, r.source->table) +
          " WHERE " + where,
      params, [&](const Row& row) { current.push_back(row.value(0)); });
  const KeyChange change = key_change(current, wanted);
  update_keys(db, r, Value(), &owner, change.removed);
  update_keys(db, r, owner, nullptr, change.added);
  scope.commit();
}

}  // namespace covet::detail

// The writes and the owner filter behind covet::ManyRelatedManager<T>.
//
// A manager is a link: one many-to-many relation, read from one side (the
// declaring model's, or the target's when `reverse`), for one owner key. Its
// pairs are rows of the join table (join_table.hpp), so every write is a
// statement on that table:
//
//   add     with a UNIQUE (src, tgt) (automatic join tables; a through model
//           with covet::unique_together over its two keys):
//             INSERT INTO j (src, tgt[, through columns]) VALUES (...), (...)
//               ON CONFLICT (src, tgt) DO NOTHING
//           the database skips the pairs already there, also the ones another
//           connection writes at the same moment (a NOT EXISTS test cannot
//           see an uncommitted row, so two connections adding one pair would
//           both insert it and one would fail with UniqueViolation). SQLite
//           takes the same upsert clause; unlike INSERT OR IGNORE it ignores
//           only a conflict on that pair, so a NOT NULL or another UNIQUE
//           column still fails as on PostgreSQL.
//           without one (a through model with no unique pair), or with
//           another unique constraint besides it (then with the upsert):
//             [PostgreSQL: SELECT 1 FROM src_table WHERE pk IN (...) ORDER BY pk FOR UPDATE]
//             INSERT INTO j (src, tgt[, through columns])
//               SELECT v.column1, v.column2, ... FROM (VALUES (...), (...)) AS v
//               WHERE NOT EXISTS (SELECT 1 FROM j AS e WHERE e.src = v.column1 AND e.tgt = v.column2)
//           the NOT EXISTS skips the pairs already there; on PostgreSQL the
//           row lock on each pair's source object serializes the writers of
//           a pair (from either side), so the second one's NOT EXISTS, a new
//           statement under READ COMMITTED, sees the first one's rows. SQLite
//           runs one writer at a time, and an INSERT holds the write lock
//           while it tests. PostgreSQL types the VALUES columns from CASTs on
//           the first row.
//   remove  DELETE FROM j WHERE owner = ? AND other IN (...)
//   clear   DELETE FROM j WHERE owner = ?
//   set     [PostgreSQL: SELECT 1 FROM owner_table WHERE pk = ? FOR UPDATE]
//           SELECT other FROM j WHERE owner = ?, then remove + add of the
//           difference, in one transaction. The owner's row lock makes two
//           set()s of one owner run one after the other, so the result is one
//           of the two sets, not a mix (SQLite: one writer at a time).
//
// A symmetrical relation stores (a, b) and (b, a): add writes both, remove and
// clear match the owner on either column.
//
// Keys are deduplicated before writing, and pairs (and the rows to lock) are
// written in key order, so two connections adding overlapping pairs wait for
// each other in one order and never deadlock. Rows go in batches under the
// backend's parameter limit; a write of more than one statement runs in an
// Atomic scope (a savepoint inside an open transaction).
#include "backend/connection.hpp"
#include "database_state.hpp"
#include "inheritance/table_chain.hpp"
#include "relations/join_table.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/many_to_many.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <unordered_map>
#include <vector>

namespace covet::detail {

namespace {

// A link resolved against the metadata and its open database.
struct Plan {
  std::shared_ptr<DatabaseState> db;
  JoinTable jt;
  std::string owner_column;      // the join column holding the owner's key
  std::string other_column;      // the join column holding the managed side's key
  const ModelInfo* managed = nullptr;  // the model whose objects the manager returns
  const ModelInfo* owner = nullptr;
  bool reverse = false;
  Value owner_key;
  std::string label;             // "Post.tags", "Post.tags (reverse)"
};

std::string label_of(const ModelInfo& source, const ManyToManyLink& link) {
  return source.name + "." + link.relation->name + (link.reverse ? " (reverse)" : "");
}

Plan plan_of(const ManyToManyLink& link) {
  if (!link.relation) {
    lock_database(link.database(), "a many-to-many manager");  // throws: never bound
    throw UsageError("a many-to-many manager is not bound to a relation");
  }
  const ModelInfo& source = declaring_model(*link.relation);
  Plan p;
  p.label = label_of(source, link);
  p.db = lock_database(link.database(), p.label);
  if (link.owner_key.is_null())
    throw UsageError(p.label + " has no owner key: save the owner first", source.name);
  p.jt = join_table_of(source, *link.relation);
  if (p.jt.source_key != p.jt.source->primary_key || p.jt.target_key != p.jt.target->primary_key)
    throw UsageError(p.label + ": the through model " + p.jt.through->name +
                         " refers to a to_field; many-to-many managers need keys to the primary keys",
                     source.name);
  p.reverse = link.reverse;
  p.owner_key = link.owner_key.value();
  p.owner_column = link.reverse ? p.jt.target_column : p.jt.source_column;
  p.other_column = link.reverse ? p.jt.source_column : p.jt.target_column;
  p.managed = link.reverse ? p.jt.source : p.jt.target;
  p.owner = link.reverse ? p.jt.target : p.jt.source;
  return p;
}

ExecResult run(const Plan& p, const std::string& sql, const std::vector<Value>& params,
               const std::function<void(const Row&)>& on_row = {}) {
  try {
    return p.db->connection->execute(sql, params, on_row);
  } catch (Error& e) {
    e.set_model(p.jt.through ? p.jt.through->name : p.jt.source->name);
    throw;
  }
}

std::string q(const Plan& p, std::string_view identifier) { return quote_identifier(p.db->dialect, identifier); }

// The through model's own columns: every column but its key and the two
// relation keys, with the values the rows get.
struct ExtraColumns {
  std::vector<const MemberInfo*> members;
  std::vector<Value> values;
};

ExtraColumns extra_columns(const Plan& p, const ThroughDefaults& defaults) {
  ExtraColumns out;
  const ModelInfo* through = p.jt.through;
  if (!through) {
    if (defaults.model())
      throw UsageError(p.label + " has no through model, so through_defaults(" + defaults.model()->name +
                           ") has nothing to fill in",
                       p.jt.source->name);
    return out;
  }
  if (defaults.model() && defaults.model() != through)
    throw UsageError(p.label + ": through_defaults must be a " + through->name + ", not a " +
                         defaults.model()->name,
                     through->name);
  std::shared_ptr<void> fresh;
  const void* prototype = defaults.object();
  if (!prototype) {
    fresh = through->make();
    prototype = fresh.get();
  }
  for (const MemberInfo* m : through->columns) {
    if (m->primary_key || m == p.jt.source_member || m == p.jt.target_member) continue;
    out.members.push_back(m);
    out.values.push_back(m->get(prototype));
  }
  return out;
}

// Locks the rows of `model` (PostgreSQL, SELECT ... FOR UPDATE) whose primary
// keys are `keys` (distinct, in key order), until the open transaction ends.
// The rows are those of the model's own table: a multi-table child's is keyed
// by its parent link, not by the root's key column.
void lock_rows(const Plan& p, const ModelInfo& model, const std::vector<Value>& keys) {
  const Dialect d = p.db->dialect;
  const std::string pk = q(p, key_column(model));
  const std::string& table = table_owner(model).table;
  const std::size_t per_batch = rows_per_statement(*p.db, 1, 0);
  for (std::size_t begin = 0; begin < keys.size(); begin += per_batch) {
    const std::size_t end = std::min(keys.size(), begin + per_batch);
    std::string list;
    std::vector<Value> params(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                              keys.begin() + static_cast<std::ptrdiff_t>(end));
    for (std::size_t i = 0; i < params.size(); ++i) list += (i ? ", " : "") + placeholder(d, static_cast<int>(i + 1));
    run(p, "SELECT 1 FROM " + q(p, table) + " WHERE " + pk + " IN (" + list + ") ORDER BY " + pk + " FOR UPDATE",
        params);
  }
}

// Whether writing pairs needs the row locks of lock_rows: on PostgreSQL,
// when the join table has no UNIQUE pair to arbitrate concurrent inserts, or
// has another unique constraint that a concurrent insert of the same pair
// would trip first (ON CONFLICT only arbitrates the pair's).
bool locks_sources(const Plan& p) {
  return p.db->dialect == Dialect::PostgreSQL && (!p.jt.unique_pair || p.jt.other_unique);
}

// INSERTs the (source, target) pairs not in the join table yet (see the
// header comment). `sources_locked`: the caller holds the row locks of every
// pair's source already.
void insert_pairs(const Plan& p, std::vector<std::pair<Value, Value>> pairs, const ThroughDefaults& defaults,
                  bool sources_locked = false) {
  if (pairs.empty()) return;
  const Dialect d = p.db->dialect;
  ExtraColumns extra = extra_columns(p, defaults);
  const std::size_t width = 2 + extra.members.size();
  const ValueLess less;
  std::sort(pairs.begin(), pairs.end(), [&](const auto& a, const auto& b) {
    return less(a.first, b.first) || (!less(b.first, a.first) && less(a.second, b.second));
  });

  std::vector<const MemberInfo*> types{p.jt.source_key, p.jt.target_key};
  std::string columns = q(p, p.jt.source_column) + ", " + q(p, p.jt.target_column);
  std::string selected = "\"v\".\"column1\", \"v\".\"column2\"";
  for (std::size_t i = 0; i < extra.members.size(); ++i) {
    columns += ", " + q(p, extra.members[i]->column);
    selected += ", \"v\".\"column" + std::to_string(i + 3) + "\"";
    types.push_back(extra.members[i]);
  }
  const bool upsert = p.jt.unique_pair;
  const std::string head = upsert ? "INSERT INTO " + q(p, p.jt.table) + " (" + columns + ") VALUES "
                                  : "INSERT INTO " + q(p, p.jt.table) + " (" + columns + ") SELECT " + selected +
                                        " FROM (VALUES ";
  const std::string tail =
      upsert ? " ON CONFLICT (" + q(p, p.jt.source_column) + ", " + q(p, p.jt.target_column) + ") DO NOTHING"
             : ") AS \"v\" WHERE NOT EXISTS (SELECT 1 FROM " + q(p, p.jt.table) + " AS \"e\" WHERE \"e\"." +
                   q(p, p.jt.source_column) + " = \"v\".\"column1\" AND \"e\"." + q(p, p.jt.target_column) +
                   " = \"v\".\"column2\")";

  const bool lock = locks_sources(p) && !sources_locked;
  const std::size_t per_batch = rows_per_statement(*p.db, width, 0);
  std::optional<Atomic> scope;
  // Several statements are all or nothing; a row lock lasts until the end of
  // a transaction, so one must be open.
  if (pairs.size() > per_batch || (lock && p.db->transaction_depth == 0)) scope.emplace(p.db);
  if (lock) {
    std::vector<Value> sources;
    for (const auto& pair : pairs)
      if (sources.empty() || !(sources.back() == pair.first)) sources.push_back(pair.first);
    lock_rows(p, *p.jt.source, sources);
  }
  for (std::size_t begin = 0; begin < pairs.size(); begin += per_batch) {
    const std::size_t end = std::min(pairs.size(), begin + per_batch);
    std::string sql = head;
    std::vector<Value> params;
    params.reserve((end - begin) * width);
    for (std::size_t r = begin; r < end; ++r) {
      sql += r == begin ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c) {
        params.push_back(c == 0 ? pairs[r].first : c == 1 ? pairs[r].second : extra.values[c - 2]);
        std::string ph = placeholder(d, static_cast<int>(params.size()));
        // PostgreSQL types a VALUES column in a SELECT from its rows; untyped
        // parameters (text, NULL) would make it text. One CAST per column
        // fixes it. (INSERT ... VALUES takes the target columns' types.)
        if (!upsert && d == Dialect::PostgreSQL && r == begin)
          ph = "CAST(" + ph + " AS " + column_type_sql(d, *types[c]) + ")";
        sql += (c ? ", " : "") + ph;
      }
      sql += ")";
    }
    run(p, sql + tail, params);
  }
  if (scope) scope->commit();
}

// The (source, target) pairs relating the owner to `others`; both directions
// when symmetrical.
std::vector<std::pair<Value, Value>> pairs_of(const Plan& p, const std::vector<Value>& others) {
  std::vector<std::pair<Value, Value>> pairs;
  pairs.reserve(others.size() * (p.jt.symmetrical ? 2 : 1));
  for (const Value& k : others) pairs.emplace_back(p.reverse ? k : p.owner_key, p.reverse ? p.owner_key : k);
  if (p.jt.symmetrical)
    for (const Value& k : others)
      if (!(k == p.owner_key)) pairs.emplace_back(k, p.owner_key);
  return pairs;
}

// DELETEs the pairs of the owner with `others`.
void delete_pairs(const Plan& p, const std::vector<Value>& others) {
  if (others.empty()) return;
  const Dialect d = p.db->dialect;
  const bool sym = p.jt.symmetrical;
  const std::size_t per_batch = rows_per_statement(*p.db, sym ? 2 : 1, sym ? 2 : 1);
  std::optional<Atomic> scope;
  if (others.size() > per_batch) scope.emplace(p.db);
  for (std::size_t begin = 0; begin < others.size(); begin += per_batch) {
    const std::size_t end = std::min(others.size(), begin + per_batch);
    std::vector<Value> params{p.owner_key};
    auto in_list = [&] {
      std::string list;
      for (std::size_t i = begin; i < end; ++i) {
        params.push_back(others[i]);
        list += (i == begin ? "" : ", ") + placeholder(d, static_cast<int>(params.size()));
      }
      return list;
    };
    std::string sql = "DELETE FROM " + q(p, p.jt.table) + " WHERE ";
    const std::string list = in_list();
    if (!sym) {
      sql += q(p, p.owner_column) + " = " + placeholder(d, 1) + " AND " + q(p, p.other_column) + " IN (" +
             list + ")";
    } else {
      sql += "(" + q(p, p.jt.source_column) + " = " + placeholder(d, 1) + " AND " + q(p, p.jt.target_column) +
             " IN (" + list + "))";
      // in_list() appends to params: take the owner's placeholder first (the
      // operands of + are evaluated in no fixed order).
      params.push_back(p.owner_key);
      const std::string owner_placeholder = placeholder(d, static_cast<int>(params.size()));
      const std::string reverse_list = in_list();
      sql += " OR (" + q(p, p.jt.target_column) + " = " + owner_placeholder + " AND " +
             q(p, p.jt.source_column) + " IN (" + reverse_list + "))";
    }
    run(p, sql, params);
  }
  if (scope) scope->commit();
}

std::vector<Value> current_keys(const Plan& p) {
  std::vector<Value> out;
  run(p,
      "SELECT " + q(p, p.other_column) + " FROM " + q(p, p.jt.table) + " WHERE " + q(p, p.owner_column) +
          " = " + placeholder(p.db->dialect, 1),
      {p.owner_key}, [&](const Row& row) { out.push_back(row.value(0)); });
  return out;
}

}  // namespace

namespace {

// Whether the relation's through model refers to both primary keys, as the
// managers need (plan_of). A property of the metadata: each relation is
// looked at once per thread, not once per all() of every object read.
bool keys_are_primary(const MemberInfo& relation) {
  thread_local std::unordered_map<const MemberInfo*, bool> known;
  auto [it, added] = known.try_emplace(&relation, false);
  if (added) {
    const JoinTable jt = join_table_of(declaring_model(relation), relation);
    it->second = jt.source_key == jt.source->primary_key && jt.target_key == jt.target->primary_key;
  }
  return it->second;
}

}  // namespace

std::shared_ptr<DatabaseState> m2m_database(const ManyToManyLink& link) {
  if (link.relation && !link.owner_key.is_null() && keys_are_primary(*link.relation))
    if (std::shared_ptr<DatabaseState> db = link.database().lock(); db && db->connection) return db;
  return plan_of(link).db;  // throws the error that says what is missing
}

std::string m2m_owner_lookup(const ManyToManyLink& link) {
  if (!link.relation) return {};
  if (link.reverse) return link.relation->name;
  const ModelInfo& source = declaring_model(*link.relation);
  for (const ReverseRelation& r : link.relation->relation->target->reverse)
    if (r.member == link.relation) return r.query_name;
  return hidden_query_name(source, *link.relation);
}

void m2m_add(const ManyToManyLink& link, const std::vector<Value>& keys, const ThroughDefaults& defaults) {
  Plan p = plan_of(link);
  insert_pairs(p, pairs_of(p, distinct_keys(keys, *p.managed, p.label)), defaults);
}

void m2m_remove(const ManyToManyLink& link, const std::vector<Value>& keys) {
  Plan p = plan_of(link);
  delete_pairs(p, distinct_keys(keys, *p.managed, p.label));
}

void m2m_clear(const ManyToManyLink& link) {
  Plan p = plan_of(link);
  const Dialect d = p.db->dialect;
  std::string sql = "DELETE FROM " + q(p, p.jt.table) + " WHERE " + q(p, p.owner_column) + " = " + placeholder(d, 1);
  std::vector<Value> params{p.owner_key};
  if (p.jt.symmetrical) {
    sql += " OR " + q(p, p.other_column) + " = " + placeholder(d, 2);
    params.push_back(p.owner_key);
  }
  run(p, sql, params);
}

void m2m_set(const ManyToManyLink& link, const std::vector<Value>& keys, const ThroughDefaults& defaults) {
  Plan p = plan_of(link);
  std::vector<Value> wanted = distinct_keys(keys, *p.managed, p.label);
  Atomic scope(p.db);
  if (p.db->dialect == Dialect::PostgreSQL) lock_rows(p, *p.owner, {p.owner_key});
  std::vector<Value> current = current_keys(p);
  const KeyChange change = key_change(current, wanted);
  delete_pairs(p, change.removed);
  // Forward and not symmetrical, every pair's source is the owner, locked
  // above.
  insert_pairs(p, pairs_of(p, change.added), defaults, !p.reverse && !p.jt.symmetrical);
  scope.commit();
}

void m2m_create(const ManyToManyLink& link, const ModelInfo& managed, void* object,
                const ThroughDefaults& defaults) {
  Plan p = plan_of(link);
  Atomic scope(p.db);
  insert_object(p.db, managed, object);
  insert_pairs(p, pairs_of(p, {managed.primary_key->get(object)}), defaults);
  scope.commit();
}

Value saved_key(const ModelInfo& model, const void* object, const char* what) {
  Value key = model.primary_key->get(object);
  if (key.is_null())
    throw UsageError(std::string(what) + ": the " + model.name + " is unsaved (its " + model.primary_key->name +
                         " is 0); create or save it first",
                     model.name);
  return key;
}

}  // namespace covet::detail

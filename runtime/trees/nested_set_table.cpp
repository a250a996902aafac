#include "trees/nested_set_table.hpp"

#include "sql/dialect.hpp"

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>

#include <cstdint>
#include <string>

namespace covet::detail {

namespace {

const MemberInfo& required(const ModelInfo& model, const char* name, const char* why) {
  const MemberInfo* m = model.member(name);
  if (!m || m->column.empty())
    throw UsageError(model.name + " is a covet::NestedSetNode but has no column '" + name + "': " + why, model.name);
  return *m;
}

// FNV-1a: stable across processes and machines, unlike std::hash, so that
// every writer of the table computes the same lock keys.
std::uint32_t table_hash(const std::string& table) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : table) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::int64_t lock_base(const NestedSetTable& t) {
  return static_cast<std::int64_t>(table_hash(t.model->table)) << 31;
}

int as_int(const Value& v) { return v.is_null() ? 0 : static_cast<int>(value_to_integer(v)); }

}  // namespace

NestedSetTable NestedSetTable::of(const ModelInfo& model, Dialect dialect) {
  NestedSetTable t;
  t.model = &model;
  t.dialect = dialect;
  t.key = model.primary_key;
  t.parent = &required(model, "parent",
                       "declare [[covet::foreign_key(covet::CASCADE)]] std::optional<covet::Ref<Model>> parent; "
                       "Covet keeps it in step with the bounds");
  t.lft = &required(model, "lft", "it comes from covet::NestedSetNode");
  t.rgt = &required(model, "rgt", "it comes from covet::NestedSetNode");
  t.tree_id = &required(model, "tree_id", "it comes from covet::NestedSetNode");
  t.level = &required(model, "level", "it comes from covet::NestedSetNode");
  t.table = quote_identifier(dialect, model.table);
  t.K = quote_identifier(dialect, t.key->column);
  t.P = quote_identifier(dialect, t.parent->column);
  t.L = quote_identifier(dialect, t.lft->column);
  t.R = quote_identifier(dialect, t.rgt->column);
  t.T = quote_identifier(dialect, t.tree_id->column);
  t.V = quote_identifier(dialect, t.level->column);
  return t;
}

// Numbered on both dialects ("?3" on SQLite, "$3" on PostgreSQL): the
// writes build their SQL with `+` chains whose operands C++ evaluates in
// an unspecified order (GCC and Clang differ), each operand pushing its
// value and naming its index, so only numbered placeholders bind every
// value where its text is.
std::string NestedSetTable::ph(int index) const {
  return dialect == Dialect::SQLite ? "?" + std::to_string(index) : placeholder(dialect, index);
}

std::int64_t run_tree_sql(DatabaseState& db, const NestedSetTable& t, const std::string& sql,
                          const std::vector<Value>& params, const std::function<void(const Row&)>& on_row) {
  if (!db.connection) throw UsageError("the Database has been closed", t.model->name);
  try {
    return db.connection->execute(sql, params, on_row).rows_affected;
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(t.model->name);
    throw;
  }
}

std::string guard_unchanged(const NestedSetTable& t, TreeParams& q, const StoredNode& n) {
  const bool parent_bounds = !n.parent.is_null() && !n.claimed;
  std::string sql = "EXISTS (SELECT 1 FROM " + t.table + " AS g";
  if (parent_bounds) sql += " JOIN " + t.table + " AS gp ON gp." + t.K + " = g." + t.P;
  sql += " WHERE g." + t.K + " = " + q(n.key) + " AND g." + t.L + " = " + q(n.lft) + " AND g." + t.R + " = " +
         q(n.rgt) + " AND g." + t.T + " = " + q(n.tree_id) + " AND g." + t.V + " = " + q(n.level);
  if (n.parent.is_null()) return sql + " AND g." + t.P + " IS NULL)";
  if (!parent_bounds) return sql + " AND g." + t.P + " = " + q(n.parent) + ")";
  return sql + " AND g." + t.P + " = " + q(n.parent) + " AND gp." + t.L + " = " + q(n.parent_lft) + " AND gp." +
         t.R + " = " + q(n.parent_rgt) + ")";
}

std::set<int> TreeLocks::lock_query(const std::string& source, const std::vector<Value>& params) {
  if (t_.dialect != Dialect::PostgreSQL) return {};
  std::vector<Value> all{Value(lock_base(t_))};
  all.insert(all.end(), params.begin(), params.end());
  std::set<int> found;
  // PostgreSQL evaluates volatile functions of the select list after ORDER
  // BY, so the locks are taken in ascending order.
  run_tree_sql(db_, t_,
               "SELECT s.x, pg_advisory_xact_lock(" + t_.ph(1) + "::bigint + s.x) FROM (" + source +
                   ") AS s ORDER BY s.x",
               all, [&](const Row& row) { found.insert(as_int(row.value(0))); });
  locked_.insert(found.begin(), found.end());
  return found;
}

void TreeLocks::lock_ids(const std::set<int>& ids) {
  std::string values;
  std::vector<Value> params;
  for (int id : ids) {
    if (locked_.count(id)) continue;
    params.emplace_back(static_cast<std::int64_t>(id));
    values += std::string(values.empty() ? "" : " UNION ") + "SELECT " + t_.ph(static_cast<int>(params.size() + 1)) +
              "::integer AS x";
  }
  if (!params.empty()) lock_query(values, params);
}

void TreeLocks::lock_all() {
  lock_query("SELECT " + t_.T + " AS x FROM " + t_.table + " UNION SELECT 0", {});
}

StoredNode StoredNode::claimed_by(const NestedSetTable& t, const void* object) {
  StoredNode n;
  n.key = t.model->primary_key->get(object);
  n.parent = t.parent->get(object);
  n.lft = as_int(t.lft->get(object));
  n.rgt = as_int(t.rgt->get(object));
  n.tree_id = as_int(t.tree_id->get(object));
  n.level = as_int(t.level->get(object));
  n.claimed = true;
  return n;
}

namespace {

// Reads a row of read_unlocked()'s (or lock_and_read()'s) columns from `at`.
StoredNode stored_node(const Row& row, int at) {
  StoredNode n;
  n.key = row.value(at);
  n.parent = row.value(at + 1);
  n.lft = as_int(row.value(at + 2));
  n.rgt = as_int(row.value(at + 3));
  n.tree_id = as_int(row.value(at + 4));
  n.level = as_int(row.value(at + 5));
  n.parent_lft = as_int(row.value(at + 6));
  n.parent_rgt = as_int(row.value(at + 7));
  return n;
}

// In the order of `keys`, so callers can tell node from target.
std::vector<StoredNode> in_key_order(const std::vector<Value>& keys, const std::vector<StoredNode>& found) {
  std::vector<StoredNode> ordered;
  for (const Value& k : keys)
    for (const StoredNode& n : found)
      if (n.key == k) {
        ordered.push_back(n);
        break;
      }
  return ordered;
}

}  // namespace

std::vector<StoredNode> TreeLocks::read_unlocked(const std::vector<Value>& keys) {
  std::string in;
  for (std::size_t i = 0; i < keys.size(); ++i) in += (i ? ", " : "") + t_.ph(static_cast<int>(i + 1));
  const std::string sql = "SELECT n." + t_.K + ", n." + t_.P + ", n." + t_.L + ", n." + t_.R + ", n." + t_.T +
                          ", n." + t_.V + ", p." + t_.L + ", p." + t_.R + " FROM " + t_.table + " AS n LEFT JOIN " +
                          t_.table + " AS p ON p." + t_.K + " = n." + t_.P + " WHERE n." + t_.K + " IN (" + in + ")";
  std::vector<StoredNode> out;
  run_tree_sql(db_, t_, sql, keys, [&](const Row& row) { out.push_back(stored_node(row, 0)); });
  return in_key_order(keys, out);
}

std::set<int> TreeLocks::lock_rows(const std::vector<Value>& keys, bool allocate) {
  if (t_.dialect != Dialect::PostgreSQL) return {};
  std::string in;
  for (std::size_t i = 0; i < keys.size(); ++i) in += (i ? ", " : "") + t_.ph(static_cast<int>(i + 2));
  std::set<int> found = lock_query("SELECT DISTINCT " + t_.T + " AS x FROM " + t_.table + " WHERE " + t_.K +
                                       " IN (" + in + ")" + (allocate ? " UNION SELECT 0" : ""),
                                   keys);
  if (allocate) found.erase(0);
  return found;
}

std::vector<StoredNode> TreeLocks::read(const std::vector<Value>& keys, bool allocate) {
  if (t_.dialect != Dialect::PostgreSQL) return read_unlocked(keys);
  lock_rows(keys, allocate);
  for (;;) {
    std::vector<StoredNode> nodes = read_unlocked(keys);
    std::set<int> missing;
    for (const StoredNode& n : nodes)
      if (!locked_.count(n.tree_id)) missing.insert(n.tree_id);
    if (missing.empty()) return nodes;
    // Moved to another tree between the lock and the read: lock it too.
    lock_ids(missing);
  }
}

std::vector<StoredNode> TreeLocks::lock_and_read(const std::vector<Value>& keys, bool allocate) {
  if (t_.dialect != Dialect::PostgreSQL) return read_unlocked(keys);
  std::vector<Value> params{Value(lock_base(t_))};
  std::string in;
  for (const Value& k : keys) {
    params.push_back(k);
    in += (in.empty() ? "" : ", ") + t_.ph(static_cast<int>(params.size()));
  }
  // The allocation lock is a row of its own (tree 0, no node), sorted first.
  const std::string nodes = "SELECT n." + t_.T + " AS x, n." + t_.K + " AS k, n." + t_.P + " AS pk, n." + t_.L +
                            " AS l, n." + t_.R + " AS r, n." + t_.T + " AS tr, n." + t_.V + " AS v, p." + t_.L +
                            " AS pl, p." + t_.R + " AS pr FROM " + t_.table + " AS n LEFT JOIN " + t_.table +
                            " AS p ON p." + t_.K + " = n." + t_.P + " WHERE n." + t_.K + " IN (" + in + ")" +
                            (allocate ? " UNION ALL SELECT 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL" : "");
  std::vector<StoredNode> out;
  // Volatile functions of the select list run after ORDER BY: ascending.
  run_tree_sql(db_, t_,
               "SELECT s.x, pg_advisory_xact_lock(" + t_.ph(1) +
                   "::bigint + s.x), s.k, s.pk, s.l, s.r, s.tr, s.v, s.pl, s.pr FROM (" + nodes +
                   ") AS s ORDER BY s.x",
               params, [&](const Row& row) {
                 locked_.insert(as_int(row.value(0)));
                 if (!row.value(2).is_null()) out.push_back(stored_node(row, 2));
               });
  return in_key_order(keys, out);
}

int TreeLocks::next_tree_id() {
  int next = 1;
  run_tree_sql(db_, t_, "SELECT COALESCE(MAX(" + t_.T + "), 0) + 1 FROM " + t_.table, {},
               [&](const Row& row) { next = as_int(row.value(0)); });
  return next;
}

}  // namespace covet::detail

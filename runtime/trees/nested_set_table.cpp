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

void run_tree_sql(DatabaseState& db, const NestedSetTable& t, const std::string& sql,
                  const std::vector<Value>& params, const std::function<void(const Row&)>& on_row) {
  if (!db.connection) throw UsageError("the Database has been closed", t.model->name);
  try {
    db.connection->execute(sql, params, on_row);
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(t.model->name);
    throw;
  }
}

void TreeLocks::lock_query(const std::string& source, const std::vector<Value>& params) {
  if (t_.dialect != Dialect::PostgreSQL) return;
  std::vector<Value> all{Value(lock_base(t_))};
  all.insert(all.end(), params.begin(), params.end());
  // PostgreSQL evaluates volatile functions of the select list after ORDER
  // BY, so the locks are taken in ascending order.
  run_tree_sql(db_, t_,
               "SELECT s.x, pg_advisory_xact_lock(" + t_.ph(1) + "::bigint + s.x) FROM (" + source +
                   ") AS s ORDER BY s.x",
               all, [&](const Row& row) { locked_.insert(as_int(row.value(0))); });
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

std::vector<StoredNode> TreeLocks::read_unlocked(const std::vector<Value>& keys) {
  std::string in;
  for (std::size_t i = 0; i < keys.size(); ++i) in += (i ? ", " : "") + t_.ph(static_cast<int>(i + 1));
  const std::string sql = "SELECT n." + t_.K + ", n." + t_.P + ", n." + t_.L + ", n." + t_.R + ", n." + t_.T +
                          ", n." + t_.V + ", p." + t_.L + ", p." + t_.R + " FROM " + t_.table + " AS n LEFT JOIN " +
                          t_.table + " AS p ON p." + t_.K + " = n." + t_.P + " WHERE n." + t_.K + " IN (" + in + ")";
  std::vector<StoredNode> out;
  run_tree_sql(db_, t_, sql, keys, [&](const Row& row) {
    StoredNode n;
    n.key = row.value(0);
    n.parent = row.value(1);
    n.lft = as_int(row.value(2));
    n.rgt = as_int(row.value(3));
    n.tree_id = as_int(row.value(4));
    n.level = as_int(row.value(5));
    n.parent_lft = as_int(row.value(6));
    n.parent_rgt = as_int(row.value(7));
    out.push_back(std::move(n));
  });
  // In the order of `keys`, so callers can tell node from target.
  std::vector<StoredNode> ordered;
  for (const Value& k : keys)
    for (const StoredNode& n : out)
      if (n.key == k) ordered.push_back(n);
  return ordered;
}

std::vector<StoredNode> TreeLocks::read(const std::vector<Value>& keys, bool allocate) {
  if (t_.dialect != Dialect::PostgreSQL) return read_unlocked(keys);
  std::string in;
  for (std::size_t i = 0; i < keys.size(); ++i) in += (i ? ", " : "") + t_.ph(static_cast<int>(i + 2));
  lock_query("SELECT DISTINCT " + t_.T + " AS x FROM " + t_.table + " WHERE " + t_.K + " IN (" + in + ")" +
                 (allocate ? " UNION SELECT 0" : ""),
             keys);
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

int TreeLocks::next_tree_id() {
  int next = 1;
  run_tree_sql(db_, t_, "SELECT COALESCE(MAX(" + t_.T + "), 0) + 1 FROM " + t_.table, {},
               [&](const Row& row) { next = as_int(row.value(0)); });
  return next;
}

}  // namespace covet::detail

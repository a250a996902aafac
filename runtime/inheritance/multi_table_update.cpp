#include "inheritance/multi_table_update.hpp"

#include "bulk/statement.hpp"
#include "inheritance/table_chain.hpp"
#include "query/sql_scope.hpp"
#include "query/where_compiler.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>

#include <algorithm>
#include <string>

namespace covet::detail {

namespace {

// The assignments that go to one table.
struct LevelUpdate {
  const ModelInfo* level = nullptr;
  std::vector<const MemberInfo*> columns;
  std::vector<Value> values;
};

std::vector<LevelUpdate> by_level(const ModelInfo& model, const std::vector<const MemberInfo*>& columns,
                                  std::vector<Value>& values) {
  std::vector<LevelUpdate> out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const ModelInfo* level = &column_level(model, *columns[i]);
    auto it = std::find_if(out.begin(), out.end(), [&](const LevelUpdate& u) { return u.level == level; });
    if (it == out.end()) it = out.insert(out.end(), LevelUpdate{level, {}, {}});
    it->columns.push_back(columns[i]);
    it->values.push_back(std::move(values[i]));
  }
  return out;
}

// "SET "a" = ?, "b" = ?", binding the values first (their placeholders come
// first in the text).
std::string set_clause(CompileContext& ctx, const ModelInfo& model, LevelUpdate& u) {
  std::string set;
  for (std::size_t i = 0; i < u.columns.size(); ++i) {
    ctx.params.push_back(std::move(u.values[i]));
    set += (i ? ", " : "") + ctx.quote(column_in_level(model, *u.columns[i])) + " = " +
           placeholder(ctx.dialect, static_cast<int>(ctx.params.size()));
  }
  return set;
}

// SELECT of the keys of the query's rows (its conditions; no order, no slice:
// update() refuses a sliced query).
std::string key_select(CompileContext& ctx, const QueryState& state) {
  SqlScope scope(ctx, *state.model);
  std::string where;
  for (const auto& node : state.where) where += (where.empty() ? " WHERE " : " AND ") + compile_condition(ctx, scope, *node);
  const std::string key = scope.column(scope.root(), *state.model->primary_key);
  return "SELECT " + key + " " + scope.from_clause() + where;
}

}  // namespace

std::int64_t update_multi_table(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                                const std::vector<const MemberInfo*>& columns, std::vector<Value> values) {
  const ModelInfo& model = *state.model;
  std::vector<LevelUpdate> updates = by_level(model, columns, values);
  const Dialect d = db->dialect;

  if (updates.size() == 1) {
    LevelUpdate& u = updates.front();
    CompileContext ctx;
    ctx.dialect = d;
    const std::string set = set_clause(ctx, model, u);
    std::string sql = "UPDATE " + ctx.quote(u.level->table) + " SET " + set;
    // Every row of the model's own table is one of its rows.
    if (!(u.level == &table_owner(model) && state.where.empty()))
      sql += " WHERE " + ctx.quote(key_column(*u.level)) + " IN (" + key_select(ctx, state) + ")";
    return run_statement(*db, model, sql, ctx.params).rows_affected;
  }

  Atomic scope(db);
  std::vector<Value> keys;
  {
    CompileContext ctx;
    ctx.dialect = d;
    const std::string sql = key_select(ctx, state);
    run_statement(*db, model, sql, ctx.params, [&](const Row& row) { keys.push_back(row.value(0)); });
  }
  for (LevelUpdate& u : updates) {
    if (keys.empty()) break;
    const std::size_t per_batch = rows_per_statement(*db, 1, u.columns.size());
    for (std::size_t begin = 0; begin < keys.size(); begin += per_batch) {
      const std::size_t end = std::min(keys.size(), begin + per_batch);
      CompileContext ctx;
      ctx.dialect = d;
      LevelUpdate batch{u.level, u.columns, u.values};
      std::string sql = "UPDATE " + ctx.quote(u.level->table) + " SET " + set_clause(ctx, model, batch) +
                        " WHERE " + ctx.quote(key_column(*u.level)) + " IN (";
      for (std::size_t i = begin; i < end; ++i) {
        ctx.params.push_back(keys[i]);
        sql += (i == begin ? "" : ", ") + placeholder(d, static_cast<int>(ctx.params.size()));
      }
      run_statement(*db, model, sql + ")", ctx.params);
    }
  }
  scope.commit();
  return static_cast<std::int64_t>(keys.size());
}

}  // namespace covet::detail

#include "query/select_compiler.hpp"

#include "inheritance/single_table.hpp"
#include "object_loader.hpp"
#include "prefetch/key_restriction.hpp"
#include "query/default_ordering.hpp"
#include "query/deferred_fields.hpp"
#include "query/lookup_path.hpp"
#include "query/lookups.hpp"
#include "query/query_shape.hpp"
#include "query/select_related.hpp"
#include "query/sql_scope.hpp"
#include "query/where_compiler.hpp"
#include "trees/tree_source.hpp"

namespace covet::detail {

namespace {

std::string where_clause(CompileContext& ctx, SqlScope& scope, const QueryState& state) {
  std::string out;
  for (const auto& node : state.where) {
    out += out.empty() ? " WHERE " : " AND ";
    out += compile_condition(ctx, scope, *node);
  }
  return out;
}

std::string order_clause(SqlScope& scope, const QueryState& state, const TreeSql& tree) {
  // A tree walk without an order of its own keeps the walk's order; its
  // cycle row comes first in any order (trees/tree_source.hpp).
  if (state.tree && state.order_by.empty() && state.default_ordering) return " ORDER BY " + tree.order;
  std::string out = state.tree ? " ORDER BY " + tree.order.substr(0, tree.order.find(", ")) : std::string();
  for (const OrderTerm& term : order_terms(state)) {
    WalkResult at = scope.walk(term.path.steps, 0, term.path.steps.size());
    out += out.empty() ? " ORDER BY " : ", ";
    out += scope.column(at, *term.path.column) + (term.descending ? " DESC" : " ASC");
  }
  return out;
}

std::string limit_clause(CompileContext& ctx, const QueryState& state) {
  ParamSink sink = ctx.sink();
  std::string out;
  if (state.high) {
    out += " LIMIT " + sink.bind_slice(Value(*state.high - state.low), ParamOrigin::Kind::SliceCount);
  } else if (state.low != 0 && ctx.dialect == Dialect::SQLite) {
    out += " LIMIT -1";
  }
  if (state.low != 0) out += " OFFSET " + sink.bind_slice(Value(state.low), ParamOrigin::Kind::SliceOffset);
  return out;
}

// The query model's loaded columns, then each select_related model's
// columns (joined through the scope, so filters on the same path share the
// join), in the plan's order: the order run_rows() reads them in.
std::string select_list(CompileContext& ctx, SqlScope& scope, const QueryState& state) {
  std::string out;
  if (state.selected_columns) {
    for (const std::string& column : *state.selected_columns)
      out += (out.empty() ? "" : ", ") + scope.alias() + "." + ctx.quote(column);
  } else {
    for (const MemberInfo* m : loaded_columns(state)) {
      if (!out.empty()) out += ", ";
      out += scope.column(scope.root(), *m);
    }
  }
  const std::vector<RelatedLoad> plan = plan_select_related(state);
  std::vector<WalkResult> reached;  // per load: where its join leads
  reached.reserve(plan.size());
  for (const RelatedLoad& load : plan) {
    const WalkResult from = load.parent < 0 ? scope.root() : reached[static_cast<std::size_t>(load.parent)];
    reached.push_back(scope.step(from, load.step));
    for (const MemberInfo* m : load.model->columns) out += ", " + scope.column(reached.back(), *m);
  }
  return out;
}

}  // namespace

CompiledQuery compile_select(const QueryState& state, Dialect dialect, SelectKind kind, const MoreColumns& more) {
  CompileContext ctx;
  ctx.dialect = dialect;
  collect_leaves(state, ctx.leaves);
  // A tree walk's WITH clause leads the statement: its values come first,
  // before the scope is made (trees/tree_source.hpp).
  TreeSql tree;
  if (state.tree) tree = compile_tree_source(ctx, *state.model, *state.tree);
  SqlScope scope(ctx, *state.model);
  if (state.tree) scope.lead_join(tree.join + scope.column(scope.root(), *state.model->primary_key));
  // The tree's extra column: the node its walk met twice, if any.
  const std::string cycle = state.tree ? ", " + tree.cycle : std::string();

  // Parameters are numbered in text order: WHERE, then LIMIT/OFFSET (ORDER
  // BY binds none; a join's own values are placed by the scope, see
  // sql_scope.hpp), so each clause is compiled in that order and the FROM
  // clause, complete only once both have added their joins, is assembled
  // last.
  // A prefetch's key restriction binds its keys first: its condition leads
  // the WHERE clause; a single-table subclass's identities come next
  // (inheritance/single_table.hpp), then the query's conditions.
  KeyRestrictionSql restriction;
  if (state.key_restriction && kind == SelectKind::Rows)
    restriction = compile_key_restriction(ctx, scope, *state.key_restriction);
  ParamSink sink = ctx.sink();
  const std::string rows = row_restriction(sink, scope.alias(), *state.model);
  std::string where = where_clause(ctx, scope, state);
  auto lead_with = [&where](const std::string& condition) {
    if (!condition.empty()) where = " WHERE " + condition + (where.empty() ? std::string() : " AND " + where.substr(7));
  };
  lead_with(rows);
  lead_with(restriction.condition);  // placed last, so it leads
  // A tree walk's rows query lets the row that repeats a node through.
  if (state.tree && kind == SelectKind::Rows && !where.empty())
    where = " WHERE (" + where.substr(7) + ") OR " + tree.cycle_row;
  const bool ordered = kind == SelectKind::Rows || state.is_sliced();
  std::string order = ordered ? order_clause(scope, state, tree) : std::string();
  std::string limit = limit_clause(ctx, state);

  CompiledQuery out;
  switch (kind) {
    case SelectKind::Rows: {
      // Before from_clause(): select_related adds its joins here. The key
      // restriction's key stays the last column, after select_related's.
      std::string columns = select_list(ctx, scope, state);
      if (more) columns += more(scope);
      columns += cycle;
      out.sql = "SELECT " + columns + (restriction.key.empty() ? std::string() : ", " + restriction.key) +
                " " + scope.from_clause() + restriction.join + where + order + limit;
      break;
    }
    case SelectKind::Count:
      if (state.is_sliced()) {
        const std::string key = scope.column(scope.root(), *state.model->primary_key);
        out.sql = "SELECT COUNT(*)" + cycle + " FROM (SELECT " + key + " " + scope.from_clause() + where +
                  order + limit + ") AS " + ctx.quote("subquery");
      } else {
        out.sql = "SELECT COUNT(*)" + cycle + " " + scope.from_clause() + where;
      }
      break;
    case SelectKind::Exists: {
      ParamSink sink = ctx.sink();
      if (state.is_sliced()) {
        const std::string key = scope.column(scope.root(), *state.model->primary_key);
        std::string inner = "SELECT " + key + " " + scope.from_clause() + where + order + limit;
        out.sql = "SELECT 1 FROM (" + inner + ") AS " + ctx.quote("subquery") + " LIMIT " +
                  sink.bind_constant(Value(std::int64_t{1}));
      } else {
        out.sql = "SELECT 1 " + scope.from_clause() + where + " LIMIT " +
                  sink.bind_constant(Value(std::int64_t{1}));
      }
      // A tree walk always answers one row, so that its cycle column is read
      // even when nothing matches.
      if (state.tree) out.sql = "SELECT CASE WHEN EXISTS (" + out.sql + ") THEN 1 ELSE 0 END" + cycle;
      break;
    }
  }
  if (state.tree) out.sql = tree.with + out.sql;
  out.params = std::move(ctx.params);
  out.origins = std::move(ctx.origins);
  return out;
}

}  // namespace covet::detail

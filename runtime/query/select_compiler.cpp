#include "query/select_compiler.hpp"

#include "object_loader.hpp"
#include "prefetch/key_restriction.hpp"
#include "query/default_ordering.hpp"
#include "query/deferred_fields.hpp"
#include "query/lookup_path.hpp"
#include "query/lookups.hpp"
#include "query/select_related.hpp"
#include "query/sql_scope.hpp"
#include "query/where_compiler.hpp"

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

std::string order_clause(CompileContext& ctx, SqlScope& scope, const QueryState& state) {
  std::string out;
  for (const OrderTerm& term : order_terms(state)) {
    WalkResult at = scope.walk(term.path.steps, 0, term.path.steps.size());
    out += out.empty() ? " ORDER BY " : ", ";
    out += at.alias + "." + ctx.quote(term.path.column->column) + (term.descending ? " DESC" : " ASC");
  }
  return out;
}

std::string limit_clause(CompileContext& ctx, const QueryState& state) {
  ParamSink sink{ctx.dialect, &ctx.params};
  std::string out;
  if (state.high) {
    out += " LIMIT " + sink.bind(Value(*state.high - state.low));
  } else if (state.low != 0 && ctx.dialect == Dialect::SQLite) {
    out += " LIMIT -1";
  }
  if (state.low != 0) out += " OFFSET " + sink.bind(Value(state.low));
  return out;
}

// The query model's loaded columns, then each select_related model's
// columns (joined through the scope, so filters on the same path share the
// join), in the plan's order: the order run_rows() reads them in.
std::string select_list(CompileContext& ctx, SqlScope& scope, const QueryState& state) {
  std::string out;
  for (const MemberInfo* m : loaded_columns(state)) {
    if (!out.empty()) out += ", ";
    out += scope.alias() + "." + ctx.quote(m->column);
  }
  const std::vector<RelatedLoad> plan = plan_select_related(state);
  std::vector<WalkResult> reached;  // per load: where its join leads
  reached.reserve(plan.size());
  for (const RelatedLoad& load : plan) {
    const WalkResult from = load.parent < 0 ? scope.root() : reached[static_cast<std::size_t>(load.parent)];
    reached.push_back(scope.step(from, load.step));
    for (const MemberInfo* m : load.model->columns) out += ", " + reached.back().alias + "." + ctx.quote(m->column);
  }
  return out;
}

}  // namespace

CompiledQuery compile_select(const QueryState& state, Dialect dialect, SelectKind kind) {
  CompileContext ctx;
  ctx.dialect = dialect;
  SqlScope scope(ctx, *state.model);

  // Parameters are numbered in text order: WHERE, then LIMIT/OFFSET (joins
  // and ORDER BY bind none), so each clause is compiled in that order and
  // the FROM clause, complete only once both have added their joins, is
  // assembled last.
  // A prefetch's key restriction binds its keys first: its condition leads
  // the WHERE clause.
  KeyRestrictionSql restriction;
  if (state.key_restriction && kind == SelectKind::Rows)
    restriction = compile_key_restriction(ctx, scope, *state.key_restriction);
  std::string where = where_clause(ctx, scope, state);
  if (!restriction.condition.empty())
    where = " WHERE " + restriction.condition + (where.empty() ? std::string() : " AND " + where.substr(7));
  const bool ordered = kind == SelectKind::Rows || state.is_sliced();
  std::string order = ordered ? order_clause(ctx, scope, state) : std::string();
  std::string limit = limit_clause(ctx, state);

  CompiledQuery out;
  switch (kind) {
    case SelectKind::Rows: {
      // Before from_clause(): select_related adds its joins here. The key
      // restriction's key stays the last column, after select_related's.
      std::string columns = select_list(ctx, scope, state);
      out.sql = "SELECT " + columns + (restriction.key.empty() ? std::string() : ", " + restriction.key) +
                " " + scope.from_clause() + restriction.join + where + order + limit;
      break;
    }
    case SelectKind::Count:
      if (state.is_sliced()) {
        out.sql = "SELECT COUNT(*) FROM (SELECT " + scope.alias() + "." +
                  ctx.quote(state.model->primary_key->column) + " " + scope.from_clause() + where +
                  order + limit + ") AS " + ctx.quote("subquery");
      } else {
        out.sql = "SELECT COUNT(*) " + scope.from_clause() + where;
      }
      break;
    case SelectKind::Exists: {
      ParamSink sink{ctx.dialect, &ctx.params};
      if (state.is_sliced()) {
        std::string inner = "SELECT " + scope.alias() + "." +
                            ctx.quote(state.model->primary_key->column) + " " +
                            scope.from_clause() + where + order + limit;
        out.sql = "SELECT 1 FROM (" + inner + ") AS " + ctx.quote("subquery") + " LIMIT " +
                  sink.bind(Value(std::int64_t{1}));
      } else {
        out.sql = "SELECT 1 " + scope.from_clause() + where + " LIMIT " +
                  sink.bind(Value(std::int64_t{1}));
      }
      break;
    }
  }
  out.params = std::move(ctx.params);
  return out;
}

}  // namespace covet::detail

// QuerySet::update: one UPDATE for every row the query matches, after
// Django's QuerySet.update.
//
//   no filter              UPDATE "books" SET "price" = ?
//   conditions on columns  UPDATE "books" AS "t0" SET "price" = ? WHERE "t0"."year" < ?
//     of the model, or across to-many relations (their EXISTS subqueries
//     refer to "t0", which the alias keeps valid)
//   conditions that join   UPDATE "books" SET "price" = ? WHERE "id" IN
//                            (SELECT "t0"."id" FROM "books" AS "t0"
//                             INNER JOIN "authors" AS "t1" ON ... WHERE "t1"."name" = ?)
//     (neither backend joins in an UPDATE the same way, and the subquery
//     matches exactly the rows the SELECT would)
//
// Every field and value is checked before anything runs (update_fields.hpp).
// The ordering, select_related and prefetches of the query play no part.
// Returns the rows matched.
#include "bulk/statement.hpp"
#include "bulk/update_fields.hpp"
#include "database_state.hpp"
#include "inheritance/single_table.hpp"
#include "inheritance/multi_table_update.hpp"
#include "inheritance/table_chain.hpp"
#include "model/column_value.hpp"
#include "query/compiled_query.hpp"
#include "query/query_state.hpp"
#include "query/sql_scope.hpp"
#include "query/where_compiler.hpp"
#include "sql/dialect.hpp"

#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

CompiledQuery compile_update(const QueryState& state, Dialect dialect,
                             const std::vector<const MemberInfo*>& columns, std::vector<Value> values) {
  const ModelInfo& model = *state.model;
  CompileContext ctx;
  ctx.dialect = dialect;
  // SET binds first: its placeholders come first in the text.
  std::string set;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    ctx.params.push_back(std::move(values[i]));
    const std::string value = placeholder(dialect, static_cast<int>(ctx.params.size()));
    set += (i ? ", " : "") + ctx.quote(columns[i]->column) + " = " + value;
  }
  const std::string table = ctx.quote(model.table);

  CompiledQuery out;
  // A single-table subclass updates its own rows only; its restriction
  // binds right after SET, where it stands in the text.
  ParamSink sink = ctx.sink();
  if (state.where.empty()) {
    const std::string only = row_restriction(sink, std::string(), model);
    out.sql = "UPDATE " + table + " SET " + set + (only.empty() ? std::string() : " WHERE " + only);
  } else {
    SqlScope scope(ctx, model);
    std::string where = row_restriction(sink, scope.alias(), model);
    for (const auto& node : state.where) {
      const std::string condition = compile_condition(ctx, scope, *node);
      where += (where.empty() ? "" : " AND ") + condition;
    }
    const std::string from = scope.from_clause();
    if (!scope.has_joins()) {
      out.sql = "UPDATE " + table + " AS " + scope.alias() + " SET " + set + " WHERE " + where;
    } else {
      const std::string pk = ctx.quote(model.primary_key->column);
      out.sql = "UPDATE " + table + " SET " + set + " WHERE " + pk + " IN (SELECT " + scope.alias() + "." + pk +
                " " + from + " WHERE " + where + ")";
    }
  }
  out.params = std::move(ctx.params);
  return out;
}

}  // namespace

std::int64_t QueryCore::update(const std::vector<Assign>& assignments) const {
  const QueryState& state = *state_;
  const ModelInfo& model = *state.model;
  if (state.is_sliced()) throw UsageError("Cannot update a query once a slice has been taken.", model.name);
  std::vector<const MemberInfo*> columns;
  std::vector<Value> values;
  for (const Assign& a : assignments) {
    const MemberInfo* m = &updatable_member(model, a.field, UpdateKind::QueryUpdate);
    if (std::find(columns.begin(), columns.end(), m) != columns.end())
      throw UsageError("update() sets " + model.name + "." + m->name + " twice", model.name);
    columns.push_back(m);
    values.push_back(fitted_value(model, *m, a.value, a.object.get()));
    check_fits(model, *m, values.back());
  }
  // Django runs nothing for an update without values.
  if (columns.empty()) return 0;
  require_open(*db_, model);
  // A multi-table child's columns live in several tables.
  if (spans_tables(model)) return update_multi_table(db_, state, columns, std::move(values));
  CompiledQuery q = compile_update(state, db_->dialect, columns, std::move(values));
  return run_statement(*db_, model, q.sql, q.params).rows_affected;
}

}  // namespace covet::detail

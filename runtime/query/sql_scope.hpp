// A FROM clause under construction: the root table with its alias and the
// joins that lookups and orderings have needed so far. The main query has one
// scope; every to-many subquery (EXISTS) has its own.
//
// Joins follow Django's rules: one join per relation path, reused by every
// condition and ordering that walks it; INNER for a non-null foreign key,
// LEFT OUTER for a nullable one and for reverse one-to-ones, and LEFT OUTER
// for every join after a LEFT OUTER one (an INNER join there would drop the
// rows the outer join kept).
//
// Inside a subquery a path may also cross to-many relations (a reverse
// foreign key, a many-to-many through its join table): those are LEFT OUTER
// joins too, so that a row without related rows still meets a condition that
// holds on NULL (isnull=True), as Django's joins do; any other condition
// rejects the NULL row, which makes the join act as an INNER one. The main
// query never joins a to-many step: it would repeat its rows.
//
// A join is found again by its parent join and its step (the relation and
// the direction), in a hash map: walking a path of n steps costs O(n).
//
// Multi-table inheritance (inheritance/table_chain.hpp): a model reached by
// the scope (its root or a join) whose rows span several tables is one
// table per level. Its ancestors' tables are joined on demand, the first
// time a column they hold is referenced (column()), each from the level
// below on its parent link, INNER (LEFT OUTER when the model itself was
// reached by an outer join), once per model reached:
//
//   db.objects<Manager>().filter("name", "Ann")
//     FROM "manager" AS "t0"
//     INNER JOIN "employee" AS "t1" ON "t1"."person_ptr_id" = "t0"."employee_ptr_id"
//     INNER JOIN "person" AS "t2" ON "t2"."id" = "t1"."person_ptr_id"
//     WHERE "t2"."name" = ?
//
// The key is read from the model's own table (its parent link), so a count,
// a filter on the key or a join into a child touches no ancestor. A parent
// reaching its child (PathStep::Kind::Child) knows the child's parent row
// already: columns of the parent read through the child reuse its alias.
//
// A reverse step into a single-table subclass (inheritance/single_table.hpp)
// also restricts the joined rows to the subclass's identities, in its ON
// clause. Those values stand in the FROM clause, before every condition in
// the text, though the joins are made while the conditions compile: on
// SQLite, whose `?` are numbered by position, they are kept apart and
// inserted among the parameters where the scope's text begins when
// from_clause() is written; PostgreSQL's `$n` take them as they come.
#pragma once

#include "backend/connection.hpp"
#include "query/lookup_path.hpp"
#include "query/param_sink.hpp"
#include "query/q_node.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace covet::detail {

// What one compilation shares between scopes: the dialect, the parameters in
// placeholder order and the alias counter (aliases are unique per statement).
// `origins` runs beside `params` (param_sink.hpp); `leaves` are the query's
// conditions in query_shape.hpp's order, so that a condition's values are
// known by their ordinal.
struct CompileContext {
  Dialect dialect = Dialect::SQLite;
  std::vector<Value> params;
  std::vector<ParamOrigin> origins;
  std::vector<const QNode*> leaves;
  int next_alias = 0;

  std::string new_alias() { return "t" + std::to_string(next_alias++); }
  std::string quote(std::string_view identifier) const;
  // A sink appending to params and origins.
  ParamSink sink() { return ParamSink{dialect, &params, &origins}; }
  // The same, for the values of `leaf` (Derived if it is not one of `leaves`).
  ParamSink sink_for(const QNode& leaf);
};

// Where a walk ended: the quoted alias of the model reached (of its own
// level's table), whether an outer join on the way may have produced NULLs
// for its columns, and the table it is in the scope (0: the root).
struct WalkResult {
  std::string alias;  // quoted
  bool outer = false;
  int table = 0;
};

class SqlScope {
 public:
  // `subquery`: the scope of an EXISTS, whose paths may join to-many steps.
  SqlScope(CompileContext& ctx, const ModelInfo& model, bool subquery = false);

  const ModelInfo& model() const noexcept { return *model_; }
  // The root table's alias: the root model's own level (quoted).
  const std::string& alias() const noexcept { return tables_.front().alias; }
  WalkResult root() const { return WalkResult{alias(), false, 0}; }

  // The qualified column ("t2"."name") holding `member` for the model `at`
  // reached: in the table of the level declaring it, joined now if it was
  // not yet. `member` is a member of that model or of one of its ancestors.
  std::string column(const WalkResult& at, const MemberInfo& member);

  // Joins (or reuses) steps[begin, end) from the root and returns where they
  // lead. In the main scope they must all be single-valued.
  WalkResult walk(const std::vector<PathStep>& steps, std::size_t begin, std::size_t end);
  // Joins (or reuses) one step from `from` (a result of this scope).
  WalkResult step(const WalkResult& from, const PathStep& step);

  // "FROM "books" AS "t0" INNER JOIN ... ": the root table and every join.
  // Call it once the scope's conditions are compiled: it places the joins'
  // own parameters (see above).
  std::string from_clause() const;
  // A join written right after the root table, before every other join
  // (a tree query's recursive rows, trees/tree_source.hpp): its parameters
  // must already be bound, before the scope was made.
  void lead_join(std::string sql) { lead_join_ = std::move(sql); }
  // Whether any join was added.
  bool has_joins() const noexcept { return tables_.size() > 1; }

 private:
  // The root (index 0), a join of a step, or an ancestor level of either.
  struct Table {
    std::string alias;  // quoted
    bool outer = false;
    std::string sql;    // "LEFT OUTER JOIN ... ON ..."; empty for the root
    const ModelInfo* model = nullptr;  // the model reached (for an ancestor level: that level)
    const ModelInfo* level = nullptr;  // the level whose table this is
    int up = -1;        // the table of the level above, once joined (or known)
  };
  // The ON restriction of a step into a single-table subclass; "" if none.
  std::string restriction(const PathStep& step, const std::string& alias);
  struct Key {
    int parent;
    const MemberInfo* relation;
    const ModelInfo* to;
    PathStep::Kind kind;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };

  // The table of `level` for the model in table `t`, joining the levels
  // between them as needed.
  int level_table(int t, const ModelInfo& level);
  // `member`'s column of the model of table `t`, qualified.
  std::string qualified(int t, const MemberInfo& member);

  CompileContext* ctx_;
  const ModelInfo* model_;
  [[maybe_unused]] bool subquery_;  // read by an assertion
  std::size_t first_param_;  // ctx.params.size() when the scope's text began
  mutable std::vector<Value> join_params_;  // SQLite: the ON restrictions' values, not yet placed
  mutable std::vector<ParamOrigin> join_origins_;
  std::vector<Table> tables_;
  std::string lead_join_;
  std::unordered_map<Key, int, KeyHash> index_;
};

}  // namespace covet::detail

// The WITH RECURSIVE walk of an adjacency-list tree (trees/tree_source.hpp):
// the text is built here, once per dialect difference, and the select
// compiler only places its parts.
#include "trees/tree_source.hpp"

#include "query/lookups.hpp"
#include "sql/dialect.hpp"

#include <covet/errors.hpp>

namespace covet::detail {

namespace {

bool integer_key(const MemberInfo& key) {
  switch (key.type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt:
      return true;
    default:
      return false;
  }
}

// The key as a fixed-width path segment: integers zero-padded to 20 digits
// (any 64-bit key), other keys as text (a UUID is fixed-width already).
std::string segment(Dialect dialect, const MemberInfo& key, const std::string& column) {
  if (!integer_key(key)) return "CAST(" + column + " AS TEXT)";
  if (dialect == Dialect::PostgreSQL) return "lpad(CAST(" + column + " AS TEXT), 20, '0')";
  return "printf('%020d', " + column + ")";
}

std::string position(Dialect dialect, const std::string& haystack, const std::string& needle) {
  return std::string(dialect == Dialect::PostgreSQL ? "strpos(" : "instr(") + haystack + ", " + needle + ")";
}

}  // namespace

const MemberInfo& tree_parent_member(const ModelInfo& model) {
  const MemberInfo* parent = model.member("parent");
  if (!parent || parent->kind != MemberKind::Relation || !parent->relation ||
      parent->relation->kind != RelationKind::ForeignKey || parent->relation->target != &model)
    throw UsageError(model.name + " derives from covet::TreeNode but has no nullable foreign key `parent` to " +
                         model.name + ": declare std::optional<covet::Ref<" + model.name + ">> parent",
                     model.name);
  return *parent;
}

TreeSql compile_tree_source(CompileContext& ctx, const ModelInfo& model, const TreeSource& tree) {
  const MemberInfo& key = *model.primary_key;
  const MemberInfo& parent = tree_parent_member(model);
  const std::string table = ctx.quote(model.table);
  const std::string cte = ctx.quote("covet_tree");
  const std::string id = ctx.quote(key.column);
  const std::string parent_id = ctx.quote(parent.column);
  const std::string n = ctx.quote("n");
  const std::string r = ctx.quote("r");
  auto col = [&](const std::string& a, const char* name) { return a + "." + ctx.quote(name); };
  ParamSink sink = ctx.sink();

  TreeSql out;
  const std::string step_segment = segment(ctx.dialect, key, n + "." + id);
  const std::string repeated =
      position(ctx.dialect, col(r, "path") + " || '/'", "'/' || " + step_segment + " || '/'") + " > 0";
  const std::string link = tree.direction == TreeSource::Direction::Down
                               ? n + "." + parent_id + " = " + col(r, "node")
                               : n + "." + id + " = " + col(r, "parent");
  out.with = "WITH RECURSIVE " + cte + "(" + ctx.quote("node") + ", " + ctx.quote("parent") + ", " +
             ctx.quote("depth") + ", " + ctx.quote("path") + ", " + ctx.quote("cycle") + ") AS (SELECT " + id +
             ", " + parent_id + ", 0, CAST('/' || " + segment(ctx.dialect, key, id) + " AS TEXT), 0 FROM " +
             table + " WHERE " + id + " = " + sink.bind(tree.anchor) + " UNION ALL SELECT " + n + "." + id +
             ", " + n + "." + parent_id + ", " + col(r, "depth") + " + 1, " + col(r, "path") + " || '/' || " +
             step_segment + ", CASE WHEN " + repeated + " THEN 1 ELSE 0 END FROM " + table + " AS " + n +
             " INNER JOIN " + cte + " AS " + r + " ON " + link + " WHERE " + col(r, "cycle") + " = 0) ";

  const std::string t = ctx.quote("tree");
  // The row that repeats a node joins too, past any depth bound, so that a
  // rows query always reads the cycle column when there is a cycle.
  out.join = "INNER JOIN " + cte + " AS " + t + " ON (" + col(t, "cycle") + " = 1 OR " + col(t, "depth") +
             " >= " + sink.bind(Value(static_cast<std::int64_t>(tree.min_depth))) + ") AND " + col(t, "node") +
             " = ";
  out.cycle_row = col(t, "cycle") + " = 1";
  out.cycle = "(SELECT MIN(" + ctx.quote("node") + ") FROM " + cte + " WHERE " + ctx.quote("cycle") + " = 1)";
  out.order = col(t, "cycle") + " DESC, ";
  if (tree.direction == TreeSource::Direction::Down) {
    // PostgreSQL compares text by the database's collation, which may skip
    // the '/': the byte order is the pre-order.
    out.order += col(t, "path") + (ctx.dialect == Dialect::PostgreSQL ? " COLLATE \"C\"" : "") +
                 (tree.reversed ? " DESC" : " ASC");
  } else {
    out.order += col(t, "depth") + (tree.root_first != tree.reversed ? " DESC" : " ASC");
  }
  return out;
}

void check_tree_cycle(const ModelInfo& model, const Row& row, int index) {
  if (row.is_null(index)) return;
  const Value node = row.value(index);
  throw TreeCycle(model.name + ": the stored parent links form a cycle through the node with " +
                      model.primary_key->name + " " + node.debug_string() +
                      " (written by hand or by other code; Covet's moves refuse to make one); the "
                      "recursive query stopped there. Point one of the cycle's parent keys elsewhere, e.g. "
                      "db.objects<" + model.name + ">().filter(\"pk\", " + node.debug_string() +
                      ").update({{\"parent\", nullptr}})",
                  model.name, node);
}

}  // namespace covet::detail

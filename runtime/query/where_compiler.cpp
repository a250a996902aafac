#include "query/where_compiler.hpp"

#include "generic/content_type_table.hpp"
#include "inheritance/single_table.hpp"
#include "inheritance/table_chain.hpp"
#include "query/lookups.hpp"

#include <deque>
#include <unordered_map>
#include <vector>

namespace covet::detail {

namespace {

// A leaf, resolved once, and how much of its path the current scope has
// already walked (a subquery starts past the to-many step it stands for).
struct Leaf {
  const QNode* node = nullptr;
  const ResolvedPath* path = nullptr;
  std::size_t start = 0;
};

bool is_to_many(const PathStep& step) {
  return step.kind == PathStep::Kind::ReverseMany || step.kind == PathStep::Kind::ManyToMany;
}

class Compiler {
 public:
  explicit Compiler(CompileContext& ctx) : ctx_(ctx) {}

  // `negated`: under an odd number of NOTs.
  std::string node(SqlScope& scope, const QNode& n, bool negated) {
    switch (n.kind) {
      case QNode::Kind::Leaf:
        return join(conjunction(scope, {leaf(scope.model(), n)}, negated), " AND ");
      case QNode::Kind::Not: {
        const QNode& child = *n.children.front();
        std::string inner = node(scope, child, !negated);
        // And / Or come parenthesized; SQLite's parser nests only so deep.
        const bool grouped = child.kind == QNode::Kind::And || child.kind == QNode::Kind::Or;
        return grouped ? "NOT " + inner : "NOT (" + inner + ")";
      }
      case QNode::Kind::And: {
        std::vector<Leaf> ls;
        for (const auto& c : n.children)
          if (c->kind == QNode::Kind::Leaf) ls.push_back(leaf(scope.model(), *c));
        std::vector<std::string> parts = conjunction(scope, ls, negated);
        for (const auto& c : n.children)
          if (c->kind != QNode::Kind::Leaf) parts.push_back(node(scope, *c, negated));
        return "(" + join(parts, " AND ") + ")";
      }
      case QNode::Kind::Or: {
        std::vector<std::string> parts;
        for (const auto& c : n.children) parts.push_back(node(scope, *c, negated));
        return "(" + join(parts, " OR ") + ")";
      }
    }
    return {};
  }

 private:
  Leaf leaf(const ModelInfo& model, const QNode& n) {
    paths_.push_back(resolve_lookup(model, n.lookup));
    // fit_condition checked it already; the SQL below relies on the shape.
    check_lookup_value(paths_.back().lookup, n.value, paths_.back().field_label);
    return Leaf{&n, &paths_.back(), 0};
  }

  static std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) out += sep;
      out += parts[i];
    }
    return out;
  }

  static std::size_t first_to_many(const Leaf& l) {
    for (std::size_t i = l.start; i < l.path->steps.size(); ++i)
      if (is_to_many(l.path->steps[i])) return i;
    return l.path->steps.size();
  }

  // "books__isnull": whether any related row exists, not a test on one.
  static bool is_existence_test(const Leaf& l, std::size_t k) {
    const ResolvedPath& p = *l.path;
    return k + 1 == p.steps.size() && p.lookup == "isnull" && p.column == p.model->primary_key;
  }

  // Whether the leaf's condition holds on a NULL column (isnull=True, exact
  // NULL): it then holds on the NULL row an owner without related rows gets.
  static bool holds_on_null(const Leaf& l) {
    const ResolvedPath& p = *l.path;
    const FilterValue& v = l.node->value;
    if (v.is_list) return false;
    if (p.lookup == "isnull") return v.values.front().as_bool();
    return (p.lookup == "exact" || p.lookup == "iexact") && v.values.front().is_null();
  }

  // Identifies steps [0, k] of a path (relations and directions), so that
  // leaves crossing the same to-many relation find each other.
  static std::string group_key(const Leaf& l, std::size_t k) {
    std::string key;
    for (std::size_t i = l.start; i <= k; ++i) {
      const PathStep& s = l.path->steps[i];
      // A Child step has no relation member: the child model tells it apart.
      for (const void* p : {static_cast<const void*>(s.relation), static_cast<const void*>(s.to)}) {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        key.append(reinterpret_cast<const char*>(&address), sizeof address);
      }
      key += static_cast<char>(s.kind);
    }
    return key;
  }

  // The conjunction of `ls` in `scope`: one SQL part per plain leaf, one
  // per to-many group (one per leaf when negated), in first-appearance
  // order, which is also the order their parameters are bound in.
  std::vector<std::string> conjunction(SqlScope& scope, const std::vector<Leaf>& ls, bool negated) {
    struct Item {
      std::size_t k = 0;          // the first to-many step; steps.size(): none
      bool existence = false;
      std::vector<Leaf> members;
    };
    std::vector<Item> items;
    std::unordered_map<std::string, std::size_t> groups;
    for (const Leaf& l : ls) {
      const std::size_t k = first_to_many(l);
      if (k == l.path->steps.size() || is_existence_test(l, k) || negated) {
        items.push_back(Item{k, k < l.path->steps.size() && is_existence_test(l, k), {l}});
        continue;
      }
      auto [it, added] = groups.try_emplace(group_key(l, k), items.size());
      if (added) {
        items.push_back(Item{k, false, {l}});
      } else {
        items[it->second].members.push_back(l);
      }
    }
    std::vector<std::string> parts;
    parts.reserve(items.size());
    for (const Item& it : items) {
      const Leaf& first = it.members.front();
      if (it.k == first.path->steps.size()) {
        parts.push_back(plain(scope, first, negated));
      } else if (it.existence) {
        const bool isnull = first.node->value.values.front().as_bool();
        parts.push_back((isnull ? "NOT " : "") + exists(scope, first, it.k, {}));
      } else {
        parts.push_back(group(scope, it.k, it.members));
      }
    }
    return parts;
  }

  // The members' to-many relation (step k): they must hold for one related
  // row, or -- when each holds on NULL -- there may be no related row.
  std::string group(SqlScope& scope, std::size_t k, const std::vector<Leaf>& members) {
    bool all_hold_on_null = true;
    for (const Leaf& l : members) all_hold_on_null = all_hold_on_null && holds_on_null(l);
    if (!all_hold_on_null) return exists(scope, members.front(), k, members);
    std::string none = exists(scope, members.front(), k, {});
    return "(NOT " + none + " OR " + exists(scope, members.front(), k, members) + ")";
  }

  std::string plain(SqlScope& scope, const Leaf& l, bool negated) {
    const ResolvedPath& p = *l.path;
    WalkResult at = scope.walk(p.steps, l.start, p.steps.size());
    std::string column = scope.column(at, *p.column);
    ParamSink sink = ctx_.sink_for(*l.node);
    std::string sql = lookup_sql(p.lookup, column, p.column->type, l.node->value, sink);
    bool may_be_null = p.column->nullable || at.outer;
    if (negated && may_be_null && !lookup_is_null_safe(p.lookup, l.node->value))
      return "(" + sql + " AND " + column + " IS NOT NULL)";
    return sql;
  }

  // The members past step k, each walked (joins included) in `sub`.
  std::vector<std::string> inner_parts(SqlScope& sub, std::size_t k, const std::vector<Leaf>& members) {
    std::vector<std::string> parts;
    parts.reserve(members.size());
    for (Leaf l : members) {
      l.start = k + 1;
      parts.push_back(plain(sub, l, false));
    }
    return parts;
  }

  // EXISTS over the to-many step k of `head`'s path; `members` are the leaves
  // continuing past it (all sharing steps [start, k]), none for a test of
  // whether any related row exists.
  std::string exists(SqlScope& scope, const Leaf& head, std::size_t k, const std::vector<Leaf>& members) {
    const PathStep& step = head.path->steps[k];
    WalkResult at = scope.walk(head.path->steps, head.start, k);
    if (step.kind == PathStep::Kind::ManyToMany) return exists_many(scope.column(at, *step.from_member), step, k, members);
    // The owner's side first (it may join an ancestor level of the owner).
    const std::string owner_key = scope.column(at, *step.from_member);
    SqlScope sub(ctx_, *step.to, true);
    std::string where = sub.column(sub.root(), *step.to_member) + " = " + owner_key;
    // The reverse of a single-table subclass's key: only its rows hold it.
    ParamSink sink = ctx_.sink();
    if (std::string only = row_restriction(sink, sub.alias(), *step.to); !only.empty()) where += " AND " + only;
    // A generic relation's rows hold the owner's content type too.
    if (step.content_type_member)
      where += " AND " + content_type_condition(sink, sub.column(sub.root(), *step.content_type_member),
                                                step.content_type_name);
    for (const std::string& part : inner_parts(sub, k, members)) where += " AND " + part;
    return "EXISTS (SELECT 1 " + sub.from_clause() + " WHERE " + where + ")";
  }

  // Whether a leaf ends right past the many-to-many step k, comparing the
  // key the join table holds: the join table alone answers it.
  static bool compares_join_key(const Leaf& l, const PathStep& step, std::size_t k) {
    return l.path->steps.size() == k + 1 && l.path->column->name == step.to_member->name;
  }

  // EXISTS over a many-to-many step: the join table, joined to the related
  // table only when a leaf tests more than its key.
  //   EXISTS (SELECT 1 FROM "post_tags" AS j WHERE j.post_id = parent.id AND j.tag_id = ?)
  //   EXISTS (SELECT 1 FROM "tag" AS t INNER JOIN "post_tags" AS j ON j.tag_id = t.id
  //           WHERE j.post_id = parent.id AND t.name = ?)
  // `owner_key`: the qualified column of the owner's key the join table refers to.
  std::string exists_many(const std::string& owner_key, const PathStep& step, std::size_t k,
                          const std::vector<Leaf>& members) {
    const std::string join = ctx_.quote(ctx_.new_alias());
    const std::string link = join + "." + ctx_.quote(step.join_from_column) + " = " + owner_key;
    bool key_only = true;
    for (const Leaf& l : members) key_only = key_only && compares_join_key(l, step, k);
    if (key_only) {
      std::string where = link;
      for (const Leaf& l : members) {
        ParamSink sink = ctx_.sink_for(*l.node);
        where += " AND " + lookup_sql(l.path->lookup, join + "." + ctx_.quote(step.join_to_column),
                                      l.path->column->type, l.node->value, sink);
      }
      return "EXISTS (SELECT 1 FROM " + ctx_.quote(step.join_table) + " AS " + join + " WHERE " + where + ")";
    }
    SqlScope sub(ctx_, *step.to, true);
    // The related key: the related table's own column (its key, or a to_field of its own).
    const std::string related_key = sub.column(sub.root(), *step.to_member);
    std::string where = link;
    for (const std::string& part : inner_parts(sub, k, members)) where += " AND " + part;
    // The link table comes first among the joins: the members' joins start
    // from the related table, which the FROM clause names.
    std::string from = sub.from_clause();
    const std::string root = "FROM " + ctx_.quote(table_owner(*step.to).table) + " AS " + sub.alias();
    const std::string link_join = " INNER JOIN " + ctx_.quote(step.join_table) + " AS " + join + " ON " + join +
                                  "." + ctx_.quote(step.join_to_column) + " = " + related_key;
    from.insert(root.size(), link_join);
    return "EXISTS (SELECT 1 " + from + " WHERE " + where + ")";
  }

  CompileContext& ctx_;
  std::deque<ResolvedPath> paths_;  // stable addresses for the Leaf pointers
};

}  // namespace

std::string compile_condition(CompileContext& ctx, SqlScope& scope, const QNode& node) {
  Compiler compiler(ctx);
  return compiler.node(scope, node, false);
}

}  // namespace covet::detail

#include "query/sql_scope.hpp"

#include "generic/content_type_table.hpp"
#include "inheritance/single_table.hpp"
#include "query/lookups.hpp"
#include "inheritance/table_chain.hpp"
#include "sql/dialect.hpp"

#include <cassert>
#include <functional>

namespace covet::detail {

std::string CompileContext::quote(std::string_view identifier) const {
  return quote_identifier(dialect, identifier);
}

ParamSink CompileContext::sink_for(const QNode& leaf) {
  ParamSink out = sink();
  for (std::size_t i = 0; i < leaves.size(); ++i)
    if (leaves[i] == &leaf) {
      out.leaf_value = &leaf.value;
      out.leaf = static_cast<std::uint32_t>(i);
      break;
    }
  return out;
}

std::size_t SqlScope::KeyHash::operator()(const Key& k) const noexcept {
  std::size_t h = std::hash<const void*>()(k.relation);
  h ^= std::hash<const void*>()(k.to) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<int>()(k.parent) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h ^ static_cast<std::size_t>(k.kind);
}

SqlScope::SqlScope(CompileContext& ctx, const ModelInfo& model, bool subquery)
    : ctx_(&ctx), model_(&model), subquery_(subquery), first_param_(ctx.params.size()) {
  Table root;
  root.alias = ctx.quote(ctx.new_alias());
  root.model = &model;
  root.level = &table_owner(model);
  tables_.push_back(std::move(root));
}

std::string SqlScope::restriction(const PathStep& s, const std::string& alias) {
  // A forward step or a many-to-many reaches the row by its key.
  if (s.kind != PathStep::Kind::ReverseOne && s.kind != PathStep::Kind::ReverseMany) return {};
  // SQLite's "?" carry no number: binding aside is enough.
  ParamSink sink = ctx_->dialect == Dialect::SQLite ? ParamSink{ctx_->dialect, &join_params_, &join_origins_} : ctx_->sink();
  return row_restriction(sink, alias, *s.to);
}

WalkResult SqlScope::walk(const std::vector<PathStep>& steps, std::size_t begin, std::size_t end) {
  WalkResult at = root();
  for (std::size_t i = begin; i < end; ++i) at = step(at, steps[i]);
  return at;
}

int SqlScope::level_table(int t, const ModelInfo& level) {
  while (tables_[static_cast<std::size_t>(t)].level != &level) {
    const std::size_t below = static_cast<std::size_t>(t);
    if (tables_[below].up < 0) {
      const ModelInfo* above = parent_level(*tables_[below].level);
      assert(above && "the member belongs to an ancestor of the model reached");
      Table parent;
      parent.alias = ctx_->quote(ctx_->new_alias());
      parent.outer = tables_[below].outer;
      parent.model = above;
      parent.level = above;
      parent.sql = std::string(parent.outer ? "LEFT OUTER JOIN " : "INNER JOIN ") + ctx_->quote(above->table) +
                   " AS " + parent.alias + " ON " + parent.alias + "." + ctx_->quote(key_column(*above)) +
                   " = " + tables_[below].alias + "." + ctx_->quote(tables_[below].level->parent_link);
      tables_.push_back(std::move(parent));
      tables_[below].up = static_cast<int>(tables_.size()) - 1;
    }
    t = tables_[below].up;
  }
  return t;
}

std::string SqlScope::qualified(int t, const MemberInfo& member) {
  const ModelInfo& model = *tables_[static_cast<std::size_t>(t)].model;
  const int holder = level_table(t, column_level(model, member));
  return tables_[static_cast<std::size_t>(holder)].alias + "." + ctx_->quote(column_in_level(model, member));
}

std::string SqlScope::column(const WalkResult& at, const MemberInfo& member) { return qualified(at.table, member); }

WalkResult SqlScope::step(const WalkResult& from, const PathStep& s) {
  const bool to_many = s.kind == PathStep::Kind::ReverseMany || s.kind == PathStep::Kind::ManyToMany;
  assert((subquery_ || !to_many) && "the main query makes to-many steps subqueries");
  (void)to_many;
  const Key key{from.table, s.relation, s.to, s.kind};
  if (auto it = index_.find(key); it != index_.end()) {
    const Table& t = tables_[static_cast<std::size_t>(it->second)];
    return WalkResult{t.alias, t.outer, it->second};
  }
  // The `from` side first: it may join an ancestor level, which must come
  // before this join in the FROM clause.
  const std::string from_column = qualified(from.table, *s.from_member);
  Table j;
  j.alias = ctx_->quote(ctx_->new_alias());
  j.outer = from.outer || s.optional;
  j.model = s.to;
  j.level = &table_owner(*s.to);
  assert(&column_level(*s.to, *s.to_member) == j.level && "a join matches a column of the joined table");
  // A child's parent row is the row it was reached from.
  if (s.kind == PathStep::Kind::Child) j.up = from.table;
  const std::string to_column = j.alias + "." + ctx_->quote(column_in_level(*s.to, *s.to_member));
  const std::string kind = j.outer ? "LEFT OUTER JOIN " : "INNER JOIN ";
  if (s.kind == PathStep::Kind::ManyToMany) {
    // Through the join table: from -> link row -> related row.
    const std::string link = ctx_->quote(ctx_->new_alias());
    j.sql = kind + ctx_->quote(s.join_table) + " AS " + link + " ON " + link + "." +
            ctx_->quote(s.join_from_column) + " = " + from_column + " " + kind + ctx_->quote(j.level->table) +
            " AS " + j.alias + " ON " + to_column + " = " + link + "." + ctx_->quote(s.join_to_column);
  } else {
    j.sql = kind + ctx_->quote(j.level->table) + " AS " + j.alias + " ON " + from_column + " = " + to_column;
    if (std::string only = restriction(s, j.alias); !only.empty()) j.sql += " AND " + only;
    if (s.content_type_member) {
      // A generic relation: the rows holding the reference (the joined ones
      // walking from the owner, the ones walked from walking back) must hold
      // the owner's content type too.
      const std::string type_column = s.kind == PathStep::Kind::ReverseMany
                                          ? j.alias + "." + ctx_->quote(column_in_level(*s.to, *s.content_type_member))
                                          : qualified(from.table, *s.content_type_member);
      ParamSink sink = ctx_->dialect == Dialect::SQLite ? ParamSink{ctx_->dialect, &join_params_, &join_origins_} : ctx_->sink();
      j.sql += " AND " + content_type_condition(sink, type_column, s.content_type_name);
    }
  }
  tables_.push_back(std::move(j));
  const int index = static_cast<int>(tables_.size()) - 1;
  index_.emplace(key, index);
  const Table& added = tables_.back();
  return WalkResult{added.alias, added.outer, index};
}

std::string SqlScope::from_clause() const {
  if (!join_params_.empty()) {
    auto at = ctx_->params.begin() + static_cast<std::ptrdiff_t>(first_param_);
    ctx_->params.insert(at, std::make_move_iterator(join_params_.begin()),
                        std::make_move_iterator(join_params_.end()));
    join_params_.clear();
    if (ctx_->origins.size() >= first_param_)
      ctx_->origins.insert(ctx_->origins.begin() + static_cast<std::ptrdiff_t>(first_param_), join_origins_.begin(),
                           join_origins_.end());
    join_origins_.clear();
  }
  std::string out = "FROM " + ctx_->quote(tables_.front().level->table) + " AS " + tables_.front().alias;
  if (!lead_join_.empty()) out += " " + lead_join_;
  for (std::size_t i = 1; i < tables_.size(); ++i) out += " " + tables_[i].sql;
  return out;
}

}  // namespace covet::detail

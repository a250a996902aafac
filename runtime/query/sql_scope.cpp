#include "query/sql_scope.hpp"

#include "inheritance/single_table.hpp"
#include "query/lookups.hpp"
#include "sql/dialect.hpp"

#include <cassert>
#include <functional>

namespace covet::detail {

std::string CompileContext::quote(std::string_view identifier) const {
  return quote_identifier(dialect, identifier);
}

std::size_t SqlScope::KeyHash::operator()(const Key& k) const noexcept {
  std::size_t h = std::hash<const void*>()(k.relation);
  h ^= std::hash<int>()(k.parent) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h ^ static_cast<std::size_t>(k.kind);
}

SqlScope::SqlScope(CompileContext& ctx, const ModelInfo& model, bool subquery)
    : ctx_(&ctx),
      model_(&model),
      alias_(ctx.quote(ctx.new_alias())),
      subquery_(subquery),
      first_param_(ctx.params.size()) {}

std::string SqlScope::restriction(const PathStep& s, const std::string& alias) {
  // A forward step or a many-to-many reaches the row by its key.
  if (s.kind != PathStep::Kind::ReverseOne && s.kind != PathStep::Kind::ReverseMany) return {};
  // SQLite's "?" carry no number: binding aside is enough.
  ParamSink sink{ctx_->dialect, ctx_->dialect == Dialect::SQLite ? &join_params_ : &ctx_->params};
  return row_restriction(sink, alias, *s.to);
}

WalkResult SqlScope::walk(const std::vector<PathStep>& steps, std::size_t begin, std::size_t end) {
  WalkResult at = root();
  for (std::size_t i = begin; i < end; ++i) at = step(at, steps[i]);
  return at;
}

WalkResult SqlScope::step(const WalkResult& from, const PathStep& s) {
  const bool to_many = s.kind == PathStep::Kind::ReverseMany || s.kind == PathStep::Kind::ManyToMany;
  assert((subquery_ || !to_many) && "the main query makes to-many steps subqueries");
  (void)to_many;
  const Key key{from.join, s.relation, s.kind};
  if (auto it = index_.find(key); it != index_.end()) {
    const Join& j = joins_[static_cast<std::size_t>(it->second)];
    return WalkResult{j.alias, j.outer, it->second};
  }
  Join j;
  j.alias = ctx_->quote(ctx_->new_alias());
  j.outer = from.outer || s.optional;
  const std::string kind = j.outer ? "LEFT OUTER JOIN " : "INNER JOIN ";
  if (s.kind == PathStep::Kind::ManyToMany) {
    // Through the join table: from -> link row -> related row.
    const std::string link = ctx_->quote(ctx_->new_alias());
    j.sql = kind + ctx_->quote(s.join_table) + " AS " + link + " ON " + link + "." +
            ctx_->quote(s.join_from_column) + " = " + from.alias + "." + ctx_->quote(s.from_column) + " " + kind +
            ctx_->quote(s.to->table) + " AS " + j.alias + " ON " + j.alias + "." + ctx_->quote(s.to_column) +
            " = " + link + "." + ctx_->quote(s.join_to_column);
  } else {
    j.sql = kind + ctx_->quote(s.to->table) + " AS " + j.alias + " ON " + from.alias + "." +
            ctx_->quote(s.from_column) + " = " + j.alias + "." + ctx_->quote(s.to_column);
    if (std::string only = restriction(s, j.alias); !only.empty()) j.sql += " AND " + only;
  }
  const int index = static_cast<int>(joins_.size());
  joins_.push_back(std::move(j));
  index_.emplace(key, index);
  const Join& added = joins_.back();
  return WalkResult{added.alias, added.outer, index};
}

std::string SqlScope::from_clause() const {
  if (!join_params_.empty()) {
    auto at = ctx_->params.begin() + static_cast<std::ptrdiff_t>(first_param_);
    ctx_->params.insert(at, std::make_move_iterator(join_params_.begin()),
                        std::make_move_iterator(join_params_.end()));
    join_params_.clear();
  }
  std::string out = "FROM " + ctx_->quote(model_->table) + " AS " + alias_;
  for (const Join& j : joins_) out += " " + j.sql;
  return out;
}

}  // namespace covet::detail

#include "query/fitted_condition.hpp"

#include "query/column_rule.hpp"
#include "query/lookup_limits.hpp"
#include "query/lookup_cache.hpp"
#include "query/lookup_path.hpp"
#include "query/lookups.hpp"

#include <covet/errors.hpp>

#include <string>

namespace covet::detail {

namespace {

// A value as a message shows it, cut short.
std::string shown(const Value& value) {
  std::string s = value.debug_string();
  constexpr std::size_t kShown = 60;
  if (s.size() > kShown) s = s.substr(0, kShown) + "...";
  return s;
}

bool is_pattern_lookup(std::string_view lookup) {
  return lookup == "contains" || lookup == "icontains" || lookup == "startswith" || lookup == "istartswith" ||
         lookup == "endswith" || lookup == "iendswith" || lookup == "iexact";
}

bool matches_to_nul(std::string_view lookup) { return lookup != "iexact" && is_pattern_lookup(lookup); }

// The model a value of `column` refers to, and the member of it the column holds.
struct KeyTarget {
  const ModelInfo* model = nullptr;
  const MemberInfo* member = nullptr;
};

KeyTarget key_target(const ModelInfo& owner, const MemberInfo& column) {
  if (column.kind == MemberKind::Relation && column.relation)
    return {column.relation->target, referenced_member(column)};
  return {&owner, &column};
}

bool same_model(const ModelInfo& a, const ModelInfo& b) { return &a == &b || a.table == b.table; }

Value object_key(const ModelInfo& owner, const MemberInfo& column, const ObjectKeys& object,
                 std::string_view call) {
  const KeyTarget target = key_target(owner, column);
  const std::string field = owner.name + "." + column.name;
  if (!same_model(*object.model, *target.model))
    throw UsageError(std::string(call) + "(): an object of " + object.model->name + " was given for " + field +
                         ", which " + (target.model == &owner ? "belongs to " : "refers to ") +
                         target.model->name + ": pass an object of " + target.model->name + " (or its " +
                         target.member->name + ")",
                     owner.name);
  for (const auto& [member, value] : object.keys)
    if (member == target.member || member->name == target.member->name) return value;
  throw UsageError(std::string(call) + "(): an object of " + object.model->name + " cannot stand for " + field +
                       ": an object compares by its primary key or a unique field, and " + target.model->name +
                       "." + target.member->name + " is neither; pass the value itself",
                   owner.name);
}

[[noreturn]] void misfit(const ModelInfo& owner, const MemberInfo& column, const Value& value,
                         std::string_view call) {
  const ColumnRule rule = column_rule(column.type);
  std::string column_is = column_type_phrase(column.type);
  std::string takes = rule.takes;
  if (column.kind == MemberKind::Relation && column.relation) {
    const KeyTarget target = key_target(owner, column);
    column_is = "a relation to " + target.model->name + " holding its " + target.member->name + " (" +
                column_is + ")";
    takes = "a saved " + target.model->name + ", a Ref or its " + target.member->name + ": " + rule.takes;
  }
  throw UsageError(std::string(call) + "(): the value " + shown(value) + " (" + value_kind_name(value.kind()) +
                       ") does not fit " + owner.name + "." + column.name + ", " + column_is + ", which takes " +
                       takes,
                   owner.name);
}

// The value of a pattern lookup: text or a number, without NUL.
Value fit_pattern(const ModelInfo& root, const ResolvedPath& path, Value value, std::string_view call) {
  const std::string field = path.model->name + "." + path.column->name;
  if (!value.is_text() && !value.is_integer() && !value.is_real())
    throw UsageError(std::string(call) + "(): the value " + shown(value) + " (" + value_kind_name(value.kind()) +
                         ") of '" + path.lookup + "' on " + field + " must be text or a number: the lookup " +
                         "compares the column's text",
                     root.name);
  if (matches_to_nul(path.lookup) && value.is_text() && value.as_text().find('\0') != std::string::npos)
    throw UsageError(std::string(call) + "(): the value of '" + path.lookup + "' on " + field +
                         " contains a NUL byte; pattern lookups cannot match one (SQLite's LIKE and GLOB "
                         "stop at NUL, PostgreSQL text cannot hold it): remove it, or compare with 'exact'",
                     root.name);
  return value;
}

FilterValue fit_values(const ModelInfo& root, const ResolvedPath& path, const FilterValue& given,
                       std::string_view call) {
  FilterValue out;
  out.is_list = given.is_list;
  if (path.lookup == "isnull") {
    out.values = given.values;
    return out;
  }
  out.values.reserve(given.values.size());
  std::size_t next_object = 0;
  for (std::size_t i = 0; i < given.values.size(); ++i) {
    Value v = given.values[i];
    if (next_object < given.objects.size() && given.objects[next_object].first == i)
      v = object_key(*path.model, *path.column, *given.objects[next_object++].second, call);
    if (!v.is_null()) {
      if (is_pattern_lookup(path.lookup)) {
        v = fit_pattern(root, path, std::move(v), call);
      } else {
        v = fit_to_column(*path.model, *path.column, std::move(v), nullptr, call);
      }
    }
    out.values.push_back(std::move(v));
  }
  return out;
}

std::shared_ptr<const QNode> fit(const ModelInfo& model, const QNode& node, std::string_view call) {
  auto out = std::make_shared<QNode>();
  out->kind = node.kind;
  out->depth = node.depth;
  if (node.kind == QNode::Kind::Leaf) {
    const std::shared_ptr<const ResolvedPath> path = cached_lookup(model, node.lookup);
    check_lookup_value(path->lookup, node.value, path->field_label);
    out->lookup = node.lookup;
    out->value = fit_values(model, *path, node.value, call);
    return out;
  }
  out->children.reserve(node.children.size());
  for (const auto& child : node.children) out->children.push_back(fit(model, *child, call));
  return out;
}

}  // namespace

std::shared_ptr<const QNode> fit_condition(const ModelInfo& model, const QNode& root, std::string_view call) {
  check_condition_limits(model, root, call);
  return fit(model, root, call);  // recursion bounded by max_q_depth
}

Value fit_to_column(const ModelInfo& owner, const MemberInfo& column, Value value, const ObjectKeys* object,
                    std::string_view call) {
  if (object) value = object_key(owner, column, *object, call);
  if (value.is_null()) return value;
  if (!column_accepts(column.type, value)) misfit(owner, column, value, call);
  return as_column_value(column.type, std::move(value));
}

}  // namespace covet::detail

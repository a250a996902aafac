// only() / defer(): resolving the field names, merging them like Django's
// deferred_loading, and the columns that leaves loaded. See
// deferred_fields.hpp for the rules.
#include "query/deferred_fields.hpp"

#include "query/lookup_limits.hpp"
#include "query/select_related.hpp"

#include <covet/errors.hpp>
#include <covet/partial.hpp>
#include <covet/query_set.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace covet::detail {

namespace {

bool is_forward_relation(const MemberInfo& m) {
  return m.kind == MemberKind::Relation && m.relation && m.relation->kind != RelationKind::ManyToMany;
}

bool contains(const std::vector<const MemberInfo*>& list, const MemberInfo* m) {
  return std::find(list.begin(), list.end(), m) != list.end();
}

// "id, title, published_year, author, ...": what only() / defer() accept.
std::string column_choices(const ModelInfo& model) {
  std::string out;
  for (const MemberInfo* m : model.columns) out += (out.empty() ? "" : ", ") + m->name;
  return out;
}

[[noreturn]] void refuse(const ModelInfo& model, const std::string& why) {
  throw FieldError(why + ". Choices are: " + column_choices(model), model.name);
}

// The column member `name` designates on `model`. Throws FieldError.
const MemberInfo& resolve_field(const ModelInfo& model, std::string_view name, const char* call) {
  const std::string quoted = "'" + std::string(name) + "'";
  if (name == "pk") return *model.primary_key;
  if (std::size_t sep = name.find("__"); sep != std::string_view::npos) {
    const std::string head(name.substr(0, sep));
    const MemberInfo* m = model.member(head);
    if ((m && m->kind != MemberKind::Column) || model.reverse_relation(head))
      refuse(model, std::string(call) + "() on " + model.name + " names its own fields only: " + quoted +
                        " crosses the relation '" + head +
                        "' (objects loaded through select_related are loaded whole)");
    refuse(model, model.name + " has no field named " + quoted + " (in " + call + "())");
  }
  if (const MemberInfo* m = model.member(name)) {
    if (!m->column.empty()) return *m;
    const char* kind = m->kind == MemberKind::ReverseMember     ? "a reverse relation"
                       : m->kind == MemberKind::GenericRef      ? "a generic reference (its two members are columns)"
                       : m->kind == MemberKind::GenericRelation ? "a generic relation"
                                                                : "a many-to-many relation";
    refuse(model, quoted + " is " + kind + " of " + model.name + ", not a column: " + call +
                      "() names columns");
  }
  for (const MemberInfo& m : model.members)
    if (is_forward_relation(m) && name == m.name + "_id") return m;  // the attname
  if (model.reverse_relation(name))
    refuse(model, quoted + " is a reverse relation of " + model.name + ", not a column: " + call +
                      "() names columns");
  refuse(model, model.name + " has no field named " + quoted + " (in " + call + "())");
}

// Columns another table matches on (a to_field target): the object's
// reverse members are bound with their values, so they are always loaded.
bool is_matched_key(const ModelInfo& model, const MemberInfo& column) {
  for (const ReverseRelation& r : model.reverse)
    if (!r.member->relation->to_field.empty() && r.member->relation->to_field == column.name) return true;
  return false;
}

}  // namespace

const std::vector<const MemberInfo*>& loaded_columns(const QueryState& state) {
  return state.loaded_fields ? state.loaded_fields->columns : state.model->columns;
}

bool is_deferred(const QueryState& state, const MemberInfo& member) {
  if (!state.loaded_fields) return false;
  const auto& columns = state.model->columns;
  auto it = std::find(columns.begin(), columns.end(), &member);
  return it != columns.end() && !state.loaded_fields->loaded[static_cast<std::size_t>(it - columns.begin())];
}

void check_deferred_use(const QueryState& state) {
  if (!state.loaded_fields) return;
  const ModelInfo& model = *state.model;
  if (state.key_restriction)
    throw UsageError("a Prefetch query set of " + model.name +
                         " cannot use only() or defer(): prefetched objects are whole " + model.name +
                         " objects, whose deferred fields would read as defaults",
                     model.name);
  for (const Prefetch& p : state.prefetch) {
    const std::string& lookup = p.lookup();
    const std::string head = lookup.substr(0, lookup.find("__"));
    const MemberInfo* m = model.member(head);
    if (m && is_forward_relation(*m) && is_deferred(state, *m))
      throw FieldError("prefetch_related(\"" + lookup + "\") on " + model.name + " reads the " + m->name +
                           " key of each object, which only() / defer() leaves unloaded: load " +
                           model.name + "." + m->name + " too",
                       model.name);
  }
}

std::shared_ptr<const std::vector<bool>> loaded_mask(const QueryCore& core) {
  const std::shared_ptr<const QueryState>& state = QueryCoreAccess::state(core);
  if (!state->loaded_fields)
    return std::make_shared<const std::vector<bool>>(state->model->columns.size(), true);
  return std::shared_ptr<const std::vector<bool>>(state->loaded_fields, &state->loaded_fields->loaded);
}

QueryCore QueryCore::with_loaded_fields(std::vector<std::string> fields, bool only) const {
  const ModelInfo& model = *state_->model;
  std::vector<const MemberInfo*> given;
  for (const std::string& name : fields) {
    check_field_name_limits(model, name, only ? "only" : "defer");
    const MemberInfo& m = resolve_field(model, name, only ? "only" : "defer");
    if (!m.primary_key && !contains(given, &m)) given.push_back(&m);  // the key is always loaded
  }

  // Django's add_deferred_loading / add_immediate_loading.
  auto loaded = std::make_shared<LoadedFields>();
  const LoadedFields* before = state_->loaded_fields.get();
  const bool was_defer = !before || before->defer;
  const std::vector<const MemberInfo*> earlier = before ? before->named : std::vector<const MemberInfo*>{};
  if (only) {
    loaded->defer = false;
    for (const MemberInfo* m : given)
      if (!was_defer || !contains(earlier, m)) loaded->named.push_back(m);
  } else if (was_defer) {
    loaded->named = earlier;
    for (const MemberInfo* m : given)
      if (!contains(earlier, m)) loaded->named.push_back(m);
  } else {
    loaded->defer = false;
    for (const MemberInfo* m : earlier)
      if (!contains(given, m)) loaded->named.push_back(m);
  }

  for (const MemberInfo* column : model.columns) {
    const bool keep = column->primary_key || is_matched_key(model, *column) ||
                      contains(loaded->named, column) != loaded->defer;
    loaded->loaded.push_back(keep);
    if (keep) loaded->columns.push_back(column);
  }

  auto state = std::make_shared<QueryState>(*state_);
  state->loaded_fields = std::move(loaded);
  plan_select_related(*state);  // a relation select_related follows must stay loaded
  return QueryCore(db_, std::move(state));
}

}  // namespace covet::detail

// select_related: validating the paths and planning the related objects a
// rows SELECT loads. See the rules in select_related.hpp.
#include "query/select_related.hpp"

#include "inheritance/table_chain.hpp"
#include "query/deferred_fields.hpp"
#include "query/lookup_limits.hpp"

#include <covet/detail/naming.hpp>

#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace covet::detail {

namespace {

// Django's limit for select_related() without paths.
constexpr std::size_t kMaxDepth = 5;

bool is_forward_relation(const MemberInfo& m) {
  return m.kind == MemberKind::Relation && m.relation && m.relation->kind != RelationKind::ManyToMany;
}

PathStep forward_step(const ModelInfo& from, const MemberInfo& relation) {
  const ModelInfo& target = *relation.relation->target;
  const MemberInfo* referenced = relation.relation->to_field.empty()
                                     ? nullptr
                                     : target.member(relation.relation->to_field);
  if (!referenced) referenced = target.primary_key;
  PathStep s;
  s.kind = PathStep::Kind::Forward;
  s.name = relation.name;
  s.from = &from;
  s.to = &target;
  s.relation = &relation;
  s.from_member = &relation;
  s.to_member = referenced;
  // Without a constraint the key may dangle: an INNER join would drop the row.
  s.optional = relation.nullable || !relation.relation->db_constraint;
  return s;
}

// The reverse side of a one-to-one, joined from its target: the owner's
// key (pk or to_field) against the source's key column.
PathStep reverse_one_step(const ModelInfo& from, const ReverseRelation& reverse) {
  const RelationInfo& rel = *reverse.member->relation;
  const MemberInfo* referenced = rel.to_field.empty() ? nullptr : from.member(rel.to_field);
  if (!referenced) referenced = from.primary_key;
  PathStep s;
  s.kind = PathStep::Kind::ReverseOne;
  s.name = reverse.accessor;
  s.from = &from;
  s.to = reverse.source;
  s.relation = reverse.member;
  s.from_member = referenced;
  s.to_member = reverse.member;
  s.optional = true;  // the related row may not exist
  return s;
}

// The declared ReverseOne member of `model` receiving `reverse`; null when none.
const MemberInfo* reverse_one_member(const ModelInfo& model, const ReverseRelation& reverse) {
  for (const MemberInfo& m : model.members)
    if (m.kind == MemberKind::ReverseMember && m.name == reverse.accessor && m.store_object) return &m;
  return nullptr;
}

// The reverse one-to-one of `model` that select_related names `name`: as in
// Django (select_related_descend), by its query name, which is its
// related_query_name, else its related_name, else the model's name.
const ReverseRelation* reverse_one_named(const ModelInfo& model, std::string_view name) {
  for (const ReverseRelation& r : model.reverse)
    if (r.single && r.query_name == name) return &r;
  return nullptr;
}

// "author, editor, publisher": the relations select_related may name on
// `model` (forward foreign keys and one-to-ones, reverse one-to-ones).
std::string relation_choices(const ModelInfo& model) {
  std::string out;
  for (const MemberInfo& m : model.members)
    if (is_forward_relation(m)) out += (out.empty() ? "" : ", ") + m.name;
  for (const ReverseRelation& r : model.reverse)
    if (r.single) out += (out.empty() ? "" : ", ") + r.query_name;
  return out.empty() ? "(none)" : out;
}

// The paths as a tree: "post__author", "post__topic" -> post{author, topic}.
struct Requested {
  std::string name;
  std::vector<Requested> children;
};

// Adds `path` to the tree, one level per part, without recursion.
void insert_path(std::vector<Requested>& tree, std::string_view path) {
  std::vector<Requested>* level = &tree;
  while (true) {
    const std::size_t sep = path.find("__");
    const std::string_view head = path.substr(0, sep);
    auto it = std::find_if(level->begin(), level->end(), [&](const Requested& r) { return r.name == head; });
    if (it == level->end()) {
      level->push_back(Requested{std::string(head), {}});
      it = level->end() - 1;
    }
    if (sep == std::string_view::npos) return;
    level = &it->children;
    path.remove_prefix(sep + 2);
  }
}

[[noreturn]] void deferred_and_traversed(const ModelInfo& model, const MemberInfo& relation) {
  throw FieldError("Field " + model.name + "." + relation.name +
                       " cannot be both deferred and traversed using select_related at the same time",
                   model.name);
}

// Why `name` is not a forward relation of `model`, when it names something
// else select_related cannot follow; empty when it names nothing.
std::string not_followable(const ModelInfo& model, const std::string& name, const std::string& full_path) {
  const std::string prefetch = "use prefetch_related(\"" + full_path + "\")";
  if (const ModelInfo* child = child_named(model, name))
    return "the " + child->name + " row of a " + model.name + " (multi-table inheritance), which a " + model.name +
           " object has no member to hold: query db.objects<" + child->name + ">(), load one with db.child<" +
           child->name + ">(" + naming::model_name(model.name) + "), or load each row as its most-derived model "
           "with polymorphic<...>(); filters may still name '" + name + "__...'";
  for (const ReverseRelation& r : model.reverse)
    if (r.single && r.accessor == name && r.query_name != name)
      return "the reverse accessor of " + r.source->name + "." + r.member->name +
             ", a one-to-one: select_related names it by its query name '" + r.query_name + "'";
  if (const MemberInfo* m = model.member(name)) {
    if (m->kind == MemberKind::Relation) return "a many-to-many relation of " + model.name + ": " + prefetch;
  }
  const bool reverse = (model.member(name) && model.member(name)->kind == MemberKind::ReverseMember) ||
                       std::any_of(model.reverse.begin(), model.reverse.end(), [&](const ReverseRelation& r) {
                         return r.accessor == name || r.query_name == name;
                       });
  if (reverse)
    return "a reverse relation of " + model.name + ": select_related follows forward foreign keys and "
           "one-to-ones; " + prefetch;
  return {};
}

// One level of the tree; recursion as deep as the path, which
// check_lookup_limits bounds.
void add_requested(const QueryState& state, const ModelInfo& model, const std::vector<Requested>& level,
                   int parent, const std::string& prefix, std::vector<RelatedLoad>& out) {
  // Django's order: a column named here fails first, then every unknown name at once.
  std::vector<const MemberInfo*> relations;
  std::vector<const ReverseRelation*> reverses;  // per level entry: set for a reverse one-to-one
  std::string invalid, why;
  for (const Requested& r : level) {
    const MemberInfo* m = model.member(r.name);
    if (m && is_forward_relation(*m)) {
      relations.push_back(m);
      reverses.push_back(nullptr);
      continue;
    }
    if (const ReverseRelation* rev = reverse_one_named(model, r.name)) {
      const MemberInfo* receiver = reverse_one_member(model, *rev);
      if (!receiver)
        throw FieldError("select_related('" + prefix + r.name + "'): " + model.name +
                             " has no member to hold the related " + rev->source->name +
                             ": declare `covet::ReverseOne<" + rev->source->name + "> " + rev->accessor +
                             ";` in " + model.name,
                         model.name);
      relations.push_back(receiver);
      reverses.push_back(rev);
      continue;
    }
    if (m && m->kind == MemberKind::Column)
      throw FieldError("Non-relational field given in select_related: '" + r.name + "' (a column of " +
                           model.name + "). Choices are: " + relation_choices(model),
                       model.name);
    invalid += (invalid.empty() ? "'" : ", '") + r.name + "'";
    if (std::string reason = not_followable(model, r.name, prefix + r.name); !reason.empty() && why.empty())
      why = "'" + r.name + "' is " + reason;
  }
  if (!invalid.empty())
    throw FieldError("Invalid field name(s) given in select_related: " + invalid + " (on " + model.name +
                         "). Choices are: " + relation_choices(model) + (why.empty() ? "" : ". " + why),
                     model.name);

  for (std::size_t i = 0; i < level.size(); ++i) {
    const MemberInfo& relation = *relations[i];
    RelatedLoad load;
    if (const ReverseRelation* rev = reverses[i]) {
      load.step = reverse_one_step(model, *rev);
      load.model = rev->source;
    } else {
      if (parent < 0 && is_deferred(state, relation)) deferred_and_traversed(model, relation);
      load.step = forward_step(model, relation);
      load.model = relation.relation->target;
    }
    load.relation = &relation;
    load.parent = parent;
    const ModelInfo* loaded = load.model;
    out.push_back(std::move(load));
    const int index = static_cast<int>(out.size()) - 1;
    if (!level[i].children.empty())
      add_requested(state, *loaded, level[i].children, index, prefix + relation.name + "__", out);
  }
}

// select_related(): every non-null forward relation, recursively.
void add_all(const QueryState& state, const ModelInfo& model, int parent, std::size_t depth,
             std::vector<const ModelInfo*>& ancestors, std::vector<RelatedLoad>& out) {
  if (depth >= kMaxDepth) return;
  for (const MemberInfo& relation : model.members) {
    if (!is_forward_relation(relation) || relation.nullable) continue;
    const ModelInfo* target = relation.relation->target;
    if (std::find(ancestors.begin(), ancestors.end(), target) != ancestors.end()) continue;
    if (parent < 0 && is_deferred(state, relation)) continue;
    RelatedLoad load;
    load.step = forward_step(model, relation);
    load.relation = &relation;
    load.model = target;
    load.parent = parent;
    out.push_back(std::move(load));
    const int index = static_cast<int>(out.size()) - 1;
    ancestors.push_back(target);
    add_all(state, *target, index, depth + 1, ancestors, out);
    ancestors.pop_back();
  }
}

}  // namespace

std::vector<RelatedLoad> plan_select_related(const QueryState& state) {
  std::vector<RelatedLoad> out;
  if (state.select_related_all) {
    std::vector<const ModelInfo*> ancestors{state.model};
    add_all(state, *state.model, -1, 0, ancestors, out);
    return out;
  }
  if (state.select_related.empty()) return out;
  std::vector<Requested> tree;
  for (const std::string& path : state.select_related) insert_path(tree, path);
  add_requested(state, *state.model, tree, -1, "", out);
  return out;
}

QueryCore QueryCore::with_select_related(std::vector<std::string> paths) const {
  auto state = std::make_shared<QueryState>(*state_);
  if (paths.empty()) {
    state->select_related_all = true;
    state->select_related.clear();
  } else {
    // Django: paths add to earlier ones, and replace a select_related().
    if (state->select_related_all) state->select_related.clear();
    state->select_related_all = false;
    for (std::string& p : paths) {
      check_lookup_limits(*state->model, p, "select_related");
      if (p.empty())
        throw FieldError("Invalid field name(s) given in select_related: '' (on " + state->model->name +
                             "). Choices are: " + relation_choices(*state->model),
                         state->model->name);
      if (std::find(state->select_related.begin(), state->select_related.end(), p) ==
          state->select_related.end())
        state->select_related.push_back(std::move(p));
    }
  }
  plan_select_related(*state);  // validates
  return QueryCore(db_, std::move(state));
}

}  // namespace covet::detail

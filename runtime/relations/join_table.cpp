#include "relations/join_table.hpp"

#include <covet/detail/naming.hpp>
#include <covet/errors.hpp>

namespace covet::detail {

namespace {

// The through model's foreign key to `model`: the one named `name` when
// given, else the only one.
const MemberInfo* key_to(const ModelInfo& through, const ModelInfo& model, const std::string& name,
                         const ModelInfo& source, const MemberInfo& member, const MemberInfo* exclude) {
  const MemberInfo* found = nullptr;
  for (const MemberInfo* m : through.columns) {
    if (!m->relation || m->relation->target != &model || m == exclude) continue;
    if (!name.empty()) {
      if (m->name == name) return m;
      continue;
    }
    if (found)
      throw UsageError(source.name + "." + member.name + ": the through model " + through.name +
                           " has more than one foreign key to " + model.name +
                           "; name them with covet::through_fields(\"source\", \"target\")",
                       source.name);
    found = m;
  }
  if (!found)
    throw UsageError(source.name + "." + member.name + ": the through model " + through.name +
                         (name.empty() ? " has no foreign key to " + model.name
                                       : " has no foreign key '" + name + "' to " + model.name),
                     source.name);
  return found;
}
}  // namespace

JoinTable join_table_of(const ModelInfo& model, const MemberInfo& member) {
  // An inherited many-to-many is its declarer's: one join table, whose
  // source column holds the key every level of an object shares.
  const ModelInfo& source = member.declared_by ? *member.declared_by : model;
  const RelationInfo& rel = *member.relation;
  const ModelInfo& target = *rel.target;
  // A relation inherited from a concrete ancestor (a proxy's, say) is the
  // ancestor's: its table, its columns, its through keys. The keys are read
  // from objects of `source`, through its own members.
  const ModelInfo& declarer = member.declared_by ? *member.declared_by : source;
  JoinTable jt;
  jt.source = &source;
  jt.target = &target;
  jt.source_key = source.primary_key;
  jt.target_key = target.primary_key;
  jt.symmetrical = is_symmetrical(declarer, member);
  if (rel.through.empty()) {
    naming::JoinTableNames names =
        naming::automatic_join_table(declarer.table, member.name, declarer.name, target.name);
    jt.table = std::move(names.table);
    jt.source_column = std::move(names.source_column);
    jt.target_column = std::move(names.target_column);
    jt.unique_pair = true;  // create_all gives it a UNIQUE (source, target)
    return jt;
  }
  const ModelInfo* through = nullptr;
  for (const ModelInfo* m : all_models())
    if (m->name == rel.through) through = m;
  if (!through)
    throw UsageError(source.name + "." + member.name + ": through model '" + rel.through +
                         "' is not a registered model",
                     source.name);
  jt.through = through;
  jt.table = through->table;
  jt.source_member = key_to(*through, declarer, rel.through_source, source, member, nullptr);
  jt.target_member = key_to(*through, target, rel.through_target, source, member, jt.source_member);
  jt.source_column = jt.source_member->column;
  jt.target_column = jt.target_member->column;
  if (!jt.source_member->relation->to_field.empty())
    jt.source_key = source.member(jt.source_member->relation->to_field);
  if (!jt.target_member->relation->to_field.empty())
    jt.target_key = target.member(jt.target_member->relation->to_field);
  for (const std::vector<std::string>& names : through->unique_together)
    if (names.size() == 2 && ((names[0] == jt.source_member->name && names[1] == jt.target_member->name) ||
                              (names[1] == jt.source_member->name && names[0] == jt.target_member->name)))
      jt.unique_pair = true;
    else
      jt.other_unique = true;
  for (const MemberInfo* m : through->columns)
    if (m->unique && !m->primary_key) jt.other_unique = true;
  return jt;
}

const ModelInfo& declaring_model(const MemberInfo& relation) {
  for (const ModelInfo* m : all_models())
    for (const MemberInfo& member : m->members)
      if (&member == &relation) return *m;
  throw UsageError("the relation member '" + relation.name + "' belongs to no registered model");
}

bool is_symmetrical(const ModelInfo& source, const MemberInfo& member) {
  const RelationInfo& rel = *member.relation;
  return naming::is_symmetrical(rel.kind == RelationKind::ManyToMany, rel.target == &source, rel.symmetrical);
}

std::string hidden_query_name(const ModelInfo& source, const MemberInfo& member) {
  return "_" + source.name + "_" + member.name + "+";
}

std::vector<std::pair<const ModelInfo*, const MemberInfo*>> automatic_join_tables() {
  std::vector<std::pair<const ModelInfo*, const MemberInfo*>> out;
  for (const ModelInfo* m : all_models()) {
    if (m->abstract || m->proxy) continue;
    for (const MemberInfo& member : m->members)
      if (member.kind == MemberKind::Relation && member.relation->kind == RelationKind::ManyToMany &&
          member.relation->through.empty() && (!member.declared_by || member.declared_by == m))
        out.emplace_back(m, &member);
  }
  return out;
}

}  // namespace covet::detail

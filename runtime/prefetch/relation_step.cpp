#include "prefetch/relation_step.hpp"

#include "generic/content_type_lookup.hpp"
#include "inheritance/table_chain.hpp"
#include "relations/join_table.hpp"

#include <covet/errors.hpp>

#include <set>

namespace covet::detail {

namespace {

// The owner's declared member receiving a reverse step: the ReverseSet /
// ReverseOne named like the accessor.
const MemberInfo* reverse_slot(const ModelInfo& owner, const ReverseRelation& r) {
  for (const MemberInfo& m : owner.members)
    if (m.kind == MemberKind::ReverseMember && m.name == r.accessor && m.reverse_target &&
        *m.reverse_target == r.source->type)
      return &m;
  return nullptr;
}

std::string prefetchable_names(const ModelInfo& owner) {
  std::string out;
  // A proxy's reverse relations are its concrete model's too: each name once.
  std::set<std::string> seen;
  auto add = [&](const std::string& name) {
    if (seen.insert(name).second) out += (out.empty() ? "" : ", ") + name;
  };
  for (const MemberInfo& m : owner.members)
    if (m.kind == MemberKind::Relation || m.kind == MemberKind::GenericRef || m.kind == MemberKind::GenericRelation)
      add(m.name);
  for (const ModelInfo* m = &owner; m; m = m->parent_model)
    for (const ReverseRelation& r : m->reverse) add(r.accessor);
  return out.empty() ? "(none)" : out;
}

// `member` as a member of `owner`: a member of an ancestor of `owner`
// (a reverse relation's key, an inherited join table's) is read from the
// owner's own copy, whose accessors take an `owner` object.
const MemberInfo* own_member(const ModelInfo& owner, const MemberInfo* member) {
  if (const MemberInfo* own = owner.member(member->name)) return own;
  return member;
}

}  // namespace

RelationStep step_of(const MemberInfo& relation, bool reverse) {
  const RelationInfo& rel = *relation.relation;
  const ModelInfo& source = declaring_model(relation);
  const ModelInfo& target = *rel.target;
  RelationStep step;
  step.relation = &relation;
  step.reverse = reverse;
  step.owner = reverse ? &target : &source;
  step.related = reverse ? &source : &target;

  if (rel.kind == RelationKind::ManyToMany) {
    JoinTable jt = join_table_of(source, relation);
    step.single = false;
    step.owner_key = reverse ? jt.target_key : own_member(source, jt.source_key);
    step.restriction.join_table = jt.table;
    step.restriction.join_model_column = reverse ? jt.source_column : jt.target_column;
    step.restriction.join_related_key = reverse ? jt.source_key : jt.target_key;
    step.restriction.key_column = reverse ? jt.target_column : jt.source_column;
    step.restriction.key_type = step.owner_key->type;
  } else {
    const MemberInfo* target_key = rel.to_field.empty() ? target.primary_key : target.member(rel.to_field);
    if (!reverse) {
      step.single = true;
      step.owner_key = &relation;  // the key column's value
      step.restriction.key_member = target_key;
    } else {
      step.single = rel.kind == RelationKind::OneToOne;
      step.owner_key = target_key;
      step.restriction.key_member = &relation;
    }
    step.restriction.key_type = target_key->type;
  }
  if (step.restriction.key_type == ColumnType::AutoId) step.restriction.key_type = ColumnType::BigInt;

  if (!reverse) {
    step.name = relation.name;
    step.slot = &relation;
    step.describe = source.name + "." + relation.name;
  } else {
    step.describe = "the reverse of " + source.name + "." + relation.name;
    for (const ReverseRelation& r : target.reverse)
      if (r.member == &relation) {
        step.name = r.accessor;
        step.slot = reverse_slot(target, r);
        step.describe = target.name + "." + r.accessor + " (the reverse of " + source.name + "." +
                        relation.name + ")";
      }
  }
  return step;
}

RelationStep resolve_step(const ModelInfo& owner, std::string_view name) {
  if (const MemberInfo* m = owner.member(name); m && m->kind == MemberKind::GenericRelation) {
    const GenericInfo& g = *m->generic;
    RelationStep step;
    step.owner = &owner;
    step.related = g.related;
    step.name = std::string(name);
    step.describe = owner.name + "." + m->name;
    step.relation = m;
    step.reverse = true;
    step.owner_key = owner.primary_key;
    step.slot = m;
    step.restriction.key_member = g.object_id_member;
    step.restriction.key_type = g.object_id_member->type == ColumnType::AutoId ? ColumnType::BigInt : g.object_id_member->type;
    step.restriction.content_type_member = g.content_type_member;
    step.restriction.content_type_name = stored_content_type(owner);
    return step;
  }
  if (const MemberInfo* m = owner.member(name); m && m->kind == MemberKind::GenericRef) {
    RelationStep step;
    step.owner = &owner;
    step.name = std::string(name);
    step.describe = owner.name + "." + m->name;
    step.relation = m;
    step.single = true;
    step.owner_key = m->generic->object_id_member;
    step.slot = m;
    step.generic_ref = m;
    return step;
  }
  if (const MemberInfo* m = owner.member(name); m && m->kind == MemberKind::Relation) {
    RelationStep step = step_of(*m, false);
    step.name = std::string(name);
    return step;
  }
  // A child reaches the reverse relations of its ancestors (Django).
  if (const ReverseRelation* r = inherited_reverse(owner, name, true)) {
    RelationStep step = step_of(*r->member, true);
    step.name = std::string(name);
    step.owner = &owner;
    step.owner_key = own_member(owner, step.owner_key);
    step.slot = reverse_slot(owner, *r);
    // A proxy has its concrete model's reverse relations: its objects'
    // keys are read through its own members.
    if (step.owner != &owner) {
      step.owner_key = owner.member(step.owner_key->name);
      step.owner = &owner;
    }
    return step;
  }
  const MemberInfo* m = owner.member(name);
  throw FieldError("Cannot find '" + std::string(name) + "' on " + owner.name +
                       (m ? ": it is not a relation, " : ", ") +
                       "so it cannot be prefetched (prefetch_related takes relations). Choices are: " +
                       prefetchable_names(owner),
                   owner.name);
}

}  // namespace covet::detail

// Walks "a__b__c" through the metadata, one segment at a time. See the rules
// in lookup_path.hpp.
#include "query/lookup_path.hpp"

#include "generic/content_type_lookup.hpp"
#include "inheritance/single_table.hpp"
#include "inheritance/subclass_fields.hpp"
#include "inheritance/table_chain.hpp"
#include "query/lookups.hpp"
#include "relations/join_table.hpp"

#include <covet/errors.hpp>

#include <set>

namespace covet::detail {

namespace {

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = text.find("__", start);
    if (pos == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, pos - start));
    start = pos + 2;
  }
}

bool is_forward_relation(const MemberInfo& m) {
  return m.kind == MemberKind::Relation && m.relation &&
         m.relation->kind != RelationKind::ManyToMany;
}

bool is_many_to_many(const MemberInfo& m) {
  return m.kind == MemberKind::Relation && m.relation &&
         m.relation->kind == RelationKind::ManyToMany;
}

// What a segment names on a model.
struct Named {
  const MemberInfo* member = nullptr;      // a column or relation
  bool attname = false;                    // "<relation>_id": the relation's key column
  const ReverseRelation* reverse = nullptr;
  const ModelInfo* hidden_source = nullptr;  // a hidden many-to-many name: `member` of this model
  const ModelInfo* child = nullptr;          // a multi-table child, by its parent link's query name
  // The related_query_name of a GenericRelation of `generic_owner` that
  // points at this model's rows.
  const MemberInfo* generic_back = nullptr;
  const ModelInfo* generic_owner = nullptr;
};


Named find(const ModelInfo& model, std::string_view name) {
  Named out;
  if (name == "pk") {
    out.member = model.primary_key;
    return out;
  }
  for (const MemberInfo& m : model.members) {
    if (m.kind == MemberKind::ReverseMember) continue;
    if (m.name == name) {
      out.member = &m;
      return out;
    }
  }
  for (const MemberInfo& m : model.members) {
    if (is_forward_relation(m) && name.size() == m.name.size() + 3 && name.starts_with(m.name) &&
        name.ends_with("_id")) {
      out.member = &m;
      out.attname = true;
      return out;
    }
  }
  if (const ReverseRelation* r = inherited_reverse(model, name, false)) {
    out.reverse = r;
    return out;
  }
  if (const ModelInfo* child = child_named(model, name)) {
    out.child = child;
    return out;
  }
  for (const ModelInfo* owner : all_models())
    for (const MemberInfo& m : owner->members)
      if (m.kind == MemberKind::GenericRelation && m.declared_by == owner && m.generic->related == &model &&
          !m.generic->related_query_name.empty() && m.generic->related_query_name == name) {
        out.generic_back = &m;
        out.generic_owner = owner;
        return out;
      }
  if (name.starts_with("_") && name.ends_with("+")) {
    // A many-to-many walked backward by its hidden name (the managers' own).
    for (const ModelInfo* source : all_models())
      for (const MemberInfo& m : source->members)
        if (is_many_to_many(m) && m.relation->target == &model && hidden_query_name(*source, m) == name) {
          out.hidden_source = source;
          out.member = &m;
          return out;
        }
  }
  return out;
}

bool names_something(const Named& n) { return n.member || n.reverse || n.child || n.generic_back; }

[[noreturn]] void unknown_field(const ModelInfo& model, std::string_view name) {
  // A field of a single-table subclass: say which query has it.
  const std::string subclass = subclass_field_hint(model, name, [](const ModelInfo& m, std::string_view n) {
    const Named named = find(m, n);
    return names_something(named);
  });
  throw FieldError("Cannot resolve keyword '" + std::string(name) + "' into field of model '" + model.name + "'" +
                       (subclass.empty() ? "" : ": " + subclass) + ". Choices are: " + field_choices(model),
                   model.name);
}

[[noreturn]] void unsupported_lookup(const ModelInfo& root, std::string_view name,
                                     const std::string& label) {
  throw FieldError("Unsupported lookup '" + std::string(name) + "' for field " + label +
                       ". Choices are: " + lookup_choices(),
                   root.name);
}

PathStep forward_step(const ModelInfo& from, const MemberInfo& relation, std::string_view name) {
  PathStep s;
  s.kind = PathStep::Kind::Forward;
  s.name = std::string(name);
  s.from = &from;
  s.to = relation.relation->target;
  s.relation = &relation;
  s.from_member = &relation;
  s.to_member = referenced_member(relation);
  s.optional = relation.nullable;
  return s;
}

// A many-to-many step: forward from `source` (the model declaring `member`)
// to its target, or backward from the target to `source`.
PathStep many_to_many_step(const ModelInfo& source, const MemberInfo& member, bool backward,
                           std::string_view name) {
  const JoinTable jt = join_table_of(source, member);
  PathStep s;
  s.kind = PathStep::Kind::ManyToMany;
  s.name = std::string(name);
  s.from = backward ? jt.target : jt.source;
  s.to = backward ? jt.source : jt.target;
  s.relation = &member;
  s.from_member = backward ? jt.target_key : jt.source_key;
  s.to_member = backward ? jt.source_key : jt.target_key;
  s.optional = true;
  s.join_table = jt.table;
  s.join_from_column = backward ? jt.target_column : jt.source_column;
  s.join_to_column = backward ? jt.source_column : jt.target_column;
  return s;
}

// From the owner of a GenericRelation to the rows pointing at it.
PathStep generic_step(const ModelInfo& owner, const MemberInfo& relation, std::string_view name) {
  const GenericInfo& g = *relation.generic;
  PathStep s;
  s.kind = PathStep::Kind::ReverseMany;
  s.name = std::string(name);
  s.from = &owner;
  s.to = g.related;
  s.relation = &relation;
  s.from_member = owner.primary_key;
  s.to_member = g.object_id_member;
  s.optional = true;
  s.content_type_member = g.content_type_member;
  s.content_type_name = stored_content_type(owner);
  return s;
}

// Back from the rows of a GenericRelation to its owner, by its
// related_query_name: the owner their reference points at, when it is one.
PathStep generic_back_step(const ModelInfo& from, const MemberInfo& relation, const ModelInfo& owner,
                           std::string_view name) {
  const GenericInfo& g = *relation.generic;
  PathStep s;
  s.kind = PathStep::Kind::Forward;
  s.name = std::string(name);
  s.from = &from;
  s.to = &owner;
  s.relation = &relation;
  s.from_member = g.object_id_member;
  s.to_member = owner.primary_key;
  s.optional = true;
  s.content_type_member = g.content_type_member;
  s.content_type_name = stored_content_type(owner);
  return s;
}

[[noreturn]] void generic_ref_in_lookup(const ModelInfo& model, const MemberInfo& ref) {
  const GenericInfo& g = *ref.generic;
  throw FieldError("Field '" + ref.name + "' of model '" + model.name +
                       "' is a generic reference (covet::GenericRef) and cannot be used in a query: filter on its "
                       "members '" + g.content_type_field + "' and '" + g.object_id_field +
                       "', or use for_object(object); to query through it, declare a covet::GenericRelation<" +
                       model.name + "> with a covet::related_query_name on the target model",
                   model.name);
}

PathStep reverse_step(const ModelInfo& from, const ReverseRelation& reverse) {
  PathStep s;
  s.kind = reverse.single ? PathStep::Kind::ReverseOne : PathStep::Kind::ReverseMany;
  s.name = reverse.query_name;
  s.from = &from;
  s.to = reverse.source;
  s.relation = reverse.member;
  s.from_member = referenced_member(*reverse.member);
  s.to_member = reverse.member;
  s.optional = true;
  return s;
}


// Everything after the compared column must be at most one lookup name.
void finish(const ModelInfo& root, ResolvedPath& out, const std::vector<std::string_view>& segs,
            std::size_t next) {
  if (next == segs.size()) {
    out.lookup = "exact";
    return;
  }
  if (next + 1 == segs.size() && is_lookup(segs[next])) {
    out.lookup = std::string(segs[next]);
    return;
  }
  unsupported_lookup(root, segs[next], out.field_label);
}

ResolvedPath resolve(const ModelInfo& root, std::string_view text) {
  ResolvedPath out;
  std::vector<std::string_view> segs = split(text);
  const ModelInfo* model = &root;
  // A to-many step that ends the path ("tags", "books") or is followed only by
  // a lookup ("tags__in", "books__isnull") compares the related primary key.
  auto ends_on_related_key = [&](const ModelInfo* related, std::size_t i) {
    return i + 1 == segs.size() || (i + 2 == segs.size() && is_lookup(segs[i + 1]) &&
                                    !names_something(find(*related, segs[i + 1])));
  };
  auto finish_on_key = [&](const ModelInfo* related, std::size_t i) {
    out.model = related;
    out.column = related->primary_key;
    out.field_label = related->name + "." + related->primary_key->name;
    finish(root, out, segs, i + 1);
    return out;
  };
  for (std::size_t i = 0; i < segs.size(); ++i) {
    std::string_view seg = segs[i];
    Named named = find(*model, seg);
    bool many = false;
    if (named.member && is_many_to_many(*named.member)) {
      // Forward (declared here or by an ancestor, whose join table it is),
      // or backward by the hidden name.
      const ModelInfo* declarer = named.member->declared_by ? named.member->declared_by : model;
      const ModelInfo& source = named.hidden_source ? *named.hidden_source : *declarer;
      out.steps.push_back(many_to_many_step(source, *named.member, named.hidden_source != nullptr, seg));
      many = true;
    } else if (named.reverse && named.reverse->member->relation->kind == RelationKind::ManyToMany) {
      out.steps.push_back(many_to_many_step(*named.reverse->source, *named.reverse->member, true, seg));
      many = true;
    }
    if (many) {
      model = out.steps.back().to;
      if (ends_on_related_key(model, i)) return finish_on_key(model, i);
      continue;
    }

    if (named.member && named.member->kind == MemberKind::GenericRef) generic_ref_in_lookup(*model, *named.member);
    if (named.member && named.member->kind == MemberKind::GenericRelation) {
      out.steps.push_back(generic_step(*model, *named.member, seg));
      model = out.steps.back().to;
      if (ends_on_related_key(model, i)) return finish_on_key(model, i);
      continue;
    }
    if (named.generic_back) {
      out.steps.push_back(generic_back_step(*model, *named.generic_back, *named.generic_owner, seg));
      model = named.generic_owner;
      if (ends_on_related_key(model, i)) return finish_on_key(model, i);
      continue;
    }
    if (named.member && (!is_forward_relation(*named.member) || named.attname)) {
      // A column (or a relation's key column by its attname).
      out.model = model;
      out.column = named.member;
      out.field_label = model->name + "." + std::string(seg);
      finish(root, out, segs, i + 1);
      return out;
    }
    if (named.member) {
      // A forward relation: its key column, or a step into the target.
      const MemberInfo& rel = *named.member;
      const ModelInfo& target = *rel.relation->target;
      out.model = model;
      out.column = &rel;
      out.field_label = model->name + "." + rel.name;
      if (i + 1 == segs.size()) {
        out.lookup = "exact";
        return out;
      }
      std::string_view next = segs[i + 1];
      const MemberInfo* referenced = referenced_member(rel);
      if (next == referenced->name || (next == "pk" && referenced == target.primary_key)) {
        // "author__id": the key column already holds it.
        finish(root, out, segs, i + 2);
        return out;
      }
      Named in_target = find(target, next);
      if (!names_something(in_target)) {
        if (i + 2 == segs.size() && is_lookup(next)) {
          out.lookup = std::string(next);
          return out;
        }
        unknown_field(target, next);
      }
      out.steps.push_back(forward_step(*model, rel, seg));
      model = &target;
      continue;
    }
    if (named.child) {
      out.steps.push_back(child_step(*model, *named.child, seg));
      model = named.child;
      if (ends_on_related_key(model, i)) return finish_on_key(model, i);
      continue;
    }
    if (named.reverse) {
      const ReverseRelation& rev = *named.reverse;
      out.steps.push_back(reverse_step(*model, rev));
      model = rev.source;
      if (ends_on_related_key(model, i)) return finish_on_key(model, i);
      continue;
    }
    unknown_field(*model, seg);
  }
  // Unreachable: the loop returns at the last segment or throws.
  unknown_field(*model, segs.back());
}

}  // namespace

// A multi-table parent to its child row: the parent's key against the
// child's (its parent link).
PathStep child_step(const ModelInfo& from, const ModelInfo& child, std::string_view name) {
  PathStep s;
  s.kind = PathStep::Kind::Child;
  s.name = std::string(name);
  s.from = &from;
  s.to = &child;
  s.from_member = from.primary_key;
  s.to_member = child.primary_key;
  s.optional = true;  // the parent may be no child of that kind
  return s;
}

const MemberInfo* referenced_member(const MemberInfo& relation) {
  const ModelInfo& target = *relation.relation->target;
  if (relation.relation->to_field.empty()) return target.primary_key;
  for (const MemberInfo& m : target.members)
    if (m.name == relation.relation->to_field) return &m;
  return target.primary_key;
}

std::string field_choices(const ModelInfo& model) {
  std::string out;
  // A proxy's reverse relations are its concrete model's too: each name once.
  std::set<std::string> seen;
  auto add = [&](const std::string& name) {
    if (!seen.insert(name).second) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  for (const MemberInfo& m : model.members)
    if (m.kind != MemberKind::ReverseMember) add(m.name);
  for (const ModelInfo* m = &model; m; m = m->parent_model)
    for (const ReverseRelation& r : m->reverse) add(r.query_name);
  if (std::string children = child_names(model); !children.empty()) add(children);
  return out;
}

ResolvedPath resolve_lookup(const ModelInfo& model, std::string_view lookup) {
  return resolve(model, lookup);
}

ResolvedPath resolve_order_field(const ModelInfo& model, std::string_view field) {
  ResolvedPath path = resolve(model, field);
  if (path.lookup != "exact" || (field.size() >= 7 && field.ends_with("__exact")))
    throw FieldError("Cannot order " + model.name + " by '" + std::string(field) +
                         "': a lookup is not a field",
                     model.name);
  for (const PathStep& step : path.steps)
    if (step.kind == PathStep::Kind::ReverseMany || step.kind == PathStep::Kind::ManyToMany)
      throw FieldError("Cannot order " + model.name + " by '" + std::string(field) + "': '" +
                           step.name + "' is a to-many relation (one " + model.name +
                           " has many " + step.to->name + ")",
                       model.name);
  return path;
}

}  // namespace covet::detail

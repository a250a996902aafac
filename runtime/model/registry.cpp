// The process-wide model registry.
//
// Generated code registers one builder per model during static
// initialization (covet::meta::Registration); nothing is built then, because
// the order of static initializers across translation units is unspecified.
// The first lookup builds every model at once, resolves relation targets, key
// column types and reverse relations (which need all models), and freezes the
// result: after that, ModelInfo objects never change and pointers to them and
// into them stay valid for the life of the process.
#include "generic/generic_members.hpp"
#include "inheritance/abstract_models.hpp"
#include "inheritance/proxy_models.hpp"
#include "model/enum_registry.hpp"
#include "model/type_names.hpp"
#include "object_loader.hpp"

#include <covet/detail/naming.hpp>
#include <covet/errors.hpp>
#include <covet/generated.hpp>
#include <covet/model_info.hpp>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <vector>

namespace covet {
namespace {

using Builder = const ModelInfo& (*)();

struct Registry {
  std::map<std::type_index, Builder> builders;
  std::map<std::type_index, std::unique_ptr<ModelInfo>> models;  // abstract ones included
  std::vector<const ModelInfo*> ordered;  // by name, abstract ones left out: all_models()
  std::once_flag built;
  std::exception_ptr build_error;
};

Registry& registry() {
  static Registry r;
  return r;
}

using detail::demangle;

// The column type of a key that refers to `target` through `to_field`.
ColumnType key_type(const ModelInfo& source, const MemberInfo& relation, const ModelInfo& target) {
  const std::string& to_field = relation.relation->to_field;
  const MemberInfo* key = to_field.empty() ? target.primary_key : target.member(to_field);
  if (!key || key->column.empty())
    throw UsageError(source.name + "." + relation.name + ": to_field '" + to_field +
                         "' is not a column of " + target.name,
                     source.name);
  if (!key->primary_key && !key->unique)
    throw UsageError(source.name + "." + relation.name + ": to_field '" + to_field + "' of " + target.name +
                         " must be unique (mark it [[covet::unique]])",
                     source.name);
  return key->type == ColumnType::AutoId ? ColumnType::BigInt : key->type;
}

const ModelInfo& registered(Registry& r, const std::type_info& type, const ModelInfo& user,
                            const char* role) {
  auto it = r.models.find(type);
  if (it == r.models.end())
    throw UsageError(user.name + " " + role + " " + demangle(type) +
                         ", which is not a registered model: pass its header to covet_add_models()",
                     user.name);
  return *it->second;
}

// The plugin resolved each model's shape; the registry links the models to
// one another: parent, root, children, who declares each member, and the
// identities a single-table query of a model matches (its own and its
// descendants', each once, in a stable order). An abstract model's children
// are the concrete models that carry its members.
void resolve_inheritance(Registry& r) {
  for (auto& [type, model] : r.models) {
    if (model->parent) model->parent_model = &registered(r, *model->parent, *model, "inherits from");
    for (MemberInfo& m : model->members)
      m.declared_by = m.declared_by_type ? &registered(r, *m.declared_by_type, *model, "inherits a member of")
                                         : model.get();
  }
  for (const ModelInfo* model : r.ordered) {
    ModelInfo* self = const_cast<ModelInfo*>(model);
    self->root_model = self;
    while (self->root_model->parent_model) self->root_model = self->root_model->parent_model;
    if (self->parent_model) const_cast<ModelInfo*>(self->parent_model)->children.push_back(self);
    for (const std::type_info* base : self->abstract_bases)
      const_cast<ModelInfo&>(registered(r, *base, *self, "derives from")).children.push_back(self);
  }
  for (const ModelInfo* model : r.ordered) {
    if (model->discriminator.empty()) continue;
    for (const ModelInfo* m = model; m; m = m->parent_model) {
      std::vector<std::string>& ids = const_cast<ModelInfo*>(m)->identities;
      if (std::find(ids.begin(), ids.end(), model->identity) == ids.end()) ids.push_back(model->identity);
    }
  }
}

void resolve(Registry& r) {
  detail::close_enum_registrations();  // the generated initializers have all run by now
  for (auto& [type, build] : r.builders) r.models.emplace(type, std::make_unique<ModelInfo>(build()));

  for (auto& [type, model] : r.models) {
    for (MemberInfo& m : model->members) {
      if (m.primary_key) model->primary_key = &m;
      if (!m.column.empty()) model->columns.push_back(&m);
    }
    if (!model->primary_key && !model->abstract)
      throw UsageError("model " + model->name +
                           " has no primary key (a covet::Id member, or a [[covet::primary_key]] covet::Uuid)",
                       model->name);
  }

  // Relations to an abstract model are refused once its children are known
  // (the message names them).
  std::vector<std::pair<const ModelInfo*, const MemberInfo*>> abstract_targets;
  for (auto& [type, model] : r.models) {
    for (MemberInfo& m : model->members) {
      if (m.kind != MemberKind::Relation) continue;
      // Each member owns its RelationInfo from here on.
      m.relation = std::make_shared<RelationInfo>(*m.relation);
      auto target = r.models.find(*m.relation->target_type);
      if (target == r.models.end())
        throw UsageError(model->name + "." + m.name + " refers to " + demangle(*m.relation->target_type) +
                             ", which is not a registered model: pass its header to covet_add_models()",
                         model->name);
      m.relation->target = target->second.get();
      if (target->second->abstract) {  // it has no key to type this one by
        abstract_targets.emplace_back(model.get(), &m);
        continue;
      }
      if (m.relation->kind != RelationKind::ManyToMany) {
        m.type = key_type(*model, m, *target->second);
        const std::string& to_field = m.relation->to_field;
        const MemberInfo* key = to_field.empty() ? target->second->primary_key : target->second->member(to_field);
        m.max_digits = key->max_digits;  // a key to a decimal column is a decimal of its size
        m.decimal_places = key->decimal_places;
      }
    }
  }

  for (auto& [type, model] : r.models)
    if (!model->abstract) r.ordered.push_back(model.get());
  std::sort(r.ordered.begin(), r.ordered.end(),
            [](const ModelInfo* a, const ModelInfo* b) { return a->name < b->name; });
  resolve_inheritance(r);
  for (const auto& [source, member] : abstract_targets)
    detail::concrete_relation_target(*source, *member, *member->relation->target);

  // Reverse relations are listed in a stable order: by source model name,
  // then declaration order. A member inherited from a concrete ancestor
  // gives one reverse side, the ancestor's (Django: the parent's field).
  for (const ModelInfo* model : r.ordered) {
    for (const MemberInfo& m : model->members) {
      if (m.kind != MemberKind::Relation || m.declared_by != model) continue;
      const RelationInfo& rel = *m.relation;
      const bool symmetrical_self =
          detail::naming::is_symmetrical(rel.kind == RelationKind::ManyToMany, rel.target == model, rel.symmetrical);
      if (!detail::naming::has_reverse_side(rel.related_name, symmetrical_self)) continue;
      ReverseRelation rev;
      rev.source = model;
      rev.member = &m;
      rev.single = rel.kind == RelationKind::OneToOne;
      // "{model}" is this model's name: each model deriving from an abstract
      // base gets its own reverse names for the base's relations.
      const std::string related_name = detail::naming::expand_model_placeholder(rel.related_name, model->name);
      rev.accessor = detail::naming::reverse_accessor(model->name, related_name, rev.single);
      rev.query_name = detail::naming::reverse_query_name(
          model->name, related_name, detail::naming::expand_model_placeholder(rel.related_query_name, model->name));
      const_cast<ModelInfo*>(rel.target)->reverse.push_back(std::move(rev));
    }
  }
  detail::link_proxies(r.ordered);
  detail::link_generic_members(r.ordered);
  // Last: the reverse lists above are final, so pointers into them hold.
  for (const ModelInfo* model : r.ordered) detail::link_reverse_members(*const_cast<ModelInfo*>(model));

}

Registry& built_registry() {
  Registry& r = registry();
  std::call_once(r.built, [&r] {
    try {
      resolve(r);
    } catch (...) {
      r.build_error = std::current_exception();
    }
  });
  if (r.build_error) std::rethrow_exception(r.build_error);
  return r;
}

}  // namespace

namespace meta {
Registration::Registration(const std::type_info& type, const ModelInfo& (*build)()) {
  registry().builders.emplace(type, build);
}
}  // namespace meta

namespace detail {

const ModelInfo& lookup_model(const std::type_info& type) {
  Registry& r = built_registry();
  auto it = r.models.find(type);
  if (it == r.models.end())
    throw UsageError(demangle(type) +
                     " is not a registered model: mark it [[covet::model]] and pass its header to "
                     "covet_add_models() in CMake");
  return *it->second;
}

bool is_registered(const std::type_info& type) {
  return built_registry().models.count(type) != 0;
}

}  // namespace detail

std::vector<const ModelInfo*> all_models() { return built_registry().ordered; }

const MemberInfo* ModelInfo::member(std::string_view name) const {
  for (const MemberInfo& m : members)
    if (m.name == name) return &m;
  return nullptr;
}

const ReverseRelation* ModelInfo::reverse_relation(std::string_view accessor) const {
  for (const ReverseRelation& r : reverse)
    if (r.accessor == accessor) return &r;
  return nullptr;
}

}  // namespace covet

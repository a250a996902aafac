#include "object_loader.hpp"

#include "inheritance/row_errors.hpp"
#include "inheritance/single_table.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <unordered_map>

namespace covet::detail {

const std::vector<const MemberInfo*>& column_members(const ModelInfo& model) { return model.columns; }

void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Row& row,
                 int first_column, void* object, const std::shared_ptr<PeerGroup>& peers) {
  load_object(db, model, model.columns, row, first_column, object, peers);
}

namespace {

TypedColumn::Kind typed_kind(const MemberInfo& m) {
  switch (m.type) {
    case ColumnType::AutoId:
    case ColumnType::Bool:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return m.set_int64 ? TypedColumn::Kind::Int64 : TypedColumn::Kind::Value;
    case ColumnType::Real: return m.set_real ? TypedColumn::Kind::Real : TypedColumn::Kind::Value;
    case ColumnType::Text: return m.set_text ? TypedColumn::Kind::Text : TypedColumn::Kind::Value;
    default: return TypedColumn::Kind::Value;
  }
}

const ColumnPlan& plan_for(const ModelInfo& model, const std::vector<const MemberInfo*>& columns,
                           ColumnPlan& own) {
  if (&columns == &model.columns) return model_column_plan(model);
  own = column_plan(columns);
  return own;
}

[[noreturn]] void throw_unloadable(const ModelInfo& model, const MemberInfo& m, const Error& e) {
  throw UsageError("cannot load " + model.name + "." + m.name + " from column '" + m.column + "': " + e.what(),
                   model.name);
}

// set_columns through `plan`: the typed reads in one call per row, each
// column they cannot read through value() and `set`.
void set_planned_columns(const ModelInfo& model, const ColumnPlan& plan,
                         const std::vector<const MemberInfo*>& columns, const Row& row, int first_column,
                         void* object) {
  // A single-table subclass's columns are nullable in the table whatever
  // the members' types: a NULL where a member cannot hold one is the row's
  // fault, named as such (inheritance/row_errors.hpp).
  if (writes_identity(model)) {
    int column = first_column;
    for (const MemberInfo* m : columns) {
      if (!m->nullable && row.is_null(column)) {
        const auto key = std::find(columns.begin(), columns.end(), model.primary_key);
        throw_null_subclass_field(
            model, *m,
            key == columns.end() ? Value() : row.value(first_column + static_cast<int>(key - columns.begin())),
            nullptr);
      }
      try {
        load_column(*m, object, row, column++);
      } catch (const Error& e) {
        throw_unloadable(model, *m, e);
      }
    }
    return;
  }
  std::size_t at = 0;
  try {
    for (;;) {
      row.load_typed(plan, first_column, object, at);
      if (at == plan.size()) return;
      plan[at].member->set(object, row.value(first_column + static_cast<int>(at)));
      ++at;
    }
  } catch (const Error& e) {
    throw_unloadable(model, *plan[at].member, e);
  }
}

}  // namespace

void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                 const std::vector<const MemberInfo*>& columns, const Row& row, int first_column,
                 void* object, const std::shared_ptr<PeerGroup>& peers) {
  set_columns(model, columns, row, first_column, object);
  bind_object(db, model, object, peers);
}

void load_column(const MemberInfo& m, void* object, const Row& row, int column) {
  const TypedColumn one{typed_kind(m), &m};
  std::size_t at = 0;
  row.load_typed(std::span<const TypedColumn>(&one, 1), column, object, at);
  if (at == 0) m.set(object, row.value(column));
}

void set_columns(const ModelInfo& model, const std::vector<const MemberInfo*>& columns, const Row& row,
                 int first_column, void* object) {
  ColumnPlan own;
  set_planned_columns(model, plan_for(model, columns, own), columns, row, first_column, object);
}

ColumnPlan column_plan(const std::vector<const MemberInfo*>& columns) {
  ColumnPlan plan;
  plan.reserve(columns.size());
  for (const MemberInfo* m : columns) plan.push_back(TypedColumn{typed_kind(*m), m});
  return plan;
}

const ColumnPlan& model_column_plan(const ModelInfo& model) {
  // ModelInfo objects and their column lists live for the whole process.
  thread_local std::unordered_map<const ModelInfo*, ColumnPlan> plans;
  auto it = plans.find(&model);
  if (it == plans.end()) it = plans.emplace(&model, column_plan(model.columns)).first;
  return it->second;
}

namespace {

// bind_object with the context's database and peers already set.
void bind_members(BindContext& ctx, const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  void* object) {
  if (model.bind_tree) model.bind_tree(object, db);
  const bool linked = model.member_reverse.size() == model.members.size();
  for (std::size_t index = 0; index < model.members.size(); ++index) {
    const MemberInfo& m = model.members[index];
    if (!m.bind) continue;
    ctx.member = &m;
    ctx.reverse = nullptr;
    if (m.kind == MemberKind::Relation) {
      ctx.owner_key = m.relation->kind == RelationKind::ManyToMany ? model.primary_key->get(object) : Value();
    } else if (m.kind == MemberKind::GenericRef) {
      ctx.owner_key = Value();  // it reads the owner's two members itself
    } else if (m.kind == MemberKind::GenericRelation) {
      ctx.owner_key = model.primary_key->get(object);
    } else {
      // A declared reverse member: left unbound (UsageError on use) when no
      // relation names it (link_reverse_members).
      ctx.reverse = linked ? model.member_reverse[index] : mirrored_reverse(model, m);
      ctx.owner_key = ctx.reverse ? reverse_owner_key(*ctx.reverse, model, object) : Value();
    }
    m.bind(object, ctx);
  }
}

}  // namespace

void bind_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                 const std::shared_ptr<PeerGroup>& peers) {
  BindContext ctx;
  ctx.binding = make_binding(db, peers);
  bind_members(ctx, db, model, object);
}

void bind_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                 const SharedBinding& binding) {
  BindContext ctx;
  ctx.binding = binding;
  bind_members(ctx, db, model, object);
}

void bind_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  std::span<void* const> objects) {
  BindContext ctx;
  ctx.binding = make_binding(db);
  for (void* object : objects) bind_members(ctx, db, model, object);
}

ObjectLoader::ObjectLoader(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                           const std::vector<const MemberInfo*>& columns, std::shared_ptr<PeerGroup> peers)
    : db_(db), model_(&model), columns_(&columns), plan_(&plan_for(model, columns, own_plan_)) {
  context_.binding = make_binding(db, std::move(peers));
}

void ObjectLoader::load(const Row& row, int first_column, void* object) {
  set_planned_columns(*model_, *plan_, *columns_, row, first_column, object);
  bind_members(context_, db_, *model_, object);
}

const ReverseRelation* mirrored_reverse(const ModelInfo& model, const MemberInfo& member) {
  if (member.kind != MemberKind::ReverseMember || !member.reverse_target) return nullptr;
  // The relation of its target type that names it; for an inherited
  // member, its single-table parent's relation.
  for (const ModelInfo* owner = &model; owner; owner = single_table_parent(*owner))
    for (const ReverseRelation& r : owner->reverse)
      if (r.accessor == member.name && r.source->type == *member.reverse_target) return &r;
  return nullptr;
}

void link_reverse_members(ModelInfo& model) {
  model.member_reverse.clear();
  for (const MemberInfo& m : model.members) model.member_reverse.push_back(mirrored_reverse(model, m));
}

}  // namespace covet::detail

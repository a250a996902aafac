#include "object_loader.hpp"

#include "inheritance/row_errors.hpp"
#include "inheritance/single_table.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>

namespace covet::detail {

const std::vector<const MemberInfo*>& column_members(const ModelInfo& model) { return model.columns; }

void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Row& row,
                 int first_column, void* object, const std::shared_ptr<PeerGroup>& peers) {
  load_object(db, model, model.columns, row, first_column, object, peers);
}

void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                 const std::vector<const MemberInfo*>& columns, const Row& row, int first_column,
                 void* object, const std::shared_ptr<PeerGroup>& peers) {
  set_columns(model, columns, row, first_column, object);
  bind_object(db, model, object, peers);
}

void load_column(const MemberInfo& m, void* object, const Row& row, int column) {
  switch (m.type) {
    case ColumnType::AutoId:
    case ColumnType::Bool:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt:
      if (m.set_int64) {
        std::int64_t i = 0;
        if (row.read_int64(column, i)) return m.set_int64(object, i);
      }
      break;
    case ColumnType::Real:
      if (m.set_real) {
        double d = 0;
        if (row.read_real(column, d)) return m.set_real(object, d);
      }
      break;
    case ColumnType::Text:
      if (m.set_text) {
        std::string_view text;
        if (row.read_text(column, text)) return m.set_text(object, text);
      }
      break;
    default: break;
  }
  m.set(object, row.value(column));
}

void set_columns(const ModelInfo& model, const std::vector<const MemberInfo*>& columns, const Row& row,
                 int first_column, void* object) {
  // A single-table subclass's columns are nullable in the table whatever
  // the members' types: a NULL where a member cannot hold one is the row's
  // fault, named as such (inheritance/row_errors.hpp).
  const bool shared_table = writes_identity(model);
  int column = first_column;
  for (const MemberInfo* m : columns) {
    if (shared_table && !m->nullable && row.is_null(column)) {
      const auto key = std::find(columns.begin(), columns.end(), model.primary_key);
      throw_null_subclass_field(
          model, *m, key == columns.end() ? Value() : row.value(first_column + static_cast<int>(key - columns.begin())),
          nullptr);
    }
    try {
      load_column(*m, object, row, column++);
    } catch (const Error& e) {
      throw UsageError("cannot load " + model.name + "." + m->name + " from column '" + m->column +
                           "': " + e.what(),
                       model.name);
    }
  }
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
  ctx.database = db;
  ctx.peers = peers;
  bind_members(ctx, db, model, object);
}

void bind_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  std::span<void* const> objects) {
  BindContext ctx;
  ctx.database = db;
  for (void* object : objects) bind_members(ctx, db, model, object);
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

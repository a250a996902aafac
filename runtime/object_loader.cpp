#include "object_loader.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

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

void set_columns(const ModelInfo& model, const std::vector<const MemberInfo*>& columns, const Row& row,
                 int first_column, void* object) {
  int column = first_column;
  for (const MemberInfo* m : columns) {
    try {
      m->set(object, row.value(column++));
    } catch (const Error& e) {
      throw UsageError("cannot load " + model.name + "." + m->name + " from column '" + m->column +
                           "': " + e.what(),
                       model.name);
    }
  }
}

void bind_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                 const std::shared_ptr<PeerGroup>& peers) {
  BindContext ctx;
  ctx.database = db;
  ctx.peers = peers;
  for (const MemberInfo& m : model.members) {
    if (!m.bind) continue;
    ctx.member = &m;
    ctx.reverse = nullptr;
    if (m.kind == MemberKind::Relation) {
      ctx.owner_key = m.relation->kind == RelationKind::ManyToMany ? model.primary_key->get(object) : Value();
    } else {
      // A declared reverse member mirrors the relation of its target type that
      // names it; left unbound (UsageError on use) when there is none.
      ctx.owner_key = Value();
      for (const ReverseRelation& r : model.reverse)
        if (r.accessor == m.name && r.source->type == *m.reverse_target) ctx.reverse = &r;
      if (ctx.reverse) ctx.owner_key = reverse_owner_key(*ctx.reverse, object, &model);
    }
    m.bind(object, ctx);
  }
}

}  // namespace covet::detail

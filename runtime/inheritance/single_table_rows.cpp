// load_single_table_rows: a polymorphic load of a single-table hierarchy in
// one SELECT. The statement is the query's own (its restriction, conditions,
// order, slice and select_related joins) with another select list: the
// discriminator first, then every column the listed models load, once each
// (siblings' columns side by side, NULL in the rows of the others), then
// select_related's columns. Each row's discriminator picks its model; the
// row fills an object of that model through the model's own members, read
// at the positions its columns take in the list.
#include "inheritance/polymorphic_rows.hpp"

#include "inheritance/row_errors.hpp"
#include "inheritance/single_table.hpp"
#include "object_loader.hpp"
#include "prefetch/peer_group.hpp"
#include "query/query_runner.hpp"
#include "query/select_compiler.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <string>

namespace covet::detail {

namespace {

// How the rows of one model are read.
struct Shape {
  const ModelInfo* model = nullptr;
  std::vector<int> positions;  // per entry of model->columns: its column in the row
  int key = 0;                 // the primary key's column
  std::shared_ptr<PeerGroup> peers;  // auto-prefetch: the rows of this model know each other
  SharedBinding binding;             // shared by the objects of this model in the result
};

// The select list (discriminator first) and each model's shape in it.
std::vector<Shape> shapes_of(const std::shared_ptr<DatabaseState>& db, const std::vector<const ModelInfo*>& models,
                             std::vector<std::string>& columns) {
  columns.push_back(models.front()->discriminator);
  std::vector<Shape> shapes;
  shapes.reserve(models.size());
  for (const ModelInfo* model : models) {
    Shape shape;
    shape.model = model;
    for (const MemberInfo* m : model->columns) {
      auto at = std::find(columns.begin() + 1, columns.end(), m->column);
      if (at == columns.end()) at = columns.insert(columns.end(), m->column);
      shape.positions.push_back(static_cast<int>(at - columns.begin()));
      if (m == model->primary_key) shape.key = shape.positions.back();
    }
    if (db->loading == Loading::AutoPrefetch) shape.peers = std::make_shared<PeerGroup>(*model);
    shape.binding = make_binding(db, shape.peers);
    shapes.push_back(std::move(shape));
  }
  return shapes;
}

// The shape of a row of `identity`: the model declaring it; a proxy queried
// (models[0]) reads its parent's rows, so its parent's identities are its
// own. Null when no model of the load declares it.
const Shape* shape_for(const std::vector<Shape>& shapes, const std::string& identity) {
  for (const Shape& s : shapes)
    if (s.model->identity == identity) return &s;
  const std::vector<std::string>* own = restricted_identities(*shapes.front().model);
  if (own && std::find(own->begin(), own->end(), identity) != own->end()) return &shapes.front();
  return nullptr;
}

void load_columns(const Shape& shape, const Row& row, const std::string& identity, void* object) {
  const ModelInfo& model = *shape.model;
  for (std::size_t i = 0; i < model.columns.size(); ++i) {
    const MemberInfo* m = model.columns[i];
    const int column = shape.positions[i];
    if (!m->nullable && row.is_null(column))
      throw_null_subclass_field(model, *m, row.value(shape.key), &identity);
    try {
      load_column(*m, object, row, column);
    } catch (const Error& e) {
      throw UsageError("cannot load " + model.name + "." + m->name + " from column '" + m->column + "': " + e.what(),
                       model.name);
    }
  }
}

}  // namespace

void load_single_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                            const std::vector<const ModelInfo*>& models,
                            const std::function<void*(const ModelInfo&)>& emplace) {
  const ModelInfo& queried = *state.model;
  if (!db || !db->connection) throw UsageError("the Database has been closed", queried.name);
  auto columns = std::make_shared<std::vector<std::string>>();
  const std::vector<Shape> shapes = shapes_of(db, models, *columns);
  QueryState selecting = state;
  selecting.selected_columns = columns;
  const CompiledQuery q = compile_select(selecting, db->dialect, SelectKind::Rows);
  const std::vector<RelatedLoad> plan = plan_select_related(selecting);
  const std::vector<RelatedColumns> related = related_columns(db, plan, static_cast<int>(columns->size()));
  std::vector<std::shared_ptr<void>> related_objects;
  try {
    db->connection->execute(q.sql, q.params, [&](const Row& row) {
      const Value discriminator = row.value(0);
      const std::string identity = discriminator.is_text() ? discriminator.as_text() : discriminator.debug_string();
      const Shape* shape = shape_for(shapes, identity);
      if (!shape) throw_unknown_identity(queried, row.value(shapes.front().key), identity, models);
      void* object = emplace(*shape->model);
      if (!object) return;
      load_columns(*shape, row, identity, object);
      bind_object(db, *shape->model, object, shape->binding);
      load_related(related, row, *shape->model, object, related_objects);
      if (shape->peers) shape->peers->add(object);
    });
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(queried.name);
    throw;
  }
}

}  // namespace covet::detail

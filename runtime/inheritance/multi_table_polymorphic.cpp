// The two polymorphic loaders of a multi-table hierarchy; see the contract
// and the SQL in multi_table_polymorphic.hpp. Both build the same row layout and
// load it with the same code:
//
//   [queried model's columns][select_related blocks][level 1: key, own columns][level 2: ...]
//
// Joined selects it in one statement; PerTable fills the level blocks from
// one SELECT per descendant table (NULL where a row has no such level).
#include "inheritance/multi_table_polymorphic.hpp"

#include "inheritance/table_chain.hpp"
#include "object_loader.hpp"
#include "prefetch/key_restriction.hpp"
#include "prefetch/peer_group.hpp"
#include "prefetch/related_rows.hpp"
#include "query/lookup_path.hpp"
#include "query/query_runner.hpp"
#include "query/select_compiler.hpp"
#include "query/select_related.hpp"
#include "query/sql_scope.hpp"

#include <covet/detail/naming.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>

namespace covet::detail {

namespace {

// One descendant of the queried model, whose own table extends its rows.
struct Level {
  const ModelInfo* model = nullptr;
  int parent = -1;  // the level above, by index; -1: the queried model
  int depth = 1;    // levels below the queried model
  std::vector<const MemberInfo*> own;  // its table's columns besides the key, in model.columns order
  int key = 0;    // row position of its key column (NULL: the row has no such level)
  int first = 0;  // row position of own[0]
};

struct Layout {
  const ModelInfo* queried = nullptr;
  std::vector<const ModelInfo*> models;       // as given
  std::vector<Level> levels;                  // models[1..], parents first
  std::vector<int> level_of;                  // per model: its level; -1 for the queried model
  std::vector<std::vector<int>> positions;    // per model: the row position of each of its columns
  std::vector<RelatedLoad> plan;              // select_related
  int width = 0;  // columns before the level blocks
  int total = 0;  // every column
};

[[noreturn]] void not_in_hierarchy(const ModelInfo& queried, const ModelInfo& model, const std::string& why) {
  throw UsageError("polymorphic load of " + queried.name + ": " + model.name + " " + why, queried.name);
}

int depth_below(const ModelInfo& model, const ModelInfo& queried) {
  int depth = 0;
  for (const ModelInfo* m = &model; m && m != &queried; m = m->parent_model) ++depth;
  return depth;
}

int index_of(const std::vector<const MemberInfo*>& columns, std::string_view name) {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i]->name == name) return static_cast<int>(i);
  return -1;
}

Layout layout_of(const QueryState& state, const std::vector<const ModelInfo*>& models) {
  const ModelInfo& q = *state.model;
  if (models.empty() || models.front() != &q)
    throw UsageError("polymorphic load of " + q.name + ": the model list must start with " + q.name, q.name);
  if (state.loaded_fields)
    throw UsageError("polymorphic load of " + q.name + ": each row is loaded whole, as its most-derived model; "
                     "only() / defer() cannot be combined with it",
                     q.name);
  Layout out;
  out.queried = &q;
  out.models = models;

  std::vector<std::size_t> order;  // model indexes, parents first
  for (std::size_t i = 1; i < models.size(); ++i) {
    const ModelInfo& m = *models[i];
    if (&m == &q || !derives_from(m, q)) not_in_hierarchy(q, m, "does not derive from " + q.name);
    if (m.inheritance != Inheritance::MultiTable)
      not_in_hierarchy(q, m, "is no multi-table subclass (it has no table of its own)");
    order.push_back(i);
  }
  // By depth, then as listed (std::stable_sort's buffer is deprecated API in libstdc++ 12).
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const int da = depth_below(*models[a], q), db = depth_below(*models[b], q);
    return da != db ? da < db : a < b;
  });

  out.level_of.assign(models.size(), -1);
  for (std::size_t i : order) {
    const ModelInfo& m = *models[i];
    Level level;
    level.model = &m;
    level.depth = depth_below(m, q);
    const ModelInfo& above = table_owner(*m.parent_model);
    if (&above != &table_owner(q)) {
      auto it = std::find_if(out.levels.begin(), out.levels.end(), [&](const Level& l) { return l.model == &above; });
      if (it == out.levels.end()) not_in_hierarchy(q, m, "is listed without its parent " + above.name);
      level.parent = static_cast<int>(it - out.levels.begin());
    }
    for (const MemberInfo* c : m.columns)
      if (!c->primary_key && &column_level(m, *c) == &m) level.own.push_back(c);
    out.level_of[i] = static_cast<int>(out.levels.size());
    out.levels.push_back(std::move(level));
  }

  out.plan = plan_select_related(state);
  out.width = static_cast<int>(q.columns.size());
  for (const RelatedLoad& load : out.plan) out.width += static_cast<int>(load.model->columns.size());
  int at = out.width;
  for (Level& level : out.levels) {
    level.key = at++;
    level.first = at;
    at += static_cast<int>(level.own.size());
  }
  out.total = at;

  const int queried_key = index_of(q.columns, q.primary_key->name);
  out.positions.resize(models.size());
  for (std::size_t i = 0; i < models.size(); ++i) {
    const ModelInfo& m = *models[i];
    for (const MemberInfo* c : m.columns) {
      int position = c->primary_key ? queried_key : -1;
      if (position < 0) {
        const ModelInfo* holder = &column_level(m, *c);
        auto it = std::find_if(out.levels.begin(), out.levels.end(), [&](const Level& l) { return l.model == holder; });
        position = it == out.levels.end() ? index_of(q.columns, c->name) : it->first + index_of(it->own, c->name);
      }
      out.positions[i].push_back(position);
    }
  }
  return out;
}

// Loads one row (in the layout's shape) as its most-derived model.
class RowLoader {
 public:
  RowLoader(const std::shared_ptr<DatabaseState>& db, const Layout& layout,
            const std::function<void*(const ModelInfo&)>& emplace)
      : db_(db), layout_(layout), emplace_(emplace),
        related_(related_columns(db, layout.plan, static_cast<int>(layout.queried->columns.size()))) {
    if (db->loading == Loading::AutoPrefetch)
      for (const ModelInfo* m : layout.models) peers_.push_back(std::make_shared<PeerGroup>(*m));
    for (std::size_t i = 0; i < layout.models.size(); ++i)
      bindings_.push_back(make_binding(db, peers_.empty() ? nullptr : peers_[i]));
  }

  void operator()(const Row& row) {
    const std::size_t chosen = most_derived(row);
    const ModelInfo& model = *layout_.models[chosen];
    void* object = emplace_(model);
    if (!object) return;
    const std::vector<int>& positions = layout_.positions[chosen];
    for (std::size_t i = 0; i < model.columns.size(); ++i) {
      const MemberInfo& m = *model.columns[i];
      try {
        load_column(m, object, row, positions[i]);
      } catch (const Error& e) {
        throw UsageError("cannot load " + model.name + "." + m.name + " from column '" +
                             column_in_level(model, m) + "': " + e.what(),
                         model.name);
      }
    }
    const std::shared_ptr<PeerGroup> peers = peers_.empty() ? nullptr : peers_[chosen];
    bind_object(db_, model, object, bindings_[chosen]);
    load_related(related_, row, model, object, scratch_);
    if (peers) peers->add(object);
  }

 private:
  // The index in layout.models of the row's most-derived model: the deepest
  // level present. Two present levels of one depth are sibling tables
  // extending one row: it has no single most-derived model.
  std::size_t most_derived(const Row& row) const {
    const Level* best = nullptr;
    const Level* seen_at_depth[64] = {};
    for (const Level& level : layout_.levels) {
      if (row.is_null(level.key)) continue;
      const std::size_t d = std::min<std::size_t>(static_cast<std::size_t>(level.depth), 63);
      if (seen_at_depth[d]) ambiguous(row, *seen_at_depth[d], level);
      seen_at_depth[d] = &level;
      if (!best || level.depth > best->depth) best = &level;
    }
    if (!best) return 0;
    for (std::size_t i = 1; i < layout_.models.size(); ++i)
      if (layout_.models[i] == best->model) return i;
    return 0;
  }

  [[noreturn]] void ambiguous(const Row& row, const Level& a, const Level& b) const {
    const ModelInfo& q = *layout_.queried;
    const std::string key = row.value(a.key).debug_string();
    throw DataError(q.name + " " + key + " has a row in both " + a.model->table + " (" + a.model->name + ") and " +
                        b.model->table + " (" + b.model->name + "): a polymorphic load gives each row one "
                        "most-derived model, and this one has two. Load it as each with db.objects<" +
                        a.model->name + ">() and db.objects<" + b.model->name + ">(), or erase one of the two rows",
                    q.name);
  }

  const std::shared_ptr<DatabaseState>& db_;
  const Layout& layout_;
  const std::function<void*(const ModelInfo&)>& emplace_;
  std::vector<RelatedColumns> related_;
  std::vector<std::shared_ptr<PeerGroup>> peers_;  // per model, when auto-prefetching
  std::vector<SharedBinding> bindings_;           // per model: its objects' database and peers
  std::vector<std::shared_ptr<void>> scratch_;
};

// A row held in memory (PerTable assembles its rows before loading them).
class ValuesRow final : public Row {
 public:
  explicit ValuesRow(const std::vector<Value>& values) : values_(values) {}
  int size() const override { return static_cast<int>(values_.size()); }
  bool is_null(int column) const override { return values_[static_cast<std::size_t>(column)].is_null(); }
  Value value(int column) const override { return values_[static_cast<std::size_t>(column)]; }

 private:
  const std::vector<Value>& values_;
};

void execute(DatabaseState& db, const ModelInfo& model, const CompiledQuery& q,
             const std::function<void(const Row&)>& on_row) {
  try {
    db.connection->execute(q.sql, q.params, on_row);
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
}

void load_joined(const std::shared_ptr<DatabaseState>& db, const QueryState& state, const Layout& layout,
                 RowLoader& loader) {
  const ModelInfo& q = *state.model;
  const MoreColumns levels = [&](SqlScope& scope) {
    std::vector<WalkResult> reached;
    std::string out;
    for (const Level& level : layout.levels) {
      const WalkResult from = level.parent < 0 ? scope.root() : reached[static_cast<std::size_t>(level.parent)];
      const ModelInfo& parent = level.parent < 0 ? q : *layout.levels[static_cast<std::size_t>(level.parent)].model;
      reached.push_back(scope.step(from, child_step(parent, *level.model, naming::model_name(level.model->name))));
      out += ", " + scope.column(reached.back(), *level.model->primary_key);
      for (const MemberInfo* m : level.own) out += ", " + scope.column(reached.back(), *m);
    }
    return out;
  };
  const CompiledQuery query = compile_select(state, db->dialect, SelectKind::Rows, levels);
  execute(*db, q, query, [&](const Row& row) { loader(row); });
}

void load_per_table(const std::shared_ptr<DatabaseState>& db, const QueryState& state, const Layout& layout,
                    RowLoader& loader) {
  const ModelInfo& q = *state.model;
  const int key_column = index_of(q.columns, q.primary_key->name);
  std::vector<std::vector<Value>> rows;
  std::unordered_map<Value, std::size_t, ValueHash> row_of;  // by key
  execute(*db, q, compile_select(state, db->dialect, SelectKind::Rows), [&](const Row& row) {
    std::vector<Value> values(static_cast<std::size_t>(layout.total));
    for (int i = 0; i < layout.width; ++i) values[static_cast<std::size_t>(i)] = row.value(i);
    row_of.emplace(values[static_cast<std::size_t>(key_column)], rows.size());
    rows.push_back(std::move(values));
  });

  // Level by level, parents first: a child table is read for the keys its
  // parent table had.
  std::vector<std::vector<Value>> found(layout.levels.size());  // keys present, per level
  for (std::size_t k = 0; k < layout.levels.size(); ++k) {
    const Level& level = layout.levels[k];
    std::vector<Value> candidates;
    if (level.parent < 0) {
      candidates.reserve(rows.size());
      for (const std::vector<Value>& r : rows) candidates.push_back(r[static_cast<std::size_t>(key_column)]);
    } else {
      candidates = found[static_cast<std::size_t>(level.parent)];
    }
    ColumnType key_type = level.model->primary_key->type;
    if (key_type == ColumnType::AutoId) key_type = ColumnType::BigInt;
    const std::size_t per_statement = keys_per_statement(*db, key_type, 0);
    for (std::size_t begin = 0; begin < candidates.size(); begin += per_statement) {
      const std::size_t end = std::min(candidates.size(), begin + per_statement);
      CompileContext ctx;
      ctx.dialect = db->dialect;
      SqlScope scope(ctx, *level.model);
      KeyRestriction restriction;
      restriction.key_member = level.model->primary_key;
      restriction.key_type = key_type;
      restriction.keys.assign(candidates.begin() + static_cast<std::ptrdiff_t>(begin),
                              candidates.begin() + static_cast<std::ptrdiff_t>(end));
      const KeyRestrictionSql keys = compile_key_restriction(ctx, scope, restriction);
      std::string columns = keys.key;
      for (const MemberInfo* m : level.own) columns += ", " + scope.column(scope.root(), *m);
      CompiledQuery query;
      query.sql = "SELECT " + columns + " " + scope.from_clause() + " WHERE " + keys.condition;
      query.params = std::move(ctx.params);
      execute(*db, *level.model, query, [&](const Row& row) {
        Value key = row.value(0);
        auto it = row_of.find(key);
        if (it == row_of.end()) return;
        std::vector<Value>& values = rows[it->second];
        values[static_cast<std::size_t>(level.key)] = key;
        for (std::size_t i = 0; i < level.own.size(); ++i)
          values[static_cast<std::size_t>(level.first) + i] = row.value(static_cast<int>(i) + 1);
        found[k].push_back(std::move(key));
      });
    }
  }
  for (const std::vector<Value>& values : rows) loader(ValuesRow(values));
}

}  // namespace

void load_multi_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const std::vector<const ModelInfo*>& models,
                           const std::function<void*(const ModelInfo&)>& emplace, MultiTableStrategy strategy) {
  if (!db || !db->connection) throw UsageError("the Database has been closed", state.model->name);
  const Layout layout = layout_of(state, models);
  RowLoader loader(db, layout, emplace);
  if (strategy == MultiTableStrategy::Joined)
    load_joined(db, state, layout, loader);
  else
    load_per_table(db, state, layout, loader);
}

void load_multi_table_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const std::vector<const ModelInfo*>& models,
                           const std::function<void*(const ModelInfo&)>& emplace) {
  // One statement: measured faster on both backends (docs/inheritance.md).
  load_multi_table_rows(db, state, models, emplace, MultiTableStrategy::Joined);
}

}  // namespace covet::detail

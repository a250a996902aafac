#include "query/query_runner.hpp"

#include "object_loader.hpp"
#include "prefetch/peer_group.hpp"
#include "query/deferred_fields.hpp"
#include "query/select_compiler.hpp"
#include "query/select_related.hpp"
#include "trees/tree_source.hpp"

#include <covet/errors.hpp>

#include <algorithm>
#include <vector>

namespace covet::detail {

std::vector<RelatedColumns> related_columns(const std::shared_ptr<DatabaseState>& db,
                                            const std::vector<RelatedLoad>& plan, int first) {
  std::vector<RelatedColumns> out;
  for (const RelatedLoad& load : plan) {
    const auto& columns = load.model->columns;
    const auto pk = std::find(columns.begin(), columns.end(), load.model->primary_key);
    out.push_back(RelatedColumns{&load, first, first + static_cast<int>(pk - columns.begin()),
                                 std::make_shared<ObjectLoader>(db, *load.model, columns)});
    first += static_cast<int>(columns.size());
  }
  return out;
}

void load_related(const std::vector<RelatedColumns>& related, const Row& row, const ModelInfo& model, void* object, std::vector<std::shared_ptr<void>>& loaded) {
  loaded.assign(related.size(), nullptr);
  for (std::size_t i = 0; i < related.size(); ++i) {
    const RelatedLoad& load = *related[i].load;
    void* parent = load.parent < 0 ? object : loaded[static_cast<std::size_t>(load.parent)].get();
    if (!parent) continue;
    // The row's object may be of a subclass of the query's model: its own
    // member of that name receives it.
    const MemberInfo* relation =
        load.parent < 0 && load.step.from != &model ? model.member(load.relation->name) : load.relation;
    if (row.is_null(related[i].key)) {
      // A reverse one-to-one with no row: known to be absent, no query later.
      if (relation->kind == MemberKind::ReverseMember) relation->store_object(parent, nullptr);
      continue;
    }
    std::shared_ptr<void> target = load.model->make();
    related[i].loader->load(row, related[i].first, target.get());
    relation->store_object(parent, target);
    loaded[i] = std::move(target);
  }
}

namespace {

// Both run_rows: `emplace` called as `emplace(row)`; the one that needs no
// row saves a call through a std::function per row.
template <class Emplace>
std::int64_t run_rows_into(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                           const Emplace& emplace, const std::function<void(std::size_t)>* reserve = nullptr) {
  if (!db || !db->connection) throw UsageError("the Database has been closed", state.model->name);
  check_deferred_use(state);
  BoundSelect q = db->statements.bind(state, db->dialect, SelectKind::Rows);
  const std::vector<const MemberInfo*>& columns = loaded_columns(state);
  const std::vector<RelatedLoad> plan = plan_select_related(state);
  const std::vector<RelatedColumns> related = related_columns(db, plan, static_cast<int>(columns.size()));
  std::vector<std::shared_ptr<void>> related_objects;
  // While auto-prefetching, the objects of one result know each other.
  std::shared_ptr<PeerGroup> peers =
      db->loading == Loading::AutoPrefetch ? std::make_shared<PeerGroup>(*state.model) : nullptr;
  ObjectLoader loader(db, *state.model, columns, peers);
  std::int64_t n = 0;
  try {
    db->connection->execute(q.statement->sql, q.params, [&](const Row& row) {
      // A tree walk's cycle column precedes a prefetch's key, the last one.
      if (state.tree) check_tree_cycle(*state.model, row, row.size() - (state.key_restriction ? 2 : 1));
      if (n == 0 && reserve && *reserve)
        if (const std::int64_t total = row.result_rows(); total > 0) (*reserve)(static_cast<std::size_t>(total));
      if (void* object = emplace(row)) {
        loader.load(row, 0, object);
        if (!related.empty()) load_related(related, row, *state.model, object, related_objects);
        if (peers) peers->add(object);
      }
      ++n;
    });
  } catch (Error& e) {
    if (q.cached) db->statements.evict(*q.statement);
    if (e.model().empty()) e.set_model(state.model->name);
    throw;
  }
  return n;
}

}  // namespace

std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*(const Row&)>& emplace) {
  return run_rows_into(db, state, [&](const Row& row) -> void* { return emplace ? emplace(row) : nullptr; });
}

std::int64_t run_rows(const std::shared_ptr<DatabaseState>& db, const QueryState& state,
                      const std::function<void*()>& emplace, const std::function<void(std::size_t)>& reserve) {
  return run_rows_into(db, state, [&](const Row&) -> void* { return emplace ? emplace() : nullptr; }, &reserve);
}

}  // namespace covet::detail

// The entry points of a delete: Database::erase (one object, by key) and
// QuerySet::erase (the rows matching a query). Both run the collector inside
// one transaction scope, so a refused or failed delete writes nothing.
#include "database_state.hpp"
#include "deletion/collector.hpp"
#include "query/query_state.hpp"
#include "query/select_compiler.hpp"
#include "trees/tree_source.hpp"
#include "trees/nested_set_hooks.hpp"
#include "trees/nested_set_table.hpp"

#include <covet/atomic.hpp>
#include <covet/deletion.hpp>
#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <algorithm>

namespace covet::detail {

namespace {

// Collects from `keys` and executes; the caller holds the transaction scope.
// `closed`: a relation the keys are closed under (Collector::closed_under).
DeleteResult collect_and_execute(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                                 bool keep_parents = false, const MemberInfo* closed = nullptr);

// A nested-set node goes with its whole subtree, and the gap it leaves closes.
DeleteResult erase_keys(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                        bool keep_parents = false) {
  if (model.tree != TreeKind::NestedSet) return collect_and_execute(db, model, keys, keep_parents);
  return nested_set_erase(db, model, keys, [&](const std::vector<Value>& subtree, const MemberInfo* closed) {
    return collect_and_execute(db, model, subtree, keep_parents, closed);
  });
}

DeleteResult collect_and_execute(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                                 bool keep_parents, const MemberInfo* closed) {
  Collector collector(db, model);
  if (closed) collector.closed_under(*closed);
  collector.collect(model, keys, nullptr, keep_parents);
  collector.finish_collection();
  return collector.execute();
}

}  // namespace

DeleteResult erase_rows(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                        std::vector<Value> keys, bool keep_parents) {
  if (!db || !db->connection) throw UsageError("the Database has been closed", model.name);
  std::erase_if(keys, [](const Value& k) { return k.is_null(); });
  if (keys.empty()) return {};
  auto run = [&] {
    Atomic scope(db);
    DeleteResult result = erase_keys(*db, model, keys, keep_parents);
    scope.commit();
    return result;
  };
  if (model.tree == TreeKind::NestedSet) return retry_on_deadlock(*db, run);
  return run();
}

// Django's QuerySet.delete(): reads the matching keys, then collects from them.
DeleteResult QueryCore::erase() const {
  if (state_->is_sliced())
    throw UsageError("Cannot use a slice (limit/offset) with erase()", state_->model->name);
  const ModelInfo& model = *state_->model;
  if (!db_ || !db_->connection) throw UsageError("the Database has been closed", model.name);
  // The primary key's position among the selected columns.
  const auto pk = std::find(model.columns.begin(), model.columns.end(), model.primary_key);
  const int pk_index = static_cast<int>(pk - model.columns.begin());
  auto unordered = std::make_shared<QueryState>(*state_);
  unordered->order_by.clear();  // the order cannot matter
  unordered->default_ordering = false;
  // Only the keys are read, at pk_index: no joins, no deferred columns.
  unordered->select_related.clear();
  unordered->select_related_all = false;
  unordered->loaded_fields = nullptr;
  Atomic scope(db_);
  CompiledQuery q = compile_select(*unordered, db_->dialect, SelectKind::Rows);
  std::vector<Value> keys;
  try {
    db_->connection->execute(q.sql, q.params, [&](const Row& row) {
      // A tree walk's last column: a cycle in its links (trees/tree_source.hpp).
      if (unordered->tree) check_tree_cycle(model, row, row.size() - 1);
      keys.push_back(row.value(pk_index));
    });
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
  DeleteResult result = keys.empty() ? DeleteResult{} : erase_keys(*db_, model, keys);
  scope.commit();
  return result;
}

}  // namespace covet::detail

// QueryCore::stream: the rows SELECT of a query set read through a cursor,
// one row into one object at a time (covet/row_stream.hpp). The statement is
// the one fetch() runs (the same cache entry), so iterate() and fetch() of a
// query set read the same rows in the same order.
#include "database_state.hpp"
#include "object_loader.hpp"
#include "query/deferred_fields.hpp"
#include "query/query_runner.hpp"
#include "query/select_compiler.hpp"
#include "query/select_related.hpp"
#include "trees/tree_source.hpp"

#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

namespace {

class QueryRowReader final : public RowReader {
 public:
  QueryRowReader(std::shared_ptr<DatabaseState> db, std::shared_ptr<const QueryState> state)
      : db_(std::move(db)), state_(std::move(state)) {
    const ModelInfo& model = *state_->model;
    if (!db_ || !db_->connection) throw UsageError("the Database has been closed", model.name);
    if (!state_->prefetch.empty())
      throw UsageError("iterate() reads one " + model.name +
                           " at a time and cannot prefetch_related(): the related rows are read for every row "
                           "of the result at once; use fetch() (or for over the query set), or select_related() "
                           "for a to-one relation",
                       model.name);
    check_deferred_use(*state_);
    columns_ = &loaded_columns(*state_);
    loader_ = std::make_unique<ObjectLoader>(db_, *state_->model, *columns_);
    plan_ = plan_select_related(*state_);
    related_ = related_columns(db_, plan_, static_cast<int>(columns_->size()));
    BoundSelect q = db_->statements.bind(*state_, db_->dialect, SelectKind::Rows);
    statement_ = q.statement;
    cached_ = q.cached;
    guarded([&] { cursor_ = db_->connection->open_cursor(statement_->sql, std::move(q.params)); });
  }

  bool next(void* object) override {
    if (!cursor_) return false;
    const Row* row = nullptr;
    guarded([&] { row = cursor_->next(); });
    if (!row) {
      cursor_.reset();
      return false;
    }
    guarded([&] {
      if (state_->tree) check_tree_cycle(*state_->model, *row, row->size() - 1);  // its last column
      loader_->load(*row, 0, object);
      load_related(related_, *row, *state_->model, object, related_objects_);
    });
    return true;
  }

 private:
  template <class F>
  void guarded(F&& step) {
    try {
      step();
    } catch (Error& e) {
      if (cached_) db_->statements.evict(*statement_);
      cursor_.reset();  // a failed stream is over
      if (e.model().empty()) e.set_model(state_->model->name);
      throw;
    }
  }

  std::shared_ptr<DatabaseState> db_;
  std::shared_ptr<const QueryState> state_;
  const std::vector<const MemberInfo*>* columns_ = nullptr;
  std::unique_ptr<ObjectLoader> loader_;
  std::vector<RelatedLoad> plan_;
  std::vector<RelatedColumns> related_;  // point into plan_
  std::vector<std::shared_ptr<void>> related_objects_;
  std::shared_ptr<const CachedSelect> statement_;
  bool cached_ = false;
  std::unique_ptr<Cursor> cursor_;
};

}  // namespace

std::unique_ptr<RowReader> QueryCore::stream() const { return std::make_unique<QueryRowReader>(db_, state_); }

std::optional<std::int64_t> QueryCore::row_bound() const noexcept {
  if (!state_->high) return std::nullopt;
  return *state_->high - state_->low;
}

}  // namespace covet::detail

// QueryCore: building QueryStates (copy-on-write) and running their compiled
// statements on the database's connection.
#include "database_state.hpp"
#include "object_loader.hpp"
#include "query/q_node.hpp"
#include "query/query_runner.hpp"
#include "query/query_state.hpp"
#include "query/default_ordering.hpp"
#include "query/select_compiler.hpp"
#include "query/fitted_condition.hpp"
#include "query/lookup_limits.hpp"
#include "query/lookup_path.hpp"
#include "trees/tree_source.hpp"
#include "trees/tree_source.hpp"

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/query_set.hpp>

#include <algorithm>
#include <cassert>
#include <unordered_map>

namespace covet::detail {

namespace {

// Django stops reading after this many rows in get(): enough to say "more
// than one", bounded whatever the table's size.
constexpr std::int64_t kMaxGetResults = 21;

void require_unsliced(const QueryState& state, const char* what) {
  if (state.is_sliced())
    throw UsageError(std::string("Cannot ") + what + " a query once a slice has been taken",
                     state.model->name);
}

std::string conditions_of(const QueryState& state) {
  std::string out;
  for (const auto& node : state.where) {
    if (!out.empty()) out += " AND ";
    bool compound = node->kind == QNode::Kind::And || node->kind == QNode::Kind::Or;
    out += compound && state.where.size() > 1 ? "(" + describe_condition(*node) + ")"
                                              : describe_condition(*node);
  }
  return out.empty() ? "no conditions" : out;
}

// The order of `state` (its order_by, else its model's default ordering)
// with every field's direction flipped; the primary key when there is none.
std::vector<std::string> reversed_order(const QueryState& state) {
  std::vector<std::string> out;
  const std::vector<std::string>& order = effective_order(state);
  if (order.empty()) out.push_back("-pk");
  for (const std::string& f : order)
    out.push_back(!f.empty() && f.front() == '-' ? f.substr(1) : "-" + f);
  return out;
}

}  // namespace

QueryCore::QueryCore(std::shared_ptr<DatabaseState> db, const ModelInfo& model) : db_(std::move(db)) {
  // Every query set starts from the same state of its model, and states are
  // never changed once shared (each refinement copies): one per model and
  // thread serves every db.objects<T>(), without an allocation each.
  thread_local std::unordered_map<const ModelInfo*, std::shared_ptr<const QueryState>> unrefined;
  auto it = unrefined.find(&model);
  if (it == unrefined.end()) {
    if (!model.ordering.empty()) check_default_ordering(model);  // throws each time until mended
    auto state = std::make_shared<QueryState>();
    state->model = &model;
    it = unrefined.emplace(&model, std::move(state)).first;
  }
  state_ = it->second;
}

QueryCore::QueryCore(std::shared_ptr<DatabaseState> db, std::shared_ptr<const QueryState> state)
    : db_(std::move(db)), state_(std::move(state)) {}

const ModelInfo& QueryCore::model() const noexcept { return *state_->model; }

QueryCore QueryCore::filtered(const Q& q, bool negate) const { return filtered(q, negate, negate ? "exclude" : "filter"); }

QueryCore QueryCore::filtered(const Q& q, bool negate, const char* call) const {
  if (q.empty()) return *this;  // Q() matches everything, ~Q() too (Django)
  require_unsliced(*state_, "filter");
  // The stored tree is the fitted one: values converted for their columns.
  std::shared_ptr<const QNode> fitted = fit_condition(*state_->model, *q.node(), call);
  if (negate) {
    auto node = std::make_shared<QNode>();
    node->kind = QNode::Kind::Not;
    node->depth = fitted->depth + 1;
    node->children.push_back(std::move(fitted));
    fitted = std::move(node);
  }
  auto state = std::make_shared<QueryState>(*state_);
  state->where.push_back(std::move(fitted));
  return QueryCore(db_, std::move(state));
}

QueryCore QueryCore::ordered(std::vector<std::string> fields) const {
  require_unsliced(*state_, "reorder");
  for (const std::string& f : fields) {
    std::string_view name = f;
    if (!name.empty() && name.front() == '-') name.remove_prefix(1);
    check_lookup_limits(*state_->model, name, "order_by");
    resolve_order_field(*state_->model, name);
  }
  auto state = std::make_shared<QueryState>(*state_);
  // order_by() with no fields drops the default ordering too (Django).
  if (fields.empty()) state->default_ordering = false;
  state->order_by = std::move(fields);
  order_terms(*state);  // an ordering that loops fails here, not when run
  return QueryCore(db_, std::move(state));
}

QueryCore QueryCore::sliced(std::optional<std::int64_t> begin,
                            std::optional<std::int64_t> end) const {
  if ((begin && *begin < 0) || (end && *end < 0))
    throw UsageError("Negative indexing is not supported", state_->model->name);
  auto state = std::make_shared<QueryState>(*state_);
  // Django's Query.set_limits: bounds are relative to the current slice and
  // never widen it.
  if (end) state->high = state->high ? std::min(*state->high, state->low + *end) : state->low + *end;
  if (begin) state->low = state->high ? std::min(*state->high, state->low + *begin) : state->low + *begin;
  return QueryCore(db_, std::move(state));
}

std::string QueryCore::to_sql() const { return compile_select(*state_, db_->dialect).sql; }

void QueryCore::run(const QueryState& state, const std::function<void*()>& emplace, std::int64_t* rows,
                    const std::function<void(std::size_t)>& reserve) const {
  std::int64_t n = run_rows(db_, state, emplace, reserve);
  if (rows) *rows = n;
}

void QueryCore::fetch(const std::function<void*()>& emplace, const std::function<void(std::size_t)>& reserve) const {
  run(*state_, emplace, nullptr, reserve);
}

std::int64_t QueryCore::count() const {
  BoundSelect q = db_->statements.bind(*state_, db_->dialect, SelectKind::Count);
  std::int64_t n = 0;
  try {
    db_->connection->execute(q.statement->sql, q.params, [&](const Row& row) {
      if (state_->tree) check_tree_cycle(*state_->model, row, 1);  // a tree walk's second column
      n = FieldTraits<std::int64_t>::from_value(row.value(0));
    });
  } catch (Error& e) {
    if (q.cached) db_->statements.evict(*q.statement);
    if (e.model().empty()) e.set_model(state_->model->name);
    throw;
  }
  return n;
}

bool QueryCore::exists() const {
  BoundSelect q = db_->statements.bind(*state_, db_->dialect, SelectKind::Exists);
  bool found = false;
  try {
    db_->connection->execute(q.statement->sql, q.params, [&](const Row& row) {
      // A tree walk answers one row: whether any matched, and its cycle column.
      if (state_->tree) check_tree_cycle(*state_->model, row, 1);
      found = !state_->tree || FieldTraits<std::int64_t>::from_value(row.value(0)) == 1;
    });
  } catch (Error& e) {
    if (q.cached) db_->statements.evict(*q.statement);
    if (e.model().empty()) e.set_model(state_->model->name);
    throw;
  }
  return found;
}

namespace {

// What get(q) runs: this query's state with q's condition, no order (it
// cannot matter unless sliced), and a slice reading one row more than one.
QueryState get_state(const QueryState& base, const Q& q) {
  QueryState state = base;
  if (!q.empty()) {
    require_unsliced(state, "filter");
    state.where.push_back(fit_condition(*state.model, *q.node(), "get"));
  }
  if (!state.is_sliced()) {
    state.order_by.clear();
    state.default_ordering = false;
  }
  // Django's Query.set_limits, as sliced() applies it.
  state.high = state.high ? std::min(*state.high, state.low + kMaxGetResults) : state.low + kMaxGetResults;
  return state;
}

// get()'s answer to `rows` matching rows other than one.
[[noreturn]] void throw_get_count(const QueryState& state, std::int64_t rows) {
  const std::string& name = state.model->name;
  if (rows == 0)
    throw DoesNotExist(name + " matching query does not exist (" + conditions_of(state) + ")", name);
  throw MultipleObjectsReturned(
      "get() returned more than one " + name + " -- it returned " +
          (rows >= kMaxGetResults ? "more than " + std::to_string(kMaxGetResults - 1) : std::to_string(rows)) +
          "! (" + conditions_of(state) + ")",
      name);
}

// A state get_by_key may answer: an unrefined query set of a model, read
// as plain rows (a new member of QueryState that changes what a query
// selects belongs here).
bool reads_plain_rows(const QueryState& s) {
  return s.where.empty() && !s.is_sliced() && !s.key_restriction && s.select_related.empty() &&
         !s.select_related_all && !s.loaded_fields && !s.selected_columns && !s.tree;
}

}  // namespace

void QueryCore::get(const Q& q, void* out) const {
  const QueryState state = get_state(*state_, q);
  bool loaded = false;
  std::int64_t rows = 0;
  run(state,
      [&]() -> void* {
        if (loaded) return nullptr;
        loaded = true;
        return out;
      },
      &rows);
  if (rows != 1) throw_get_count(state, rows);
}

bool QueryCore::get_by_key(std::string_view lookup, std::int64_t key, void* out) const {
  const QueryState& base = *state_;
  const ModelInfo& model = *base.model;
  const MemberInfo* pk = model.primary_key;
  // Anything else takes get(): its errors, its loading modes.
  if (!db_ || !db_->connection || db_->loading == Loading::AutoPrefetch || !reads_plain_rows(base) || !pk ||
      (pk->type != ColumnType::AutoId && pk->type != ColumnType::BigInt) || (lookup != "pk" && lookup != pk->name))
    return false;
  if (!db_->statements.enabled()) return false;
  std::shared_ptr<const CachedSelect> statement;
  std::vector<Value> own_params;
  std::span<const Value> params;
  bool cached = true;
  KeyGet* entry = db_->key_gets.find(model, lookup);
  if (entry && db_->statements.touch(*entry->statement)) {
    statement = entry->statement;
    // Bound in place: nothing runs between this and the execute that could
    // use the entry (loading the row runs no statement).
    entry->params[entry->key_param] = Value(key);
    params = entry->params;
  } else {
    // The first get of the kind (or its statement was dropped): compiled
    // by the general path, and kept when its only value is the key.
    BoundSelect q = db_->statements.bind(get_state(base, Q(lookup, Value(key))), db_->dialect, SelectKind::Rows);
    std::size_t leaves = 0, key_param = 0;
    for (std::size_t i = 0; i < q.statement->origins.size(); ++i)
      if (q.statement->origins[i].kind == ParamOrigin::Kind::Leaf) {
        ++leaves;
        key_param = i;
      }
    if (q.cached && leaves == 1 && q.params[key_param] == Value(key)) {
      KeyGet made{&model, std::string(lookup), q.statement, key_param, q.params};
      made.params[key_param] = Value();
      db_->key_gets.store(std::move(made));
    }
    statement = std::move(q.statement);
    own_params = std::move(q.params);
    params = own_params;
    cached = q.cached;
  }
  std::int64_t rows = 0;
  ObjectLoader loader(db_, model, model.columns);
  try {
    db_->connection->execute(statement->sql, params, [&](const Row& row) {
      if (rows++ == 0) loader.load(row, 0, out);
    });
  } catch (Error& e) {
    if (cached) db_->statements.evict(*statement);
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
  if (rows != 1) throw_get_count(get_state(base, Q(lookup, Value(key))), rows);
  return true;
}

bool QueryCore::first(void* out) const {
  auto state = std::make_shared<QueryState>(*state_);
  // A tree walk's own order (tree_source.hpp) stands when none is given.
  if (effective_order(*state).empty() && !state->tree) state->order_by.push_back("pk");
  QueryCore one = QueryCore(db_, std::move(state)).sliced(std::nullopt, 1);
  bool found = false;
  run(*one.state_, [&]() -> void* { return found ? nullptr : (found = true, out); }, nullptr);
  return found;
}

bool QueryCore::last(void* out) const {
  if (state_->is_sliced())
    throw UsageError("Cannot reverse a query once a slice has been taken (last() on a sliced query)",
                     state_->model->name);
  auto state = std::make_shared<QueryState>(*state_);
  if (state->tree && state->order_by.empty() && state->default_ordering) {
    // A walk without an order of its own (select_compiler.cpp's
    // order_clause) ends where its own order ends.
    auto backwards = std::make_shared<TreeSource>(*state->tree);
    backwards->reversed = !backwards->reversed;
    state->tree = std::move(backwards);
  } else {
    state->order_by = reversed_order(*state_);
  }
  QueryCore one = QueryCore(db_, std::move(state)).sliced(std::nullopt, 1);
  bool found = false;
  run(*one.state_, [&]() -> void* { return found ? nullptr : (found = true, out); }, nullptr);
  return found;
}

}  // namespace covet::detail

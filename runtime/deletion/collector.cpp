// The deletion collector: collect, check, execute (see collector.hpp for the
// contract). SQL is built here from the metadata: identifiers quoted, every
// key bound.
//
// Single-table hierarchies (inheritance/single_table.hpp): a relation
// declared by a subclass finds only that subclass's rows (its identities
// restrict them); deleting rows of a model of the hierarchy also deals with
// the relations pointing at its ancestors and descendants (a Car row is a
// Vehicle row, and may be a SportsCar row), and the delete order compares
// models by the table that holds their rows.
#include "deletion/collector.hpp"

#include "backend/connection.hpp"
#include "generic/content_type_cache.hpp"
#include "generic/content_type_lookup.hpp"
#include "inheritance/table_chain.hpp"
#include "inheritance/single_table.hpp"
#include "relations/join_table.hpp"
#include "sql/dialect.hpp"

#include <covet/detail/naming.hpp>
#include <covet/errors.hpp>

#include <algorithm>
#include <cassert>
#include <deque>
#include <map>

namespace covet::detail {

namespace {

bool has_table(const ModelInfo& model) { return !model.abstract && !model.proxy; }

// A multi-table child's parent link as a relation: Django's parent_link
// OneToOneField "<parent>_ptr", CASCADE. It lives as long as the process
// (an Incoming points at it).
const MemberInfo& parent_link_member(const ModelInfo& child) {
  static std::deque<MemberInfo> links;
  MemberInfo& link = links.emplace_back();
  link.kind = MemberKind::Relation;
  link.name = naming::model_name(child.parent_model->name) + "_ptr";
  link.column = child.parent_link;
  link.type = child.primary_key->type == ColumnType::AutoId ? ColumnType::BigInt : child.primary_key->type;
  link.unique = true;
  link.declared_by = &child;
  link.relation = std::make_shared<RelationInfo>();
  link.relation->kind = RelationKind::OneToOne;
  link.relation->on_delete = OnDelete::Cascade;
  link.relation->target = child.parent_model;
  return link;
}

std::map<const ModelInfo*, std::vector<Incoming>> build_incoming() {
  std::map<const ModelInfo*, std::vector<Incoming>> direct, out;
  for (const ModelInfo* model : all_models()) {
    if (!has_table(*model)) continue;
    for (const MemberInfo& m : model->members) {
      if (m.kind != MemberKind::Relation || !m.relation || !m.relation->target) continue;
      if (m.relation->kind == RelationKind::ManyToMany) continue;  // join rows: execute()
      if (m.declared_by != model) continue;  // inherited: the declaring model's relation covers its rows
      direct[&Incoming::rows_of(*m.relation->target)].push_back(Incoming{model, &m});
    }
    for (const MemberInfo& m : model->members) {
      if (m.kind != MemberKind::GenericRelation || !m.generic || !m.generic->related) continue;
      const MemberInfo& type_member = *m.generic->content_type_member;
      const ModelInfo& holder = type_member.declared_by ? *type_member.declared_by : *m.generic->related;
      out[model].push_back(Incoming{&holder, &m, false, model});
    }
    if (model->inheritance == Inheritance::MultiTable && model->parent_model)
      out[model->parent_model].push_back(Incoming{model, &parent_link_member(*model), true});
  }
  for (const ModelInfo* model : all_models())
    for (const ModelInfo* same : same_rows_models(*model))
      if (auto it = direct.find(same); it != direct.end())
        out[model].insert(out[model].end(), it->second.begin(), it->second.end());
  return out;
}

// The table holding the rows of `model`, as the model that owns it.
const ModelInfo* table_of(const ModelInfo& model) { return &table_model(model); }

// The automatic join tables with a column referring to `model`, with the
// count label ("<Model>_<member>") and which side refers to it.
struct JoinSide {
  JoinTable table;
  std::string label;
  bool source_side;
};

std::vector<JoinSide> join_sides(const ModelInfo& model) {
  std::vector<JoinSide> out;
  const std::vector<const ModelInfo*> same = same_rows_models(model);
  auto is_same = [&](const ModelInfo* m) { return std::find(same.begin(), same.end(), m) != same.end(); };
  for (const auto& [source, member] : automatic_join_tables()) {
    JoinTable jt = join_table_of(*source, *member);
    std::string label = source->name + "_" + member->name;
    if (is_same(&Incoming::rows_of(*jt.source))) out.push_back({jt, label, true});
    if (is_same(&Incoming::rows_of(*jt.target))) out.push_back({jt, label, false});
  }
  return out;
}

std::string model_list(const std::vector<BlockingObjects>& objects) {
  constexpr std::size_t kShown = 10;
  std::string out;
  for (const BlockingObjects& b : objects) {
    if (!out.empty()) out += ", ";
    out += "'" + b.model + "." + b.relation + "' (" + b.model + " ";
    for (std::size_t i = 0; i < b.keys.size() && i < kShown; ++i)
      out += (i ? ", " : "") + b.keys[i].debug_string();
    if (b.keys.size() > kShown) out += " and " + std::to_string(b.keys.size() - kShown) + " more";
    out += ")";
  }
  return out;
}

}  // namespace

const std::vector<Incoming>& incoming_relations(const ModelInfo& model) {
  static const std::map<const ModelInfo*, std::vector<Incoming>> index = build_incoming();
  static const std::vector<Incoming> none;
  auto it = index.find(&model);
  return it == index.end() ? none : it->second;
}

const std::vector<Value>& SubObjects::keys() {
  if (!keys_) keys_ = std::make_unique<std::vector<Value>>(collector_.select_keys(relation_, referenced_));
  return *keys_;
}

Collector::Collector(DatabaseState& db, const ModelInfo& root) : db_(db), root_(root) {}

std::string Collector::quote(const std::string& identifier) const {
  return quote_identifier(db_.dialect, identifier);
}

std::size_t Collector::batch_size(std::size_t fixed_params) const {
  return rows_per_statement(db_, 1, fixed_params);
}

std::string Collector::in_list(std::vector<Value>::const_iterator begin,
                               std::vector<Value>::const_iterator end,
                               std::vector<Value>& params) const {
  assert(begin != end && "an IN list is never empty");
  std::string sql = "(";
  for (auto it = begin; it != end; ++it) {
    params.push_back(*it);
    if (it != begin) sql += ", ";
    sql += placeholder(db_.dialect, static_cast<int>(params.size()));
  }
  return sql + ")";
}

std::optional<std::int64_t> Collector::generic_content_type(const Incoming& relation) const {
  const std::shared_ptr<const ContentTypeCache> types = content_types(db_);
  const std::string& name = stored_content_type(*relation.generic_owner);
  const ContentTypeRow* row = name.empty() ? nullptr : types->by_name(name);
  if (!row) return std::nullopt;
  return row->id;
}

std::string Collector::references_condition(const Incoming& relation, const std::vector<Value>& referenced,
                                            std::vector<Value>& params) const {
  if (relation.generic_owner) {
    const GenericInfo& g = *relation.member->generic;
    std::string sql = quote(g.object_id_member->column) + " IN " + in_list(referenced.begin(), referenced.end(), params);
    params.push_back(Value(*generic_content_type(relation)));
    return sql + " AND " + quote(g.content_type_member->column) + " = " +
           placeholder(db_.dialect, static_cast<int>(params.size()));
  }
  const std::string column = quote(relation.member->column);
  const std::string& to_field = relation.member->relation->to_field;
  const ModelInfo& target = relation.target();
  const std::string keys = in_list(referenced.begin(), referenced.end(), params);
  std::string sql;
  if (to_field.empty() || target.member(to_field) == target.primary_key) {
    sql = column + " IN " + keys;
  } else {
    // The to_field column is in the table of the model declaring it, keyed
    // like every table of the target's row.
    const MemberInfo& key = *target.member(to_field);
    const ModelInfo& table = column_owner(target, key);
    sql = column + " IN (SELECT " + quote(key.column) + " FROM " + quote(table.table) + " WHERE " +
          quote(key_column(table)) + " IN " + keys + ")";
  }
  // A single-table subclass's relation: only its rows hold it.
  ParamSink sink{db_.dialect, &params};
  if (std::string only = row_restriction(sink, std::string(), *relation.source); !only.empty())
    sql += " AND " + only;
  return sql;
}

std::int64_t Collector::run(const ModelInfo& model, const std::string& sql, const std::vector<Value>& params) {
  if (!db_.connection) throw UsageError("the Database has been closed", model.name);
  try {
    return db_.connection->execute(sql, params).rows_affected;
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(model.name);
    throw;
  }
}

std::vector<Value> Collector::select_keys(const Incoming& relation, const std::vector<Value>& referenced) {
  const ModelInfo& source = *relation.source;
  std::vector<Value> params;
  std::string sql = "SELECT " + quote(key_column(source)) + " FROM " + quote(source.table) +
                    " WHERE " + references_condition(relation, referenced, params);
  std::vector<Value> keys;
  try {
    db_.connection->execute(sql, params, [&](const Row& row) { keys.push_back(row.value(0)); });
  } catch (Error& e) {
    if (e.model().empty()) e.set_model(source.name);
    throw;
  }
  return keys;
}

// --- collect --------------------------------------------------------------

void Collector::collect(const ModelInfo& given, const std::vector<Value>& keys, const Incoming*,
                        bool keep_parents) {
  const ModelInfo& model = Incoming::rows_of(given);  // a proxy's rows are its concrete model's
  ModelRows& rows = data_[&model];
  if (!rows.model) {
    rows.model = &model;
    data_order_.push_back(&model);
  }
  std::vector<Value> fresh;
  for (const Value& k : keys)
    if (!k.is_null() && rows.seen.insert(k).second) {
      rows.keys.push_back(k);
      fresh.push_back(k);
    }
  if (!fresh.empty()) queue_.push_back(Pending{&model, std::move(fresh), keep_parents});
}

void Collector::process(const Pending& pending) {
  const ModelInfo& model = *pending.model;
  const std::vector<Value>& new_keys = pending.keys;
  // A multi-table child's rows are its parent's rows too (Django's
  // collect_parents), deleted after the child's.
  if (model.inheritance == Inheritance::MultiTable && !pending.keep_parents) {
    for (const Incoming& link : incoming_relations(*model.parent_model))
      if (link.parent_link && link.source == &model) add_dependency(link);
    collect(*model.parent_model, new_keys);
  }
  const std::vector<Incoming>& relations = incoming_relations(model);
  if (relations.empty()) return;
  const std::size_t size = batch_size(1);
  for (std::size_t begin = 0; begin < new_keys.size(); begin += size) {
    const std::vector<Value> batch(new_keys.begin() + static_cast<std::ptrdiff_t>(begin),
                                   new_keys.begin() + static_cast<std::ptrdiff_t>(std::min(new_keys.size(), begin + size)));
    for (const Incoming& relation : relations) {
      if (relation.parent_link) {
        // A child row has its parent's key: the keys collected for the child
        // already (its rows brought the parent's here) need no looking up,
        // and its rows go before the parent's all the same.
        std::vector<Value> unseen;
        auto it = data_.find(relation.source);
        for (const Value& k : batch)
          if (it == data_.end() || !it->second.seen.count(k)) unseen.push_back(k);
        if (unseen.size() < batch.size()) add_dependency(relation);
        if (unseen.empty()) continue;
        SubObjects rows(*this, relation, unseen);
        handler_for(relation.on_delete())(*this, relation, rows);
        continue;
      }
      if (relation.member == closed_) continue;  // the rows it reaches are collected already
      // No content-type row for the owner: no generic row can point at it.
      if (relation.generic_owner && !generic_content_type(relation)) continue;
      SubObjects rows(*this, relation, batch);
      handler_for(relation.on_delete())(*this, relation, rows);
    }
  }
}

void Collector::finish_collection() {
  while (!queue_.empty()) {
    Pending next = std::move(queue_.front());
    queue_.pop_front();
    process(next);
  }
  check_protected();
  check_restricted();
}

bool Collector::can_fast_delete(const ModelInfo& model) const {
  // A single-table root's rows may be subclass rows, with relations and
  // join rows of their own: collected, not deleted by reference.
  if (model.multi_table || model.parent || !model.discriminator.empty()) return false;
  for (const Incoming& r : incoming_relations(model))
    if (r.on_delete() != OnDelete::DoNothing) return false;
  for (const auto& [source, member] : automatic_join_tables()) {
    const ModelInfo& target = *member->relation->target;
    if (source == &model || &target == &model) return false;
  }
  return true;
}

void Collector::add_fast_delete(const Incoming& relation, const std::vector<Value>& referenced) {
  if (!referenced.empty()) fast_deletes_.push_back(Reference{relation, referenced});
}

void Collector::add_field_update(const Incoming& relation, Value value, const std::vector<Value>& referenced) {
  if (!referenced.empty()) field_updates_.push_back(FieldUpdate{relation, std::move(value), referenced});
}

void Collector::add_protected(const Incoming& relation, const std::vector<Value>& keys) {
  if (keys.empty()) return;
  Blockers& b = protected_[{relation.source, relation.member}];
  b.relation = relation;
  b.keys.insert(keys.begin(), keys.end());
}

void Collector::add_restricted(const Incoming& relation, const std::vector<Value>& keys) {
  if (keys.empty()) return;
  Blockers& b = restricted_[{relation.source, relation.member}];
  b.relation = relation;
  b.keys.insert(keys.begin(), keys.end());
}

void Collector::add_dependency(const Incoming& relation) {
  if (relation.source == &relation.target()) return;  // within a model: key order handles it
  for (const Incoming& d : dependencies_)
    if (d.member == relation.member) return;
  dependencies_.push_back(relation);
}

const Value& Collector::set_value(const Incoming& relation) {
  auto it = set_values_.find(relation.member);
  if (it != set_values_.end()) return it->second;
  Value (*fn)() = relation.member->relation->set_fn;
  if (!fn)
    throw UsageError(relation.source->name + "." + relation.member->name +
                         " is declared on_delete SET(fn) but its metadata has no fn: rebuild it with the Covet plugin",
                     relation.source->name);
  return set_values_.emplace(relation.member, fn()).first->second;
}

// --- check ----------------------------------------------------------------

void Collector::check_protected() const {
  if (protected_.empty()) return;
  std::vector<BlockingObjects> objects;
  for (const auto& [key, b] : protected_)
    objects.push_back(BlockingObjects{b.relation.source->name, b.relation.member->name, b.relation.target().name,
                                      std::vector<Value>(b.keys.begin(), b.keys.end())});
  const std::string message = "Cannot delete some instances of model '" + root_.name +
                              "' because they are referenced through protected foreign keys: " +
                              model_list(objects) + ".";
  throw ProtectedError(message, root_.name, std::move(objects));
}

void Collector::check_restricted() {
  std::vector<BlockingObjects> objects;
  for (auto& [key, b] : restricted_) {
    const ModelInfo& source = *b.relation.source;
    // Rows collected for deletion through a CASCADE path do not block.
    std::vector<Value> left;
    if (auto it = data_.find(&source); it != data_.end()) {
      for (const Value& k : b.keys)
        if (!it->second.seen.count(k)) left.push_back(k);
    } else {
      left.assign(b.keys.begin(), b.keys.end());
    }
    // Nor do rows a fast delete removes (Django's
    // clear_restricted_objects_from_queryset): ask which of them it matches.
    for (const Reference& fast : fast_deletes_) {
      if (left.empty()) break;
      if (fast.relation.source != &source) continue;
      KeySet gone;
      const std::size_t half = std::max<std::size_t>(1, batch_size(0) / 2);
      for (std::size_t i = 0; i < left.size(); i += half) {
        for (std::size_t j = 0; j < fast.referenced.size(); j += half) {
          std::vector<Value> params;
          const std::vector<Value> referenced(
              fast.referenced.begin() + static_cast<std::ptrdiff_t>(j),
              fast.referenced.begin() + static_cast<std::ptrdiff_t>(std::min(fast.referenced.size(), j + half)));
          // Both helpers append to params: call them in placeholder order.
          const std::string keys =
              in_list(left.begin() + static_cast<std::ptrdiff_t>(i),
                      left.begin() + static_cast<std::ptrdiff_t>(std::min(left.size(), i + half)), params);
          const std::string references = references_condition(fast.relation, referenced, params);
          std::string sql = "SELECT " + quote(key_column(source)) + " FROM " + quote(source.table) + " WHERE " +
                            quote(key_column(source)) + " IN " + keys + " AND " + references;
          db_.connection->execute(sql, params, [&](const Row& row) { gone.insert(row.value(0)); });
        }
      }
      std::erase_if(left, [&](const Value& k) { return gone.count(k) > 0; });
    }
    if (!left.empty()) {
      std::sort(left.begin(), left.end(), ValueLess{});
      objects.push_back(BlockingObjects{source.name, b.relation.member->name, b.relation.target().name,
                                        std::move(left)});
    }
  }
  if (objects.empty()) return;
  const std::string message = "Cannot delete some instances of model '" + root_.name +
                              "' because they are referenced through restricted foreign keys: " +
                              model_list(objects) + ".";
  throw RestrictedError(message, root_.name, std::move(objects));
}

// --- execute --------------------------------------------------------------

// Referencing models before the models they reference (Kahn's algorithm over
// the dependencies between collected models). A cycle is broken at its
// nullable keys, which `nulled` returns so execute() sets them to NULL on the
// rows being deleted first; a cycle without one keeps collection order (the
// database then refuses, and everything rolls back).
std::vector<const ModelInfo*> Collector::sorted_models(std::vector<Incoming>& nulled) const {
  std::vector<const ModelInfo*> left = data_order_;
  // A relation's target is compared by its table: rows collected as a
  // Vehicle are referenced by a Ref<Car> to them just the same.
  auto collected_table = [&](const ModelInfo& m) {
    return std::any_of(data_order_.begin(), data_order_.end(),
                       [&](const ModelInfo* c) { return table_of(*c) == table_of(m); });
  };
  std::vector<Incoming> edges;
  for (const Incoming& d : dependencies_)
    if (data_.count(d.source) && collected_table(d.target()) && table_of(*d.source) != table_of(d.target()))
      edges.push_back(d);
  auto remains = [&](const ModelInfo& table) {
    return std::any_of(left.begin(), left.end(), [&](const ModelInfo* l) { return table_of(*l) == &table; });
  };
  std::vector<const ModelInfo*> out;
  while (!left.empty()) {
    auto ready = std::find_if(left.begin(), left.end(), [&](const ModelInfo* m) {
      // m can go when no remaining model still references it.
      return std::none_of(edges.begin(), edges.end(), [&](const Incoming& e) {
        return table_of(e.target()) == table_of(*m) &&
               std::find(left.begin(), left.end(), e.source) != left.end();
      });
    });
    if (ready != left.end()) {
      out.push_back(*ready);
      left.erase(ready);
      continue;
    }
    // A cycle: drop the nullable edges among the remaining models.
    auto remaining = [&](const Incoming& e) {
      return std::find(left.begin(), left.end(), e.source) != left.end() && remains(*table_of(e.target()));
    };
    const std::size_t before = edges.size();
    std::erase_if(edges, [&](const Incoming& e) {
      if (!remaining(e) || !e.member->nullable) return false;
      nulled.push_back(e);
      return true;
    });
    if (edges.size() == before) {
      out.insert(out.end(), left.begin(), left.end());
      break;
    }
  }
  return out;
}

DeleteResult Collector::execute() {
  DeleteResult result;
  // Django counts rows under the class of the objects deleted: the rows of
  // an erase through a proxy count under the proxy's name.
  const ModelInfo& root_rows = Incoming::rows_of(root_);
  auto count = [&](const std::string& model, std::int64_t n) {
    if (n <= 0) return;
    result.total += n;
    result.per_model[model == root_rows.name ? root_.name : model] += n;
  };

  // 1. Fast deletes: rows nothing else depends on, by their reference.
  for (const Reference& fast : fast_deletes_) {
    std::vector<Value> params;
    const ModelInfo& source = *fast.relation.source;
    count(source.name, run(source,
                           "DELETE FROM " + quote(source.table) + " WHERE " +
                               references_condition(fast.relation, fast.referenced, params),
                           params));
  }

  // 2. Key updates: SET_NULL, SET_DEFAULT, SET(fn).
  for (const FieldUpdate& update : field_updates_) {
    const ModelInfo& source = *update.relation.source;
    std::vector<Value> params{update.value};
    std::string assignment = quote(update.relation.member->column) + " = " + placeholder(db_.dialect, 1);
    if (update.relation.generic_owner) {  // SET_NULL of a generic relation: both columns
      const GenericInfo& g = *update.relation.member->generic;
      params.push_back(update.value);
      assignment = quote(g.content_type_member->column) + " = " + placeholder(db_.dialect, 1) + ", " +
                   quote(g.object_id_member->column) + " = " + placeholder(db_.dialect, 2);
    }
    std::string sql = "UPDATE " + quote(source.table) + " SET " + assignment + " WHERE " +
                      references_condition(update.relation, update.referenced, params);
    run(source, sql, params);
  }

  std::vector<Incoming> nulled;
  const std::vector<const ModelInfo*> order = sorted_models(nulled);
  const std::size_t size = batch_size(0);
  auto for_batches = [&](const std::vector<Value>& keys, auto&& fn) {
    for (std::size_t end = keys.size(); end > 0;) {
      const std::size_t begin = end > size ? end - size : 0;
      fn(keys.begin() + static_cast<std::ptrdiff_t>(begin), keys.begin() + static_cast<std::ptrdiff_t>(end));
      end = begin;
    }
  };
  for (const Incoming& e : nulled) {
    const ModelInfo& source = *e.source;
    for_batches(data_.at(&source).keys, [&](auto begin, auto end) {
      std::vector<Value> params;
      run(source,
          "UPDATE " + quote(source.table) + " SET " + quote(e.member->column) + " = NULL WHERE " +
              quote(key_column(source)) + " IN " + in_list(begin, end, params),
          params);
    });
  }

  // 3. Join rows of automatic many-to-many tables.
  for (const ModelInfo* model : data_order_) {
    for (const JoinSide& side : join_sides(*model)) {
      const MemberInfo* key = side.source_side ? side.table.source_key : side.table.target_key;
      const std::string& column = side.source_side ? side.table.source_column : side.table.target_column;
      for_batches(data_.at(model).keys, [&](auto begin, auto end) {
        std::vector<Value> params;
        std::string keys = in_list(begin, end, params);
        if (key && key != model->primary_key)
          keys = "(SELECT " + quote(key->column) + " FROM " + quote(column_owner(*model, *key).table) + " WHERE " +
                 quote(key_column(column_owner(*model, *key))) + " IN " + keys + ")";
        count(side.label,
              run(*model, "DELETE FROM " + quote(side.table.table) + " WHERE " + quote(column) + " IN " + keys,
                  params));
      });
    }
  }

  // 4. The collected rows, referencing models first, deepest rows first.
  for (const ModelInfo* model : order) {
    for_batches(data_.at(model).keys, [&](auto begin, auto end) {
      std::vector<Value> params;
      count(model->name, run(*model,
                             "DELETE FROM " + quote(model->table) + " WHERE " +
                                 quote(key_column(*model)) + " IN " + in_list(begin, end, params),
                             params));
    });
  }
  return result;
}

}  // namespace covet::detail

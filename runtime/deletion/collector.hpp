// The deletion collector, after Django's django/db/models/deletion.py.
//
// Contract. A delete runs in three phases, all inside one transaction scope
// opened by the caller (erase.cpp):
//
//   collect  Starting from the keys to delete, walk every relation that points
//            at a collected model (foreign keys and one-to-ones, including
//            those whose reverse side is hidden) and apply its on_delete
//            handler (policies.cpp) to the referencing rows, one batch of
//            referenced keys at a time. Handlers either collect more rows
//            (CASCADE), record a fast delete (CASCADE into a model nothing
//            else depends on: deleted by `WHERE fk IN (...)` without reading
//            its keys), record a key update (SET_NULL, SET_DEFAULT, SET: an
//            `UPDATE ... WHERE fk IN (...)`, no read either), or record
//            blockers (PROTECT, RESTRICT). Work is a queue, not recursion,
//            so deep chains cannot overflow the stack; each model keeps the
//            set of keys seen, so cycles and self references end and every
//            row is collected once. Only statements that read keys (SELECT
//            pk ...) run in this phase; nothing is written.
//   check    Every PROTECT blocker throws one ProtectedError carrying all of
//            them. RESTRICT blockers that are not themselves deleted (collected,
//            or removed by a fast delete) throw one RestrictedError.
//   execute  Fast deletes, then key updates (and the NULLs that break a
//            cycle of nullable keys), then the join rows of automatic
//            many-to-many tables, then the collected rows model by model in
//            dependency order (referencing models first; within a model the
//            rows found last, i.e. the deepest of a self-referential tree,
//            first). IN lists are split under Connection::max_params().
//
// Multi-table inheritance (inheritance/table_chain.hpp), after Django's
// collect(): a multi-table child's rows are also rows of its parent, so
// collecting them collects the parent's (same keys), unless the delete
// keeps the parents (covet::keep_parents: only for the rows it starts
// from, as Django's keep_parents); and each child table's parent link is
// an incoming CASCADE one-to-one of the parent (`Incoming::parent_link`),
// so collecting a parent's rows collects its child rows. A relation an
// ancestor declares is the ancestor's, walked once, from its table. Every
// statement names the table and key column of the model it is about.
//
// Invariants: a model's `keys` never hold a duplicate nor a NULL; batches
// are never empty; nothing is written before check() has passed.
#pragma once

#include "database_state.hpp"
#include "relations/key_batches.hpp"  // KeySet

#include <covet/deletion.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace covet::detail {

// A foreign key or one-to-one pointing at a model: `member` of `source`.
// A proxy's rows are its concrete model's (ModelInfo::concrete_model), so
// the collector works on concrete models only: target() of a relation to
// a proxy is the proxy's concrete model.
struct Incoming {
  const ModelInfo* source = nullptr;
  const MemberInfo* member = nullptr;
  // `member` is a multi-table child's parent link (no member of the model:
  // the collector's own description of the child table's key column).
  bool parent_link = false;
  // A GenericRelation of `generic_owner` (`member` is the GenericRelation
  // member): the rows of `source` (the model holding the two columns) whose
  // content-type column holds the owner's content type and whose object-id
  // column holds a referenced key. No constraint backs it; its on_delete is
  // the GenericRelation's (CASCADE, SET_NULL of both columns, DO_NOTHING).
  const ModelInfo* generic_owner = nullptr;

  const ModelInfo& target() const {
    return rows_of(generic_owner ? *generic_owner : *member->relation->target);
  }
  OnDelete on_delete() const { return generic_owner ? member->generic->on_delete : member->relation->on_delete; }
  static const ModelInfo& rows_of(const ModelInfo& model) {
    return model.concrete_model ? *model.concrete_model : model;
  }
};

// Every foreign key and one-to-one pointing at the rows of `model` (a
// concrete model: relations to its proxies included), hidden reverse sides
// (related_name "+") and the parent links of its multi-table children
// included, and its GenericRelations (its own and inherited ones: each
// model's rows are pointed at under its own content type), in a stable order.
const std::vector<Incoming>& incoming_relations(const ModelInfo& model);

class Collector;

// The rows of `relation.source` whose key references one of `referenced`
// (primary keys of the relation's target), after Django's lazy sub_objs:
// keys() reads their primary keys once, on first use; handlers that act by
// the referenced keys alone never read anything.
class SubObjects {
 public:
  SubObjects(Collector& collector, const Incoming& relation, const std::vector<Value>& referenced)
      : collector_(collector), relation_(relation), referenced_(referenced) {}
  const std::vector<Value>& referenced() const noexcept { return referenced_; }
  const std::vector<Value>& keys();

 private:
  Collector& collector_;
  const Incoming& relation_;
  const std::vector<Value>& referenced_;
  std::unique_ptr<std::vector<Value>> keys_;
};

// An on_delete policy: what happens to the rows of `relation.source` that
// reference rows being deleted. One per OnDelete value (policies.cpp).
using OnDeleteHandler = void (*)(Collector& collector, const Incoming& relation, SubObjects& rows);
OnDeleteHandler handler_for(OnDelete policy);

class Collector {
 public:
  Collector(DatabaseState& db, const ModelInfo& root);

  // Adds rows of `model` to delete; the ones already collected are ignored.
  // `via` is the relation that reached them (nullptr for the root).
  // `keep_parents`: of a multi-table child, delete only its own table's
  // rows, not its ancestors' (nor what refers to them).
  void collect(const ModelInfo& model, const std::vector<Value>& keys, const Incoming* via = nullptr,
               bool keep_parents = false);
  // The rows the delete starts from are closed under `relation` (a self
  // relation of theirs: every row referencing one of them through it is
  // one of them, as a nested-set subtree under its `parent`): collecting
  // does not look those rows up. Not for PROTECT, which must still refuse.
  void closed_under(const MemberInfo& relation) { closed_ = &relation; }
  // Runs the collect and check phases. Throws ProtectedError, RestrictedError,
  // and backend errors from the reads.
  void finish_collection();
  // Runs the execute phase and returns the counts.
  DeleteResult execute();

  // --- for the handlers ---------------------------------------------------
  // Whether rows of `model` can be deleted by their reference alone: nothing
  // but DO_NOTHING relations and no many-to-many join rows point at them.
  bool can_fast_delete(const ModelInfo& model) const;
  void add_fast_delete(const Incoming& relation, const std::vector<Value>& referenced);
  void add_field_update(const Incoming& relation, Value value, const std::vector<Value>& referenced);
  void add_protected(const Incoming& relation, const std::vector<Value>& keys);
  void add_restricted(const Incoming& relation, const std::vector<Value>& keys);
  // `referencing` rows must be deleted before `referenced` ones.
  void add_dependency(const Incoming& relation);
  // SET(fn)'s value for `relation`: fn is called once per operation.
  const Value& set_value(const Incoming& relation);
  // SELECT the primary keys of the rows of relation.source referencing one of
  // `referenced`.
  std::vector<Value> select_keys(const Incoming& relation, const std::vector<Value>& referenced);

 private:
  struct ModelRows {
    const ModelInfo* model = nullptr;
    std::vector<Value> keys;  // in the order found
    KeySet seen;
  };
  struct Pending {
    const ModelInfo* model;
    std::vector<Value> keys;
    bool keep_parents = false;
  };
  struct Reference {  // rows of relation.source whose key is IN referenced
    Incoming relation;
    std::vector<Value> referenced;
  };
  struct FieldUpdate {
    Incoming relation;
    Value value;
    std::vector<Value> referenced;
  };
  struct Blockers {
    Incoming relation;
    KeySet keys;
  };

  void process(const Pending& rows);
  void check_protected() const;
  void check_restricted();
  std::vector<const ModelInfo*> sorted_models(std::vector<Incoming>& nulled) const;
  std::size_t batch_size(std::size_t fixed_params) const;
  std::int64_t run(const ModelInfo& model, const std::string& sql, const std::vector<Value>& params);
  // `"fk" IN (...)`, or `"fk" IN (SELECT "to_field" FROM target WHERE pk IN (...))`,
  // appending the referenced keys to params; for a single-table subclass's
  // relation, `AND "<discriminator>" IN (...)` and its identities follow.
  std::string references_condition(const Incoming& relation, const std::vector<Value>& referenced,
                                    std::vector<Value>& params) const;
  std::string in_list(std::vector<Value>::const_iterator begin, std::vector<Value>::const_iterator end,
                      std::vector<Value>& params) const;
  std::string quote(const std::string& identifier) const;
  // The id of a generic relation's owner's content type; nullopt when the
  // content-type table has no row for it (then nothing can point at it).
  std::optional<std::int64_t> generic_content_type(const Incoming& relation) const;

  DatabaseState& db_;
  const ModelInfo& root_;
  std::map<const ModelInfo*, ModelRows> data_;
  std::vector<const ModelInfo*> data_order_;  // models in the order first collected
  std::deque<Pending> queue_;
  std::vector<Reference> fast_deletes_;
  std::vector<FieldUpdate> field_updates_;
  std::map<std::pair<const ModelInfo*, const MemberInfo*>, Blockers> protected_, restricted_;
  std::vector<Incoming> dependencies_;  // relation.source before relation.target
  std::map<const MemberInfo*, Value> set_values_;
  const MemberInfo* closed_ = nullptr;
};

}  // namespace covet::detail

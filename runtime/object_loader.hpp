// Moving rows into objects. Every query that materializes objects selects a
// model's columns in the order of column_members() and hands each row here.
#pragma once

#include "backend/connection.hpp"
#include "database_state.hpp"

#include <covet/model_info.hpp>

#include <memory>
#include <span>
#include <vector>

namespace covet::detail {

// bind_object (covet/detail/object_store.hpp) for one object of a result
// whose objects share `binding` (make_binding, once per result): a loader
// that reads rows of several models keeps one per model.
void bind_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object,
                 const SharedBinding& binding);

// bind_object (covet/detail/object_store.hpp) for each of `objects`, with
// one binding context for them all (bulk_create binds thousands at once).
void bind_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  std::span<void* const> objects);

// The members stored in a column of the model's table, in declaration order:
// the order SELECT lists use.
const std::vector<const MemberInfo*>& column_members(const ModelInfo& model);

// Sets every column member of `object` from row columns first_column.. (in
// column_members order) and binds its relation and reverse members to `db`
// (and to `peers`, when auto-prefetching). Throws UsageError naming the
// member when a value does not fit it.
void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const Row& row,
                 int first_column, void* object, const std::shared_ptr<PeerGroup>& peers = nullptr);
// The same for a query that loads only `columns` (members of `model`, in
// column_members order; only() / defer()): the other members keep their
// values.
void load_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                 const std::vector<const MemberInfo*>& columns, const Row& row, int first_column,
                 void* object, const std::shared_ptr<PeerGroup>& peers = nullptr);

// Sets the column member `m` of `object` from row column `column`: through
// the backend's typed read and the member's typed store (MemberInfo::
// set_int64 / set_real / set_text) when the column holds the kind the
// member's column type reads, else through Row::value() and `set`. Both give
// the same member value and the same errors.
void load_column(const MemberInfo& m, void* object, const Row& row, int column);

// The reverse relation the declared reverse member `member` of `model`
// mirrors (the relation of its target type that names it, or for a
// single-table child its parent's), or null: none names it, or it is no
// reverse member.
const ReverseRelation* mirrored_reverse(const ModelInfo& model, const MemberInfo& member);
// Fills model.member_reverse with mirrored_reverse() of each member, once
// the registry has listed every reverse relation (bind_object reads it).
void link_reverse_members(ModelInfo& model);

// Sets `columns` of `object` from row columns first_column.., binding
// nothing. Throws UsageError naming the member when a value does not fit it.
void set_columns(const ModelInfo& model, const std::vector<const MemberInfo*>& columns, const Row& row,
                 int first_column, void* object);

// How the typed row path reads `columns` (one entry each, in order): the
// typed read each member's column type and typed setter allow, else
// TypedColumn::Kind::Value. A model's own column list has its plan built
// once per thread (model_column_plan); a deferred subset builds one per
// query.
using ColumnPlan = std::vector<TypedColumn>;
ColumnPlan column_plan(const std::vector<const MemberInfo*>& columns);
const ColumnPlan& model_column_plan(const ModelInfo& model);

// Loads the objects of one result: each row through one reading plan built
// for the query, each object bound through one context (the database
// handle and the auto-prefetch peers taken once per result, not once per
// object). load() is load_object(); the same members, values, bindings and
// errors.
class ObjectLoader {
 public:
  ObjectLoader(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
               const std::vector<const MemberInfo*>& columns, std::shared_ptr<PeerGroup> peers = nullptr);
  ObjectLoader(const ObjectLoader&) = delete;
  ObjectLoader& operator=(const ObjectLoader&) = delete;

  void load(const Row& row, int first_column, void* object);

 private:
  std::shared_ptr<DatabaseState> db_;
  const ModelInfo* model_;
  const std::vector<const MemberInfo*>* columns_;
  ColumnPlan own_plan_;      // for a subset of the columns
  const ColumnPlan* plan_;   // own_plan_ or the model's
  BindContext context_;
};

}  // namespace covet::detail

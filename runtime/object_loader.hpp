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

}  // namespace covet::detail

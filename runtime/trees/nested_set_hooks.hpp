// Where the core writes (object_store.cpp, deletion/erase.cpp,
// bulk/update_fields.cpp, schema/schema_builder.cpp) hand a nested-set model
// (ModelInfo::tree == TreeKind::NestedSet) to runtime/trees/:
//
//  * db.create / db.save of a new node: placed as the last child of its
//    `parent`, or as the root of a new tree when it has none (mptt's rule);
//  * db.save / db.update of a saved node: never writes lft, rgt, tree_id,
//    level or parent from the object; a changed `parent` moves the node
//    (with its subtree) to the end of the new parent's children (mptt's rule);
//  * db.erase / QuerySet::erase: the whole subtree, through the collector,
//    then one UPDATE closes the gap;
//  * update() / bulk_update(): refuse the four bounds and `parent`;
//  * create_all: indexes on (tree_id, lft) and (tree_id, rgt).
#pragma once

#include "database_state.hpp"

#include <covet/deletion.hpp>
#include <covet/model_info.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace covet::detail {

// The INSERT of a row as object_store.cpp writes any model's (no tree logic).
void insert_plain_object(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);

// The pieces of insert_plain_object for a one-table model, so that a
// nested-set write can compute the tree columns in its own INSERT ... SELECT
// (nested_set_writes.cpp): what happens before the INSERT (a generated key,
// auto_now stamps), the columns it writes with their checked values (an
// unassigned automatic key left out; a single-table subclass's discriminator
// in, with no member), and what happens once the row has its key.
struct InsertColumn {
  const MemberInfo* member = nullptr;
  std::string column;
  Value value;
};
void prepare_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);
std::vector<InsertColumn> insert_columns(const ModelInfo& model, const void* object);
void finish_insert(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object, const Value& key);

// Whether `member` is one of the columns Covet maintains on a nested-set
// model: lft, rgt, tree_id, level, and the parent key that moves keep in step.
bool nested_set_maintained(const ModelInfo& model, const MemberInfo& member);
// The FieldError of update() / bulk_update() (`call`) naming such a member.
[[noreturn]] void throw_nested_set_field(const ModelInfo& model, const MemberInfo& member, std::string_view call);

// db.create of a nested-set node: places it by its parent, then inserts it.
void nested_set_create(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, void* object);
// db.save / db.update of a saved node: `write` runs the plain UPDATE (which
// skips the maintained columns); a changed parent moves the node first.
// `object` is updated with its new bounds when it is not null. Returns
// what `write` returns (false: the row is gone).
bool nested_set_update(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                       void* writable, const std::function<bool()>& write);
// The collector over a subtree's keys, in the caller's transaction scope;
// `closed`: a relation the keys are closed under (the model's own parent),
// which the collector need not follow, or null.
using NestedSetCollect = std::function<DeleteResult(const std::vector<Value>& keys, const MemberInfo* closed)>;
// db.erase of nodes: each node's subtree goes, then the gap closes. When
// other models' relations (or join rows) may hold the rows, the subtree's
// keys go through `collect`; otherwise the rows are deleted by their range.
DeleteResult nested_set_erase(DatabaseState& db, const ModelInfo& model, const std::vector<Value>& keys,
                              const NestedSetCollect& collect);
// The CREATE INDEX statements create_all runs for a nested-set model.
std::vector<std::string> nested_set_index_sql(Dialect dialect, const ModelInfo& model);

}  // namespace covet::detail

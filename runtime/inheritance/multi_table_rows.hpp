// The single-object writes of a model whose row spans several tables
// (inheritance/table_chain.hpp): create, update and save of a multi-table
// child, one statement per table, root first, in one transaction scope (a
// savepoint inside an outer one), so a failing statement leaves none of the
// row's tables written.
//
//   create(Employee{...})   BEGIN
//                           INSERT INTO "person" ("name", ...) VALUES (...) RETURNING "id"
//                           INSERT INTO "employee" ("person_ptr_id", "badge", ...) VALUES (?, ...)
//                           COMMIT
//   update(employee)        BEGIN; UPDATE "person" SET ... WHERE "id" = ?;
//                           UPDATE "employee" SET ... WHERE "person_ptr_id" = ?; COMMIT
//
// A table with no column to set is skipped. The object's keys, auto_now
// stamps and value checks are the caller's (object_store.cpp), as for any
// model.
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

// INSERTs the row of `object` into every table of its chain. The root
// table's INSERT returns the new key unless the object has one (an explicit
// key, a generated Uuid). Returns the key; the object is left as it is.
// Throws DataError (a value its column cannot hold: nothing is sent),
// IntegrityError subclasses naming the model of the table that refused.
Value insert_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object);

// UPDATEs each table of the chain that holds one of the columns to write
// (`only`: flags over model.columns, as a Partial's loaded fields; null:
// every column). Returns false, having written nothing, when the row is not
// there: its last table lacks it (whose key refers to every other table's).
bool update_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object,
                  const std::vector<bool>* only = nullptr);

// Django's save() of a child: each table's row is updated, or inserted with
// the object's key when that table lacks it (so a child whose own row was
// erased with keep_parents gets it back, under the same parent row).
void save_chain(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model, const void* object);

}  // namespace covet::detail

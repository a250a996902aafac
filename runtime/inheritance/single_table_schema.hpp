// The table of a single-table hierarchy, as create_all writes it: the
// root's table holds the discriminator column (TEXT NOT NULL, indexed) and
// every column of every model of the hierarchy. A subclass's own columns
// are nullable in the table, whatever the C++ type says, since the rows of
// the other models leave them NULL; loading such a NULL into a member that
// cannot hold it is a NullSubclassField (errors.hpp). A subclass's indexes,
// UNIQUE and foreign key constraints are the table's, once each; the
// subclasses themselves get no table.
//
//   CREATE TABLE "vehicle" ("id" ..., "make" VARCHAR(40) NOT NULL,  -- Vehicle
//                           "num_doors" INTEGER,                   -- Car
//                           "top_speed" INTEGER,                   -- SportsCar
//                           "vehicle_type" TEXT NOT NULL)
#pragma once

#include "inheritance/single_table.hpp"

#include <covet/model_info.hpp>

#include <vector>

namespace covet::detail {

// A column of a table, from the member of the model that declares it.
struct TableColumn {
  const MemberInfo* member = nullptr;
  bool nullable = false;  // NULL allowed in the table
};

// The columns of `model`'s table, in order: its own (ModelInfo::columns),
// then, for a single-table root, each descendant's own columns, parents
// before children, a column name shared by siblings once. A multi-table
// child's table holds the columns it declares, its parent link aside
// (inheritance/table_chain.hpp).
std::vector<TableColumn> table_columns(const ModelInfo& model);

// The models whose covet::unique_together constraints the table carries:
// `model` and, for a single-table root, its descendants (proxies aside).
std::vector<const ModelInfo*> table_models(const ModelInfo& model);

}  // namespace covet::detail

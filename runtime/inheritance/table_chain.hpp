// Which table holds which column of a model, after Django's multi-table
// inheritance: a multi-table child's row is split over its ancestors' tables
// and its own, each keyed by the same value.
//
//   Person   (table person:   "id" key, name, email)
//   Employee (table employee: "person_ptr_id" key -> person.id, badge, salary)
//   Manager  (table manager:  "employee_ptr_id" key -> employee.person_ptr_id, reports)
//
//   table_chain(Manager) == {{Person, "id", [name, email]},
//                            {Employee, "person_ptr_id", [badge, salary]},
//                            {Manager, "employee_ptr_id", [reports]}}
//
// A model's table holds the columns of the members it declares
// (MemberInfo::declared_by), keyed by its parent link ("<parent>_ptr_id",
// ModelInfo::parent_link) when it is a multi-table child, else by its primary
// key's column. A proxy or single-table child has no table of its own: its
// columns live in the table of the concrete model it stores its rows in
// (table_owner). Every other model has one table, and its chain one entry.
#pragma once

#include <covet/model_info.hpp>

#include <string>
#include <vector>

namespace covet::detail {

// The model whose table holds `model`'s rows: itself, or for a proxy or a
// single-table child, the nearest ancestor with a table of its own.
const ModelInfo& table_owner(const ModelInfo& model);

// The key column of table_owner(model)'s table: its parent link for a
// multi-table child, else the primary key's column.
const std::string& key_column(const ModelInfo& model);

// Whether a row of `model` spans several tables (it is, or is stored as, a
// multi-table child).
bool spans_tables(const ModelInfo& model);

// The model whose table holds the column of `member`, a member of `model`.
const ModelInfo& column_owner(const ModelInfo& model, const MemberInfo& member);

// One table of a model's row.
struct TablePart {
  const ModelInfo* model = nullptr;        // the table's model (table_owner of a chain link)
  const std::string* key = nullptr;        // its key column (key_column(*model))
  std::vector<const MemberInfo*> columns;  // the columns it holds, as members of the chained model,
                                           // primary key excluded, in declaration order
  // The positions of `columns` in the chained model's ModelInfo::columns.
  std::vector<std::size_t> positions;
};

// The tables of `model`'s rows, root first (one entry when it spans none).
std::vector<TablePart> table_chain(const ModelInfo& model);

}  // namespace covet::detail

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
#include <string_view>
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

// What queries ask (Django's parent links, Options.get_ancestor_link). A
// "level" is table_owner of a model of the chain; every level of one object
// holds the same key value (the root's primary key), so the primary key is
// read from the object's own level, and keys and joins into a child need no
// join to its ancestors.

// The level above a multi-table level (its parent's level); null for a
// level that is no multi-table child.
const ModelInfo* parent_level(const ModelInfo& level);

// The level whose table a query of `model` reads `member`'s column from:
// column_owner, except for the primary key, read from `model`'s own level.
const ModelInfo& column_level(const ModelInfo& model, const MemberInfo& member);

// The name of that column in that table (the parent link for the key).
const std::string& column_in_level(const ModelInfo& model, const MemberInfo& member);

// The multi-table child of `model` that lookups name `name`: Django's
// implicit reverse one-to-one of the parent link, named by the child's
// lower-case model name ("employee" on Person). Null when there is none.
const ModelInfo* child_named(const ModelInfo& model, std::string_view name);

// "employee, customer": the names child_named accepts on `model`.
std::string child_names(const ModelInfo& model);

// Whether `model` is `ancestor` or derives from it (through any strategy).
bool derives_from(const ModelInfo& model, const ModelInfo& ancestor);

// The reverse relation of `model` or of one of its concrete ancestors (a
// child reaches its parents' reverse sides, as in Django) whose accessor
// (by_accessor) or query name is `name`; null when none.
const ReverseRelation* inherited_reverse(const ModelInfo& model, std::string_view name, bool by_accessor);

}  // namespace covet::detail

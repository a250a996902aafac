// Where the rows and columns of a model live when models inherit from
// models: the one place queries ask "which table holds this column, and how
// is it joined" (Django's parent links, Options.get_ancestor_link).
//
//   Person                      inh_person    id, name
//   └── Employee : Person       inh_employee  person_ptr_id, department      (multi-table)
//       └── Manager : Employee  inh_manager   employee_ptr_id, reports       (multi-table)
//
// A model's "level" is the model whose table stores its rows at its own
// depth: itself, or, for a proxy or a single-table child, the nearest
// ancestor with a table of its own. A multi-table level's table is keyed by
// its parent link, a reference to the key of the level above; every level of
// one object holds the same key value (the root's primary key).
//
// A member's column is in the table of the level that declares it
// (MemberInfo::declared_by); the primary key, declared by the root, is read
// from the object's own level instead (its parent link holds the same value),
// so keys and joins into a child need no join to its ancestors.
#pragma once

#include <covet/model_info.hpp>

#include <string>
#include <string_view>

namespace covet::detail {

// The model whose table stores `model`'s rows at its own depth.
const ModelInfo& table_level(const ModelInfo& model);

// Whether `model`'s rows span several tables (a multi-table child, or a
// proxy or single-table child of one).
bool spans_tables(const ModelInfo& model);

// The level above a multi-table level (its parent's level); null for a
// level that is no multi-table child.
const ModelInfo* parent_level(const ModelInfo& level);

// The key column of a level's table: its parent link for a multi-table
// child, its primary key column otherwise.
const std::string& level_key_column(const ModelInfo& level);

// The level whose table holds `member`'s column for an object of `model`.
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

// DDL for the registered models; see schema_builder.cpp for the rules.
#pragma once

#include "database_state.hpp"

#include <covet/model_info.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

// Creates the tables of every registered model that are missing, with keys,
// constraints and foreign key indexes, in one transaction. Throws
// UsageError (require_models) when no model is registered.
void create_all(const std::shared_ptr<DatabaseState>& db);

// Throws UsageError naming the fix when `models` (the registry's) is empty:
// the program was linked without the plugin's generated metadata, the usual
// sign of a target never passed to covet_add_models(), and create_all()
// would otherwise succeed having created nothing.
void require_models(const std::vector<const ModelInfo*>& models);

// The CREATE TABLE statement of `model` (create_all runs it; white-box
// tests read it). Throws UsageError for a unique_together that names no
// column of the model's own table.
std::string create_table_sql(Dialect dialect, const ModelInfo& model);

// Drops the tables of every registered model, referencing tables first.
void drop_all(const std::shared_ptr<DatabaseState>& db);

}  // namespace covet::detail

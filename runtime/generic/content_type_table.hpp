// Covet's own table of content types, covet_content_type: one row per
// registered model that has rows (abstract models have none; proxies and
// single-table children get their own row, so that
// ContentType::for_model<T>(db, ConcreteModel::No) finds one), keyed by
// the model's content-type name (ModelInfo::content_type, "app_label.model",
// which the plugin emits):
//
//   covet_content_type (id <auto key>, app_label VARCHAR(100) NOT NULL,
//                       model VARCHAR(100) NOT NULL, UNIQUE (app_label, model))
//
// create_all creates it when missing and adds the rows of models that have
// none, in its transaction; rows are only ever added, so a model's id never
// changes across create_all runs (the ids generic references store stay
// valid). drop_all drops it. Reading it is the cache's job
// (content_type_cache.hpp); nothing here runs on a read path.
#pragma once

#include "backend/connection.hpp"
#include "query/lookups.hpp"  // ParamSink

#include <covet/model_info.hpp>

#include <string>
#include <vector>

namespace covet::detail {

inline constexpr const char* kContentTypeTable = "covet_content_type";

// The CREATE TABLE statement of the content-type table.
std::string create_content_type_table_sql(Dialect dialect);

// create_all's part: creates the table unless `table_exists`, then inserts
// the rows of the models of `models` with a content-type name that have
// none (read in one SELECT; inserted in multi-row INSERTs batched under the
// backend's parameter limit, ON CONFLICT DO NOTHING so that a concurrent
// create_all adding the same row is no error). Runs in the caller's
// transaction; throws what the connection throws.
void ensure_content_types(Connection& conn, bool table_exists, const std::vector<const ModelInfo*>& models);

// `column = <the id of content type "app_label.model">`, as SQL reading the
// table in the statement itself (a scalar subquery on its unique key): the
// joins and EXISTS of lookups through generic relations, which compile
// without a database at hand. Binds the two parts of `name` into `sink`.
std::string content_type_condition(ParamSink& sink, const std::string& column, const std::string& name);

// drop_all's part: DROP TABLE IF EXISTS (CASCADE on PostgreSQL, for the
// generic references that will refer to it).
std::string drop_content_type_table_sql(Dialect dialect);

}  // namespace covet::detail

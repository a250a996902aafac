#include "generic/content_type_table.hpp"

#include "sql/dialect.hpp"

#include <covet/detail/naming.hpp>

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>

namespace covet::detail {

namespace {

using Name = std::pair<std::string, std::string>;  // (app_label, model)

std::set<Name> existing_names(Connection& conn) {
  const Dialect d = conn.dialect();
  std::set<Name> names;
  conn.execute("SELECT " + quote_identifier(d, "app_label") + ", " + quote_identifier(d, "model") + " FROM " +
                   quote_identifier(d, kContentTypeTable),
               {}, [&](const Row& row) { names.emplace(row.value(0).as_text(), row.value(1).as_text()); });
  return names;
}

// The names of `models` that are not in `existing`, each once, in the
// registry's order (by model name): the order their ids are given in.
std::vector<Name> missing_names(const std::vector<const ModelInfo*>& models, const std::set<Name>& existing) {
  std::vector<Name> out;
  std::set<Name> seen = existing;
  for (const ModelInfo* model : models) {
    if (model->content_type.empty()) continue;  // metadata not written by the plugin: no name to key a row
    const naming::ContentTypeParts parts = naming::split_content_type(model->content_type);
    Name name{std::string(parts.app_label), std::string(parts.model)};
    if (seen.insert(name).second) out.push_back(std::move(name));
  }
  return out;
}

void insert_names(Connection& conn, const std::vector<Name>& names) {
  const Dialect d = conn.dialect();
  const std::size_t per_statement = std::max<std::size_t>(1, static_cast<std::size_t>(conn.max_params()) / 2);
  for (std::size_t from = 0; from < names.size(); from += per_statement) {
    const std::size_t to = std::min(names.size(), from + per_statement);
    std::string sql = "INSERT INTO " + quote_identifier(d, kContentTypeTable) + " (" +
                      quote_identifier(d, "app_label") + ", " + quote_identifier(d, "model") + ") VALUES ";
    std::vector<Value> params;
    params.reserve(2 * (to - from));
    for (std::size_t i = from; i < to; ++i) {
      sql += i == from ? "(" : ", (";
      params.emplace_back(names[i].first);
      sql += placeholder(d, static_cast<int>(params.size())) + ", ";
      params.emplace_back(names[i].second);
      sql += placeholder(d, static_cast<int>(params.size())) + ")";
    }
    conn.execute(sql + " ON CONFLICT DO NOTHING", params);
  }
}

}  // namespace

std::string create_content_type_table_sql(Dialect d) {
  const std::string varchar = " VARCHAR(" + std::to_string(naming::max_content_type_part_bytes) + ") NOT NULL";
  return "CREATE TABLE " + quote_identifier(d, kContentTypeTable) + " (" + quote_identifier(d, "id") + " " +
         auto_id_sql(d) + ", " + quote_identifier(d, "app_label") + varchar + ", " + quote_identifier(d, "model") +
         varchar + ", UNIQUE (" + quote_identifier(d, "app_label") + ", " + quote_identifier(d, "model") + "))";
}

void ensure_content_types(Connection& conn, bool table_exists, const std::vector<const ModelInfo*>& models) {
  if (!table_exists) conn.execute(create_content_type_table_sql(conn.dialect()), {});
  // A table just created is empty: no need to read it.
  const std::vector<Name> missing = missing_names(models, table_exists ? existing_names(conn) : std::set<Name>{});
  insert_names(conn, missing);
}

std::string drop_content_type_table_sql(Dialect d) {
  return "DROP TABLE IF EXISTS " + quote_identifier(d, kContentTypeTable) + (d == Dialect::PostgreSQL ? " CASCADE" : "");
}

std::string content_type_condition(ParamSink& sink, const std::string& column, const std::string& name) {
  const std::size_t dot = name.find('.');
  const std::string app_label = name.substr(0, dot);
  const std::string model = dot == std::string::npos ? std::string() : name.substr(dot + 1);
  const Dialect d = sink.dialect;
  std::string sql = column + " = (SELECT " + quote_identifier(d, "id") + " FROM " + quote_identifier(d, kContentTypeTable) +
                    " WHERE " + quote_identifier(d, "app_label") + " = " + sink.bind_constant(Value(app_label));
  return sql + " AND " + quote_identifier(d, "model") + " = " + sink.bind_constant(Value(model)) + ")";
}

}  // namespace covet::detail

// What differs between the SQL that SQLite and PostgreSQL accept, in one
// place: identifier quoting, parameter placeholders and column types. Every
// identifier in generated SQL goes through quote_identifier; every value
// through a placeholder.
#pragma once

#include "backend/connection.hpp"

#include <covet/model_info.hpp>

#include <string>
#include <string_view>

namespace covet::detail {

// "name" with embedded double quotes doubled; valid in both dialects.
std::string quote_identifier(Dialect dialect, std::string_view name);

// The placeholder for the index-th (from 1) parameter: "?" or "$index".
std::string placeholder(Dialect dialect, int index);

// The SQL column type of a member, e.g. "BIGINT", "VARCHAR(100)", "TIMESTAMP".
std::string column_type_sql(Dialect dialect, const MemberInfo& member);

// The primary key column definition: SQLite's rowid alias or PostgreSQL's
// identity column.
std::string auto_id_sql(Dialect dialect);

// The definition of the primary key column `key`: auto_id_sql for a
// covet::Id, else its type, NOT NULL PRIMARY KEY (a covet::Uuid key).
std::string primary_key_sql(Dialect dialect, const MemberInfo& key);

// The SQLite collation of decimal columns: numeric order of decimal text.
inline constexpr const char* kDecimalCollation = "covet_decimal";

}  // namespace covet::detail

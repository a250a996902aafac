#include "prefetch/key_restriction.hpp"

#include "database_state.hpp"
#include "generic/content_type_table.hpp"
#include "query/lookups.hpp"
#include "sql/list_parameter.hpp"

#include <algorithm>
#include <bit>

namespace covet::detail {

namespace {

bool is_integer_type(ColumnType t) {
  return t == ColumnType::AutoId || t == ColumnType::SmallInt || t == ColumnType::Integer ||
         t == ColumnType::BigInt;
}

}  // namespace

KeyRestrictionSql compile_key_restriction(CompileContext& ctx, SqlScope& scope, const KeyRestriction& r) {
  KeyRestrictionSql out;
  if (!r.join_table.empty()) {
    const std::string related_key =
        scope.column(scope.root(), r.join_related_key ? *r.join_related_key : *scope.model().primary_key);
    std::string alias = ctx.quote(ctx.new_alias());
    out.join = " INNER JOIN " + ctx.quote(r.join_table) + " AS " + alias + " ON " + alias + "." +
               ctx.quote(r.join_model_column) + " = " + related_key;
    out.key = alias + "." + ctx.quote(r.key_column);
  } else {
    out.key = scope.column(scope.root(), *r.key_member);
  }
  ParamSink sink = ctx.sink();
  // A generic relation's owner content type, bound before the keys (the
  // text order: it comes first in the condition).
  std::string generic;
  if (r.content_type_member)
    generic = content_type_condition(sink, scope.column(scope.root(), *r.content_type_member), r.content_type_name) +
              " AND ";

  const bool all_integers =
      std::all_of(r.keys.begin(), r.keys.end(), [](const Value& v) { return v.is_integer(); });
  const bool all_text = std::all_of(r.keys.begin(), r.keys.end(), [](const Value& v) { return v.is_text(); });
  const bool all_uuids = std::all_of(r.keys.begin(), r.keys.end(), [](const Value& v) { return v.is_uuid(); });
  if (ctx.dialect == Dialect::PostgreSQL && ((is_integer_type(r.key_type) && all_integers) ||
                                             (r.key_type == ColumnType::Text && all_text) ||
                                             (r.key_type == ColumnType::Uuid && all_uuids))) {
    out.condition = generic + list_parameter_condition(ctx.dialect, out.key, r.key_type,
                                                       sink.bind(Value(pg_array_literal(r.keys))));
    return out;
  }
  // SQLite (or a key type without an array cast): an IN list padded to a
  // power of two, so its length takes few distinct values.
  std::size_t padded = r.keys.empty() ? 1 : std::bit_ceil(r.keys.size());
  out.condition = generic + out.key + " IN (";
  for (std::size_t i = 0; i < padded; ++i) {
    if (i) out.condition += ", ";
    out.condition += sink.bind(i < r.keys.size() ? r.keys[i] : r.keys.empty() ? Value() : r.keys.back());
  }
  out.condition += ")";
  return out;
}

std::size_t keys_per_statement(const DatabaseState& db, ColumnType key_type, std::size_t other_params) {
  if (db.dialect == Dialect::PostgreSQL &&
      (is_integer_type(key_type) || key_type == ColumnType::Text || key_type == ColumnType::Uuid))
    return std::size_t{1} << 20;
  const int limit = db.connection->max_params();
  const std::size_t max = limit > 0 ? static_cast<std::size_t>(limit) : 999;
  std::size_t room = max > other_params ? max - other_params : 1;
  // Padding rounds up to a power of two: keep the padded list within room,
  // and within 16384 keys, so a statement stays a reasonable size where the
  // limit is very high (Debian's SQLite allows 250,000 parameters).
  return std::clamp<std::size_t>(std::bit_floor(room), 1, 16384);
}

}  // namespace covet::detail

#include "prefetch/key_restriction.hpp"

#include "database_state.hpp"
#include "query/lookups.hpp"

#include <algorithm>
#include <bit>

namespace covet::detail {

namespace {

bool is_integer_type(ColumnType t) {
  return t == ColumnType::AutoId || t == ColumnType::SmallInt || t == ColumnType::Integer ||
         t == ColumnType::BigInt;
}

// The PostgreSQL array type a list of keys of `type` is sent as ("bigint"
// for "= ANY($1::bigint[])"), and the Value kind every key must have for it;
// null for key types sent as an IN list.
struct ArrayType {
  const char* name;
  Value::Kind kind;
};
const ArrayType* array_type(ColumnType t) {
  static constexpr ArrayType kBigint{"bigint", Value::Kind::Integer};
  static constexpr ArrayType kText{"text", Value::Kind::Text};
  static constexpr ArrayType kUuid{"uuid", Value::Kind::Uuid};
  if (is_integer_type(t)) return &kBigint;
  if (t == ColumnType::Text) return &kText;
  if (t == ColumnType::Uuid) return &kUuid;
  return nullptr;
}

// A PostgreSQL array literal: {1,2,3}, {"a","b\"c"} or {"a1b2...","..."}.
std::string array_literal(const std::vector<Value>& keys) {
  std::string out = "{";
  for (const Value& k : keys) {
    if (out.size() > 1) out += ',';
    if (k.is_integer()) {
      out += std::to_string(k.as_integer());
      continue;
    }
    const std::string text = k.is_uuid() ? k.as_uuid().to_string() : k.as_text();
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace

KeyRestrictionSql compile_key_restriction(CompileContext& ctx, const SqlScope& scope,
                                          const KeyRestriction& r) {
  KeyRestrictionSql out;
  std::string owner_alias = scope.alias();
  if (!r.join_table.empty()) {
    std::string alias = ctx.quote(ctx.new_alias());
    out.join = " INNER JOIN " + ctx.quote(r.join_table) + " AS " + alias + " ON " + alias + "." +
               ctx.quote(r.join_model_column) + " = " + owner_alias + "." +
               ctx.quote(r.join_related_key.empty() ? scope.model().primary_key->column : r.join_related_key);
    owner_alias = alias;
  }
  out.key = owner_alias + "." + ctx.quote(r.key_column);
  ParamSink sink{ctx.dialect, &ctx.params};

  const ArrayType* array = ctx.dialect == Dialect::PostgreSQL ? array_type(r.key_type) : nullptr;
  if (array && std::all_of(r.keys.begin(), r.keys.end(), [&](const Value& v) { return v.kind() == array->kind; })) {
    out.condition = out.key + " = ANY(" + sink.bind(Value(array_literal(r.keys))) + "::" + array->name + "[])";
    return out;
  }
  // SQLite (or a key type without an array cast): an IN list padded to a
  // power of two, so its length takes few distinct values.
  std::size_t padded = r.keys.empty() ? 1 : std::bit_ceil(r.keys.size());
  out.condition = out.key + " IN (";
  for (std::size_t i = 0; i < padded; ++i) {
    if (i) out.condition += ", ";
    out.condition += sink.bind(i < r.keys.size() ? r.keys[i] : r.keys.empty() ? Value() : r.keys.back());
  }
  out.condition += ")";
  return out;
}

std::size_t keys_per_statement(const DatabaseState& db, ColumnType key_type, std::size_t other_params) {
  if (db.dialect == Dialect::PostgreSQL && array_type(key_type))
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

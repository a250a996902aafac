// The condition a prefetch query adds to the related model's query: the rows
// related to one batch of owner keys, each carrying the key it matched as one
// more selected column (the last), so the engine can hand it to its owner.
//
//   reverse FK   ... WHERE "t0"."author_id" IN (?, ?, ...)         key: "t0"."author_id"
//   forward FK   ... WHERE "t0"."id" IN (...)                       key: "t0"."id"
//   many-to-many ... INNER JOIN "post_tags" AS "k" ON "k"."tag_id" = "t0"."id"
//                    WHERE "k"."post_id" IN (...)                   key: "k"."post_id"
//
// The key list never makes a statement of its own length: SQLite gets an IN
// list padded (with the last key repeated) to a power of two, so a handful
// of statement shapes serve every list size and stay in the prepared-
// statement cache; PostgreSQL gets one array parameter, "= ANY($1::bigint[])"
// (text[] for text keys, uuid[] for UUID keys; other key types get the IN list).
#pragma once

#include "database_state.hpp"
#include "query/sql_scope.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace covet::detail {

struct KeyRestriction {
  std::string join_table;         // empty: key_member's column is compared with the keys
  std::string join_model_column;  // join table column referring to the model's rows
  const MemberInfo* join_related_key = nullptr;  // the model's member it refers to (its pk, or a to_field)
  std::string key_column;         // join table: its column compared with the keys
  const MemberInfo* key_member = nullptr;  // no join table: the model's member compared with the keys
  ColumnType key_type = ColumnType::BigInt;
  std::vector<Value> keys;        // one batch, distinct, none NULL
  // A generic relation's rows (covet::GenericRelation): they also hold the
  // owner's content type, named `content_type_name`, in this member.
  const MemberInfo* content_type_member = nullptr;
  std::string content_type_name;
};

struct KeyRestrictionSql {
  std::string join;       // " INNER JOIN ..." or empty
  std::string key;        // the qualified key column, selected last
  std::string condition;  // "<key> IN (...)" / "<key> = ANY($n::bigint[])"
};

// Binds the keys into ctx.params (call before the WHERE clause's conditions).
KeyRestrictionSql compile_key_restriction(CompileContext& ctx, SqlScope& scope, const KeyRestriction& restriction);

// How many keys of `key_type` one prefetch statement may carry on `db`
// (PostgreSQL, integer, text or UUID keys: any number, in one array; otherwise the
// parameter limit less `other_params`, rounded down to a power of two,
// at most 16384).
std::size_t keys_per_statement(const DatabaseState& db, ColumnType key_type, std::size_t other_params);

}  // namespace covet::detail

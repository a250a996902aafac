// covet::GenericRelation's run-time half (covet/generic_relation.hpp): the
// rows of T pointing at one owner are those whose content-type member holds
// the owner's content type and whose object-id member holds its key.
//
//   all / filter   SELECT ... FROM t WHERE "content_type" = ? AND "object_id" = ? ...
//   create         both members set, then the ordinary INSERT
//   add            UPDATE t SET "content_type" = ?, "object_id" = ? WHERE pk IN (...),
//                  batched under the parameter limit, in one transaction
#include "backend/connection.hpp"
#include "database_state.hpp"
#include "generic/content_type_lookup.hpp"
#include "inheritance/table_chain.hpp"
#include "relations/key_batches.hpp"
#include "sql/dialect.hpp"

#include <covet/atomic.hpp>
#include <covet/errors.hpp>
#include <covet/generic_relation.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

namespace {

std::string describe(const GenericOwner& owner) {
  return (owner.owner_model ? owner.owner_model->name + "." : std::string()) +
         (owner.member ? owner.member->name : std::string("GenericRelation"));
}

}  // namespace

void require_bound_generic(const GenericOwner& owner, const std::type_info& related) {
  if (owner.member != nullptr && !owner.owner_key.is_null()) return;
  const std::string name = is_registered(related) ? lookup_model(related).name : std::string(related.name());
  if (owner.member == nullptr)
    throw UsageError("this GenericRelation<" + name +
                         "> is not bound to a database: use it on an object loaded or created through a Database",
                     name);
  throw UsageError(describe(owner) + ": the " + owner.owner_model->name +
                       " has no key: save it before using its generic " + name + " objects",
                   owner.owner_model->name);
}

Q generic_owner_filter(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner) {
  const GenericInfo& g = *owner.member->generic;
  const ContentType type = content_type_for_model(*db, *owner.owner_model);
  return Q(g.content_type_member->name, Value(type.id())) & Q(g.object_id_member->name, owner.owner_key);
}

void generic_point_at_owner(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner, void* object) {
  const GenericInfo& g = *owner.member->generic;
  const ContentType type = content_type_for_model(*db, *owner.owner_model);
  g.content_type_member->set(object, Value(type.id()));
  try {
    g.object_id_member->set(object, owner.owner_key);
  } catch (const Error& e) {
    throw UsageError(describe(owner) + ": " + g.related->name + "." + g.object_id_member->name +
                         " cannot hold the key of " + owner.owner_model->name + " (" + e.what() + ")",
                     g.related->name);
  }
}

void generic_add(const std::shared_ptr<DatabaseState>& db, const GenericOwner& owner, const std::vector<Value>& keys) {
  if (keys.empty()) return;
  const GenericInfo& g = *owner.member->generic;
  // The table holding the two columns: the related model's, or the
  // multi-table ancestor's that declares them.
  const ModelInfo& holder = g.content_type_member->declared_by ? *g.content_type_member->declared_by : *g.related;
  const ContentType type = content_type_for_model(*db, *owner.owner_model);
  const Dialect d = db->dialect;
  const std::vector<Value> distinct = distinct_keys(keys, *g.related, describe(owner) + ".add()");
  const std::size_t per_batch = rows_per_statement(*db, 1, 2);
  std::optional<Atomic> scope;
  if (distinct.size() > per_batch) scope.emplace(db);
  for (std::size_t begin = 0; begin < distinct.size(); begin += per_batch) {
    const std::size_t end = std::min(distinct.size(), begin + per_batch);
    std::vector<Value> params{Value(type.id()), owner.owner_key};
    std::string sql = "UPDATE " + quote_identifier(d, holder.table) + " SET " +
                      quote_identifier(d, g.content_type_member->column) + " = " + placeholder(d, 1) + ", " +
                      quote_identifier(d, g.object_id_member->column) + " = " + placeholder(d, 2) + " WHERE " +
                      quote_identifier(d, key_column(holder)) + " IN (";
    for (std::size_t i = begin; i < end; ++i) {
      params.push_back(distinct[i]);
      sql += (i == begin ? "" : ", ") + placeholder(d, static_cast<int>(params.size()));
    }
    try {
      db->connection->execute(sql + ")", params, {});
    } catch (Error& e) {
      e.set_model(g.related->name);
      throw;
    }
  }
  if (scope) scope->commit();
}

}  // namespace covet::detail

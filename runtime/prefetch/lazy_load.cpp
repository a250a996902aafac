// Lazy loads of relations, and the two modes that change them (see
// covet/detail/lazy_load.hpp and covet/loading.hpp): strict loading refuses
// them, auto-prefetch answers them for a whole result at once.
#include "database_state.hpp"
#include "object_loader.hpp"
#include "prefetch/peer_group.hpp"
#include "query/query_state.hpp"
#include "relations/join_table.hpp"

#include <covet/detail/lazy_load.hpp>
#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/query_set.hpp>
#include <covet/ref.hpp>

#include <string>

namespace covet::detail {

namespace {

// "Book.author" / "Author.books (the reverse of Book.author)".
std::string describe(const LazyLoad& load, const ModelInfo* owner) {
  const MemberInfo& m = *load.relation;
  if (m.kind == MemberKind::GenericRelation)
    return (m.declared_by ? m.declared_by->name + "." : std::string()) + m.name;
  if (!load.reverse) return (owner ? owner->name + "." : std::string()) + m.name;
  for (const ReverseRelation& r : m.relation->target->reverse)
    if (r.member == &m) return m.relation->target->name + "." + r.accessor + " (the reverse of " +
                               r.source->name + "." + m.name + ")";
  return "the reverse of " + m.name;
}

// Where the prefetch of a relation starts from: the name prefetch_related
// takes for it.
std::string prefetch_name(const LazyLoad& load) {
  const MemberInfo& m = *load.relation;
  if (m.kind == MemberKind::GenericRelation) return m.name;
  if (!load.reverse) return m.name;
  for (const ReverseRelation& r : m.relation->target->reverse)
    if (r.member == &m) return r.accessor;
  // The reverse side of a many-to-many read from its target.
  return m.name;
}

[[noreturn]] void refuse(const LazyLoad& load, const std::string& sql, const ModelInfo& owner_or_target,
                         bool single) {
  const ModelInfo* owner = load.reverse ? nullptr : &declaring_model(*load.relation);
  std::string name = describe(load, owner);
  std::string fix = single && !load.reverse
                        ? "select_related(\"" + prefetch_name(load) + "\") or prefetch_related(\"" +
                              prefetch_name(load) + "\")"
                        : "prefetch_related(\"" + prefetch_name(load) + "\")";
  throw UsageError("strict loading: " + name + " was not loaded and would run a query of its own: " + sql +
                       " -- load it with " + fix + " on the query that loaded the " +
                       (owner ? owner->name : std::string("owner")) + " objects",
                   owner_or_target.name);
}

}  // namespace

std::shared_ptr<void> lazy_rows(const LazyLoad& load, const QueryCore& query) {
  const auto& db = QueryCoreAccess::database(query);
  switch (db->loading) {
    case Loading::Lazy:
      return nullptr;
    case Loading::Strict:
      refuse(load, query.to_sql(), query.model(), false);
    case Loading::AutoPrefetch:
      if (!load.peers) return nullptr;
      return load.peers->rows_for(db, load);
  }
  return nullptr;
}

std::shared_ptr<const void> lazy_object(const std::weak_ptr<DatabaseState>& weak, const LazyLoad& load,
                                        const ModelInfo& target) {
  if (!load.relation) {
    // A Ref that names no relation (made by hand, Ref<Author>(7)): loaded
    // by primary key if it was ever bound; lock_database throws if not.
    std::shared_ptr<DatabaseState> db = lock_database(weak, "Ref<" + target.name + ">");
    std::shared_ptr<void> object = target.make();
    load_related(db, target, nullptr, load.owner_key, object.get());
    return object;
  }
  const MemberInfo& m = *load.relation;
  const std::string what =
      load.reverse ? "ReverseOne<" + target.name + "> for " + m.name : m.name + " (a Ref<" + target.name + ">)";
  std::shared_ptr<DatabaseState> db = lock_database(weak, what);

  // The member of `target` the key matches: a Ref matches the target's key
  // (or to_field); a reverse one-to-one matches the relation itself.
  std::string lookup = load.reverse ? m.name
                                    : (m.relation->to_field.empty() ? std::string("pk") : m.relation->to_field);
  if (db->loading == Loading::Strict) {
    QueryCore query = QueryCore(db, target).filtered(Q(lookup, load.owner_key), false);
    refuse(load, query.to_sql(), target, true);
  }
  if (db->loading == Loading::AutoPrefetch && load.peers)
    if (auto found = load.peers->object_for(db, load)) return *found;

  std::shared_ptr<void> object = target.make();
  if (!load.reverse) {
    load_related(db, target, &m, load.owner_key, object.get());
    return object;
  }
  QueryCore query = QueryCore(db, target).filtered(Q(lookup, load.owner_key), false);
  if (!query.first(object.get())) return nullptr;
  return object;
}

}  // namespace covet::detail

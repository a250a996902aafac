#include "prefetch/peer_group.hpp"

#include "generic/content_type_cache.hpp"
#include "prefetch/generic_prefetch.hpp"
#include "prefetch/relation_step.hpp"

#include <covet/errors.hpp>

#include <unordered_set>

namespace covet::detail {

void PeerGroup::add(const void* object) {
  std::vector<Value> values;
  values.reserve(model_->columns.size());
  for (const MemberInfo* m : model_->columns) values.push_back(m->get(object));
  peers_.push_back(std::move(values));
}

std::size_t PeerGroup::column_of(const MemberInfo& member) const {
  std::size_t column = 0;
  while (column < model_->columns.size() && model_->columns[column] != &member) ++column;
  return column;
}

std::vector<Value> PeerGroup::peer_values(const MemberInfo& member) const {
  const std::size_t column = column_of(member);
  std::vector<Value> out;
  if (column == model_->columns.size()) return out;
  std::unordered_set<Value, ValueHash> seen;
  for (const std::vector<Value>& peer : peers_) {
    const Value& v = peer[column];
    if (!v.is_null() && seen.insert(v).second) out.push_back(v);
  }
  return out;
}

PeerGroup::Loaded& PeerGroup::load(const std::shared_ptr<DatabaseState>& db, const LazyLoad& lazy) {
  const Key key{lazy.relation, lazy.reverse};
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
  // A GenericRelation is no relation of a key column: its step is resolved
  // by name on the peers' model.
  RelationStep step = lazy.relation->kind == MemberKind::GenericRelation ? resolve_step(*model_, lazy.relation->name)
                                                                          : step_of(*lazy.relation, lazy.reverse);
  Loaded& out = loaded_[key];
  std::vector<Value> keys = peer_values(*step.owner_key);
  const ModelInfo& related = *step.related;
  if (step.single) {
    load_related_rows(db, step, keys, nullptr, [&](const Value& k) -> void* {
      std::shared_ptr<void>& slot = out.rows[k];
      if (slot) return nullptr;
      slot = related.make();
      return slot.get();
    });
    // Known absent: an empty entry.
    for (const Value& k : keys) out.rows.try_emplace(k, nullptr);
  } else {
    for (const Value& k : keys) out.rows[k] = related.make_list();
    load_related_rows(db, step, keys, nullptr, [&](const Value& k) -> void* {
      auto it = out.rows.find(k);
      return it == out.rows.end() ? nullptr : related.list_emplace(it->second.get());
    });
  }
  return out;
}

std::shared_ptr<void> PeerGroup::rows_for(const std::shared_ptr<DatabaseState>& db, const LazyLoad& lazy) {
  Loaded& loaded = load(db, lazy);
  auto it = loaded.rows.find(lazy.owner_key);
  if (it != loaded.rows.end()) return it->second;
  // Not one of the peers' keys (the owner was saved since): an empty result
  // would be a guess, so let the caller query.
  return nullptr;
}

std::optional<std::shared_ptr<const void>> PeerGroup::object_for(const std::shared_ptr<DatabaseState>& db,
                                                                  const LazyLoad& lazy) {
  Loaded& loaded = load(db, lazy);
  auto it = loaded.rows.find(lazy.owner_key);
  if (it == loaded.rows.end() || (!it->second && !lazy.reverse)) return std::nullopt;
  return std::shared_ptr<const void>(it->second);
}

std::optional<std::shared_ptr<const void>> PeerGroup::generic_object_for(const std::shared_ptr<DatabaseState>& db,
                                                                         const MemberInfo& generic_ref,
                                                                         std::int64_t content_type, const Value& key) {
  auto [entry, first_use] = generic_loaded_.try_emplace(&generic_ref);
  GenericObjects& objects = entry->second;
  if (first_use) {
    const GenericInfo& g = *generic_ref.generic;
    const std::size_t type_column = column_of(*g.content_type_member);
    const std::size_t key_column = column_of(*g.object_id_member);
    if (type_column == model_->columns.size() || key_column == model_->columns.size()) return std::nullopt;
    // Each content type's distinct keys, in first-seen order.
    std::map<std::int64_t, std::vector<Value>> keys;
    std::map<std::int64_t, std::unordered_set<Value, ValueHash>> seen;
    for (const std::vector<Value>& peer : peers_) {
      const Value& type = peer[type_column];
      const Value& k = peer[key_column];
      if (!type.is_integer() || k.is_null()) continue;
      if (seen[type.as_integer()].insert(k).second) keys[type.as_integer()].push_back(k);
    }
    const std::shared_ptr<const ContentTypeCache> types = content_types(*db);
    for (const auto& [type_id, type_keys] : keys) {
      const ContentTypeRow* row = types->by_id(type_id);
      if (row == nullptr || row->model_info == nullptr) continue;  // reading the reference reports it
      auto& found = objects[type_id];
      load_objects_by_key(db, *model_, generic_ref, *row->model_info, type_keys, nullptr, found);
      for (const Value& k : type_keys) found.try_emplace(k, nullptr);  // known absent
    }
  }
  auto type = objects.find(content_type);
  if (type == objects.end()) return std::nullopt;
  auto object = type->second.find(key);
  if (object == type->second.end()) return std::nullopt;
  return std::shared_ptr<const void>(object->second);
}

}  // namespace covet::detail

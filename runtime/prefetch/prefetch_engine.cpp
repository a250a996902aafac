#include "prefetch/prefetch_engine.hpp"

#include "prefetch/generic_prefetch.hpp"
#include "prefetch/key_map.hpp"
#include "prefetch/related_rows.hpp"
#include "prefetch/relation_step.hpp"
#include "query/lookup_limits.hpp"
#include "query/query_state.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/query_set.hpp>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace covet::detail {

namespace {

std::vector<std::string> split_lookup(const std::string& lookup) {
  std::vector<std::string> steps;
  std::string_view rest = lookup;
  while (true) {
    std::size_t at = rest.find("__");
    steps.emplace_back(rest.substr(0, at));
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + 2);
  }
  return steps;
}

// The objects of one level: the owners of the next step.
struct Level {
  const ModelInfo* model = nullptr;
  std::vector<void*> objects;
};

// Owners grouped by the key their related rows match, keys in first-seen order.
struct OwnersByKey {
  std::vector<Value> keys;
  KeyMap<std::vector<void*>> owners;
};

OwnersByKey group_owners(const RelationStep& step, const std::vector<void*>& objects) {
  OwnersByKey out;
  out.owners.reserve(objects.size());
  for (void* object : objects) {
    Value key = step.owner_key->get(object);
    if (key.is_null()) continue;  // a null key, or an unsaved owner: nothing related
    auto [owners, inserted] = out.owners.try_emplace(key);
    if (inserted) out.keys.push_back(key);
    owners->push_back(object);
  }
  return out;
}

// One step, single-valued, into the owners' Ref / ReverseOne members.
Level load_single(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                  const std::vector<void*>& objects, const QueryState* custom) {
  OwnersByKey grouped = group_owners(step, objects);
  KeyMap<std::shared_ptr<void>> loaded;
  loaded.reserve(grouped.keys.size());
  load_related_rows(db, step, grouped.keys, custom, [&](const Value& key) -> void* {
    std::shared_ptr<void>& slot = loaded[key];
    if (slot) return nullptr;  // a second row for one key: the first wins
    slot = step.related->make();
    return slot.get();
  });
  Level next{step.related, {}};
  next.objects.reserve(loaded.size());
  for (const Value& key : grouped.keys) {
    std::shared_ptr<void>* found = loaded.find(key);
    std::shared_ptr<const void> object = found ? *found : nullptr;
    // A forward Ref whose row is missing stays unloaded (get() then reports
    // DoesNotExist); a reverse one-to-one records that there is none.
    if (!object && !step.reverse) continue;
    for (void* owner : grouped.owners[key]) step.slot->store_object(owner, object);
    if (object) next.objects.push_back(found->get());
  }
  // Owners with a null key hold nothing; a reverse one-to-one says so.
  if (step.reverse)
    for (void* owner : objects)
      if (step.owner_key->get(owner).is_null()) step.slot->store_object(owner, nullptr);
  return next;
}

// A forward foreign key or one-to-one step, reusing what select_related (or
// an earlier load) already put in the owners' Refs, as Django does for a
// fetched descriptor: only owners whose Ref holds a key and no object are
// queried (none: no query). A loaded object is shared, immutable, by the
// copies of its Ref, and the next level writes into the objects of this one
// (their Refs and caches), so each is replaced by a private copy first
// (owners that shared one share its copy).
Level load_forward(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                   const std::vector<void*>& objects, const QueryState* custom) {
  const ModelInfo& related = *step.related;
  Level next{&related, {}};
  std::vector<void*> missing;
  std::unordered_map<const void*, std::shared_ptr<void>> copies;
  for (void* owner : objects) {
    const void* cached = step.slot->cached_target(owner);
    if (!cached) {
      if (!step.owner_key->get(owner).is_null()) missing.push_back(owner);
      continue;
    }
    std::shared_ptr<void>& copy = copies[cached];
    if (!copy) {
      copy = related.make();
      related.copy(copy.get(), cached);
      next.objects.push_back(copy.get());
    }
    step.slot->store_object(owner, copy);
  }
  if (!missing.empty()) {
    Level loaded = load_single(db, step, missing, custom);
    next.objects.insert(next.objects.end(), loaded.objects.begin(), loaded.objects.end());
  }
  return next;
}

// One step into lists: a RefSet / ReverseSet member's cache, or a to_attr.
Level load_many(const std::shared_ptr<DatabaseState>& db, const RelationStep& step,
                const std::vector<void*>& objects, const QueryState* custom, const PrefetchTarget* to_attr) {
  const ModelInfo& related = *step.related;
  OwnersByKey grouped = group_owners(step, objects);
  // Every owner gets a fresh list, even one with no related rows.
  KeyMap<std::vector<void*>> lists;
  lists.reserve(grouped.keys.size());
  for (void* object : objects) {
    void* list = to_attr ? to_attr->open(object) : step.slot->open_cache(object);
    Value key = step.owner_key->get(object);
    if (!key.is_null()) lists[key].push_back(list);
  }
  // A row matching several owners loads into the first one's list and is
  // copied to the others once the query is done (lists grow while it runs).
  struct Copy {
    std::vector<void*>* lists;
    std::size_t index;
  };
  std::vector<Copy> copies;
  load_related_rows(db, step, grouped.keys, custom, [&](const Value& key) -> void* {
    std::vector<void*>* found = lists.find(key);
    if (!found) return nullptr;
    void* first = found->front();
    if (found->size() > 1) copies.push_back(Copy{found, related.list_size(first)});
    return related.list_emplace(first);
  });
  for (const Copy& c : copies)
    for (std::size_t i = 1; i < c.lists->size(); ++i)
      related.copy(related.list_emplace((*c.lists)[i]), related.list_at(c.lists->front(), c.index));

  Level next{&related, {}};
  lists.for_each([&](const std::vector<void*>& owner_lists) {
    for (void* list : owner_lists)
      for (std::size_t i = 0, n = related.list_size(list); i < n; ++i) next.objects.push_back(related.list_at(list, i));
  });
  return next;
}

struct Resolved {
  std::vector<RelationStep> steps;
};

Resolved resolve_lookup(const ModelInfo& model, const Prefetch& p) {
  Resolved out;
  const ModelInfo* at = &model;
  const std::vector<std::string> names = split_lookup(p.lookup());
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty())
      throw FieldError("Invalid prefetch lookup '" + p.lookup() + "' on " + model.name +
                           ": empty step (lookups look like \"books\" or \"books__tags\")",
                       model.name);
    RelationStep step = resolve_step(*at, names[i]);
    const bool last = i + 1 == names.size();
    if (step.generic_ref) {
      if (!last)
        throw FieldError("Cannot prefetch '" + p.lookup() + "': " + step.describe +
                             " is a generic reference, whose objects are of several models, so no lookup goes on "
                             "past it; prefetch what each model's objects relate to with covet::GenericPrefetch(\"" +
                             names[i] + "\", db.objects<Model>().prefetch_related(...), ...)",
                         model.name);
      if (p.queryset_model() || p.to_attr())
        throw UsageError("Prefetch('" + p.lookup() + "'): " + step.describe +
                             " is a generic reference, whose objects are of several models: it takes no single "
                             "query set nor to_attr; give a query set per model with covet::GenericPrefetch(\"" +
                             p.lookup() + "\", db.objects<Model>()...)",
                         model.name);
      validate_generic_querysets(step, p.lookup(), p.model_querysets());
      out.steps.push_back(std::move(step));
      return out;
    }
    if (last && !p.model_querysets().empty())
      throw UsageError("GenericPrefetch('" + p.lookup() + "'): " + step.describe +
                           " is not a generic reference (covet::GenericRef); prefetch it with covet::Prefetch",
                       model.name);
    if (!step.slot && !(last && p.to_attr()))
      throw UsageError("Cannot prefetch '" + p.lookup() + "': " + at->name + " has no member for " +
                           step.describe + " to hold the prefetched " + step.related->name +
                           " objects. Declare `covet::" + (step.single ? "ReverseOne<" : "ReverseSet<") +
                           step.related->name + "> " + step.name + ";` in " + at->name +
                           ", or prefetch into a covet::Prefetched<" + step.related->name +
                           "> member with covet::Prefetch(\"" + p.lookup() + "\", &" + at->name +
                           "::member)",
                       at->name);
    at = step.related;
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace

void validate_prefetch(const ModelInfo& model, const std::vector<Prefetch>& lookups) {
  for (const Prefetch& p : lookups) {
    // Before any work (covet/limits.hpp): prefetch_related and Database::prefetch.
    check_lookup_limits(model, p.lookup(), "prefetch_related");
    Resolved r = resolve_lookup(model, p);
    const RelationStep& last = r.steps.back();
    if (p.queryset_model()) {
      if (p.queryset_model() != last.related)
        throw UsageError("Prefetch('" + p.lookup() + "'): the query set is of " + p.queryset_model()->name +
                             " but the lookup loads " + last.related->name + " objects",
                         model.name);
      if (p.queryset() && p.queryset()->is_sliced())
        throw UsageError("Prefetch('" + p.lookup() + "'): a sliced query set cannot select prefetched rows "
                             "(the slice would apply to all owners together); filter it instead",
                         model.name);
    }
    if (const PrefetchTarget* t = p.to_attr()) {
      if (*t->owner != last.owner->type)
        throw UsageError("Prefetch('" + p.lookup() + "'): its to_attr member belongs to another model, not " +
                             last.owner->name + " (the model the last step starts from)",
                         model.name);
      if (t->element != last.related)
        throw UsageError("Prefetch('" + p.lookup() + "'): its to_attr member holds " + t->element->name +
                             " objects, but the lookup loads " + last.related->name + " objects",
                         model.name);
    }
  }
}

void run_prefetch(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                  const std::vector<void*>& objects, const std::vector<Prefetch>& lookups) {
  if (objects.empty() || lookups.empty()) return;
  // Levels already loaded, by lookup prefix ("books", "books__tags").
  std::map<std::string, Level> done;
  for (const Prefetch& p : lookups) {
    Resolved r = resolve_lookup(model, p);
    Level level{&model, objects};
    std::string prefix;
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      const RelationStep& step = r.steps[i];
      const bool last = i + 1 == r.steps.size();
      prefix += (prefix.empty() ? "" : "__") + step.name;
      // A generic step has no single query set: GenericPrefetch carries one
      // per model, checked before the plain reuse of a loaded level.
      if (step.generic_ref) {
        if (auto it = done.find(prefix); it != done.end()) {
          if (!p.model_querysets().empty())
            throw UsageError("'" + p.lookup() + "' lookup was already seen with other query sets or none; put "
                                 "the GenericPrefetch with its query sets before the lookups that go through it",
                             model.name);
          level = it->second;
          continue;
        }
        Level next{nullptr, {}};
        for (GenericLoad& load : load_generic_objects(db, step, level.objects, p.model_querysets())) {
          // The query set's own prefetch_related: nested lookups per model.
          if (load.queryset && !load.queryset->prefetch.empty())
            run_prefetch(db, *load.model, load.objects, load.queryset->prefetch);
          next.objects.insert(next.objects.end(), load.objects.begin(), load.objects.end());
        }
        done[prefix] = next;
        level = std::move(next);
        continue;
      }
      const bool custom = last && (p.queryset() || p.to_attr());
      if (!custom) {
        if (auto it = done.find(prefix); it != done.end()) {
          level = it->second;
          continue;
        }
      } else if (done.count(prefix) && !p.to_attr()) {
        throw UsageError("'" + p.lookup() + "' lookup was already seen with a different query set; put the "
                             "Prefetch with the query set before the lookups that go through it",
                         model.name);
      }
      const QueryState* qs = custom ? p.queryset().get() : nullptr;
      // Loaded objects are reused even under a Prefetch with its own query
      // set, whose filter then only applies to the owners still to load (as
      // in Django, where a fetched level is never queried again); its own
      // prefetch_related still runs, below. A to_attr is filled by a query.
      const bool forward = step.single && !step.reverse && step.slot && step.slot->cached_target &&
                           !(last && p.to_attr());
      Level next = forward                                 ? load_forward(db, step, level.objects, qs)
                   : step.single && !(last && p.to_attr()) ? load_single(db, step, level.objects, qs)
                                                           : load_many(db, step, level.objects, qs,
                                                                       last ? p.to_attr() : nullptr);
      // The custom query set's own prefetch_related applies to its rows.
      if (qs && !qs->prefetch.empty()) run_prefetch(db, *step.related, next.objects, qs->prefetch);
      if (!(last && p.to_attr())) done[prefix] = next;
      level = std::move(next);
    }
  }
}

// --- the entry points: QuerySet::prefetch_related and Database::prefetch ----

QueryCore QueryCore::with_prefetch(std::vector<Prefetch> lookups) const {
  validate_prefetch(*state_->model, lookups);
  auto state = std::make_shared<QueryState>(*state_);
  for (Prefetch& p : lookups) state->prefetch.push_back(std::move(p));
  return QueryCore(db_, std::move(state));
}

bool QueryCore::has_prefetch() const noexcept { return !state_->prefetch.empty(); }

void QueryCore::prefetch(const std::vector<void*>& objects) const {
  run_prefetch(db_, *state_->model, objects, state_->prefetch);
}

void prefetch_objects(const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                      const std::vector<void*>& objects, const std::vector<Prefetch>& lookups) {
  validate_prefetch(model, lookups);
  if (!db || !db->connection) throw UsageError("the Database has been closed", model.name);
  run_prefetch(db, model, objects, lookups);
}

}  // namespace covet::detail

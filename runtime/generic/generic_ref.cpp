// covet::GenericRef's run-time half (covet/generic_ref.hpp): what it points
// at, how it reads the owner's two members after a load or a write, how an
// assigned object gets into them before a write, and the one query that
// loads its object.
#include "database_state.hpp"
#include "generic/content_type_lookup.hpp"
#include "prefetch/peer_group.hpp"

#include <covet/detail/object_store.hpp>
#include <covet/errors.hpp>
#include <covet/generic_ref.hpp>
#include <covet/q.hpp>
#include <covet/query_set.hpp>

#include <string>

namespace covet::detail {

namespace {

// "Comment.content_object", or "GenericRef" before it is bound.
std::string describe(const MemberInfo* member) {
  if (member == nullptr) return "GenericRef";
  const ModelInfo* owner = member->declared_by;
  return (owner ? owner->name + "." : std::string()) + member->name;
}

std::string owner_name(const MemberInfo* member) {
  return member && member->declared_by ? member->declared_by->name : std::string("GenericRef");
}

// Whether a member of column type `type` can hold the key `key` as it is.
bool holds(ColumnType type, const Value& key) {
  switch (type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return key.is_integer();
    case ColumnType::Uuid: return key.kind() == Value::Kind::Uuid;
    case ColumnType::Text: return key.kind() == Value::Kind::Text;
    default: return false;
  }
}

}  // namespace

GenericRefState::GenericRefState(const ModelInfo& model, std::shared_ptr<const void> object)
    : model_(&model), object_(std::move(object)), assigned_(true) {
  if (model.abstract) throw_abstract_model(model, "point a GenericRef at objects of");
  key_ = model.primary_key->get(object_.get());
  if (key_.is_null())
    throw UsageError("cannot point a GenericRef at an unsaved " + model.name +
                         ": save it first (db.create / db.save) so it has a key",
                     model.name);
}

std::string GenericRefState::target_name() const {
  if (model_ != nullptr) return model_->concrete_model ? model_->concrete_model->name : model_->name;
  return content_type_ != 0 ? "content type " + std::to_string(content_type_) : std::string();
}

const ModelInfo* GenericRefState::model() const {
  if (model_ != nullptr || content_type_ == 0) return model_;
  std::shared_ptr<DatabaseState> db = lock_database(database_, describe(member_));
  ContentType type = content_type_for_id(*db, content_type_);
  model_ = &type.model_info();  // UsageError for a row of a model this program lacks
  return model_;
}

ContentType GenericRefState::content_type() const {
  if (!has_value())
    throw UsageError(describe(member_) + " is null: it points at no object, so it has no content type",
                     owner_name(member_));
  std::shared_ptr<DatabaseState> db = lock_database(database_, describe(member_));
  if (content_type_ != 0) return content_type_for_id(*db, content_type_);
  return content_type_for_model(*db, *model_);
}

void GenericRefState::throw_not_a_target() const {
  const ModelInfo* m = model();
  std::string allowed;
  if (member_ && member_->generic)
    for (const ModelInfo* target : member_->generic->targets)
      allowed += (allowed.empty() ? "" : ", ") + target->name;
  throw ContentTypeMismatch(describe(member_) + " points at a " + (m ? m->name : std::string("?")) +
                                ", which is none of its targets (" + allowed +
                                "): its content-type member was written by other means",
                            owner_name(member_), m ? m->name : std::string());
}

const void* GenericRefState::object(const ModelInfo& want, bool required) const {
  if (!has_value()) {
    if (!required) return nullptr;
    throw UsageError(describe(member_) + " is null: it points at no object", owner_name(member_));
  }
  const ModelInfo* target = model();
  if (target != &want) {
    if (!required) return nullptr;
    throw ContentTypeMismatch(describe(member_) + " points at a " + target->name + ", not at a " + want.name +
                                  ": check is<" + target->name + ">() first, or use get_if<" + want.name + ">()",
                              want.name, target->name);
  }
  if (object_) return object_.get();
  if (!missing_) {
    std::shared_ptr<DatabaseState> db = lock_database(database_, describe(member_));
    // Auto-prefetch: the first read loads every peer's object (a query per
    // content type among them).
    if (db->loading == Loading::AutoPrefetch && peers_ && member_)
      if (auto found = peers_->generic_object_for(db, *member_, content_type_, key_)) {
        if (*found) {
          object_ = std::move(*found);
          return object_.get();
        }
        missing_ = true;
      }
  }
  if (!missing_) {
    std::shared_ptr<DatabaseState> db = lock_database(database_, describe(member_));
    QueryCore query = QueryCore(db, want).filtered(Q("pk", key_), false);
    if (db->loading == Loading::Strict)
      throw UsageError("strict loading: " + describe(member_) + " was not loaded and would run a query of its own: " +
                           query.to_sql() + " -- load it with prefetch_related(\"" +
                           (member_ ? member_->name : std::string("content_object")) +
                           "\") on the query that loaded the " + owner_name(member_) + " objects",
                       owner_name(member_));
    std::shared_ptr<void> loaded = want.make();
    if (query.first(loaded.get())) {
      object_ = std::move(loaded);
      return object_.get();
    }
    missing_ = true;
  }
  if (!required) return nullptr;
  throw DoesNotExist(want.name + " matching pk = " + key_.debug_string() + " does not exist (pointed at by " +
                         describe(member_) + "): the object was erased and nothing cascaded to its generic rows "
                         "(a GenericRelation on " + want.name + " would have)",
                     want.name);
}

void GenericRefAccess::bind(GenericRefState& ref, const BindContext& ctx, const void* owner) {
  ref.database_ = bound_database(ctx.binding);
  ref.member_ = ctx.member;
  ref.peers_ = bound_peers(ctx.binding);
  const GenericInfo& g = *ctx.member->generic;
  const Value type = g.content_type_member->get(owner);
  const Value key = g.object_id_member->get(owner);
  const std::int64_t content_type = type.is_integer() ? type.as_integer() : 0;
  const bool same = content_type == ref.content_type_ && key == ref.key_;
  if (!same) {
    ref.model_ = nullptr;
    ref.object_.reset();
    ref.missing_ = false;
  }
  ref.content_type_ = key.is_null() ? 0 : content_type;
  ref.key_ = ref.content_type_ == 0 ? Value() : key;
  ref.assigned_ = false;
}

void GenericRefAccess::store(GenericRefState& ref, const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                             const MemberInfo& member, void* owner) {
  if (!ref.assigned_) return;
  const GenericInfo& g = *member.generic;
  const MemberInfo& type_member = *g.content_type_member;
  const MemberInfo& key_member = *g.object_id_member;
  const std::string name = model.name + "." + member.name;
  if (ref.model_ == nullptr) {  // assigned std::nullopt
    for (const MemberInfo* m : {&type_member, &key_member})
      if (!m->nullable)
        throw UsageError(name + " was set to std::nullopt, but " + model.name + "." + m->name +
                             " cannot hold NULL: declare it std::optional, or point the reference at an object",
                         model.name);
    type_member.set(owner, Value());
    key_member.set(owner, Value());
    ref.content_type_ = 0;
    ref.key_ = Value();
    ref.assigned_ = false;
    return;
  }
  const ModelInfo& target = *ref.model_;
  if (!holds(key_member.type, ref.key_))
    throw UsageError(name + " cannot point at " + target.name + " " + ref.key_.debug_string() + ": " + model.name +
                         "." + key_member.name + " cannot hold its key (the key of " + target.name +
                         " is a " + (target.primary_key->type == ColumnType::Uuid ? "covet::Uuid" : "integer") +
                         "): give the object-id member the key's type",
                     model.name);
  const ContentType type = content_type_for_model(*db, target);  // the concrete model's, for a proxy
  type_member.set(owner, Value(type.id()));
  key_member.set(owner, ref.key_);
  ref.content_type_ = type.id();
  if (&type.model_info() != &target) {  // a proxy's object: the reference reads as its concrete model
    ref.model_ = &type.model_info();
    ref.object_.reset();
  }
  ref.assigned_ = false;
}

void GenericRefAccess::set_object(GenericRefState& ref, const ModelInfo& model, std::shared_ptr<const void> object) {
  ref.model_ = &model;
  ref.missing_ = object == nullptr;
  ref.object_ = std::move(object);
}

}  // namespace covet::detail

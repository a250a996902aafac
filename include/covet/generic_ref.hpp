// covet::GenericRef is a reference to an object of any of several models (or
// of any model), after Django's GenericForeignKey: two ordinary columns hold
// it, the content type's id (covet/content_type.hpp) and the object's key,
// and the GenericRef member reads and writes them.
//
//   struct [[covet::model]] Comment {
//     covet::Id id;
//     std::string text;
//     covet::ContentTypeId content_type;   // BIGINT: whose object
//     std::int64_t object_id = 0;          // BIGINT: which one
//     covet::GenericRef<Post, Photo> content_object;  // no column of its own
//   };
//
//   Comment c = db.create(Comment{.text = "Great post!", .content_object = post});
//   c.content_type;                        // blog.post's id: create filled both columns
//   c.content_object.is<Post>();           // true
//   const Post& p = c.content_object.get<Post>();   // one query, then cached
//   c.content_object.visit([](const auto& target) { ... });   // Post or Photo
//
// The two members are found by name: "content_type" and "object_id" unless
// [[covet::generic_fields("ct_member", "id_member")]] on the GenericRef
// names others. GenericRef<> (no targets) may point at any model; listing
// targets makes the compiler refuse any other (assignment, get<T>) and lets
// the plugin check that the object-id member can hold each target's key.
//
// Assigning an object (`c.content_object = photo`) makes the next write of
// the owner (create, save, bulk_create, ...) store its content type and key
// in the two members; until then they keep their values. Assigning
// std::nullopt stores NULL in both (they must be std::optional). Loading or
// writing the owner makes the reference read the two members again, so
// setting them by hand takes effect at the next load or write.
//
// A reference whose object was erased (nothing cascades to it without a
// covet::GenericRelation, as in Django) is dangling: get<T>() throws
// DoesNotExist, get_if<T>() returns nullptr.
#pragma once

#include <covet/concepts.hpp>
#include <covet/content_type.hpp>
#include <covet/errors.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <tuple>
#include <typeindex>
#include <type_traits>
#include <typeinfo>
#include <utility>

namespace covet {

namespace detail {
struct GenericRefAccess;

// The state of a GenericRef, whatever its targets: the runtime reads and
// writes it through MemberInfo::generic_state (runtime/generic/).
class GenericRefState {
 public:
  // Whether it points at an object (an assigned one, or non-null columns).
  bool has_value() const noexcept { return model_ != nullptr || content_type_ != 0; }
  // The object's key, as the object-id member holds it (NULL when none).
  const Value& object_id() const noexcept { return key_; }
  // The id of the object's content type; 0 for an object assigned but not
  // yet written (its content type is looked up at the write).
  std::int64_t content_type_id() const noexcept { return content_type_; }
  // Whether the object is in memory (assigned, loaded or prefetched).
  bool is_loaded() const noexcept { return object_ != nullptr; }
  // Forgets the loaded object; the next read queries again.
  void reset_cache() noexcept {
    if (!assigned_) object_.reset();
    missing_ = false;
  }
  // The model of the object it points at: the assigned object's, or the one
  // its content type names (resolved through the database's content-type
  // cache: at most one statement, once per handle). nullptr when null.
  // Throws UsageError when unbound, DoesNotExist for an unknown content type.
  const ModelInfo* model() const;
  // The object's content type (the concrete model's, for a proxy object).
  // Throws UsageError when null or unbound.
  ContentType content_type() const;

  friend bool operator==(const GenericRefState& a, const GenericRefState& b) {
    return a.target_name() == b.target_name() && a.key_ == b.key_;
  }

 protected:
  GenericRefState() = default;
  // Points at `object` of `model` (saved: UsageError otherwise).
  GenericRefState(const ModelInfo& model, std::shared_ptr<const void> object);
  // Points at nothing: the next write stores NULL in both members.
  explicit GenericRefState(std::nullopt_t) noexcept : assigned_(true) {}

  // The object, loaded on first use and cached, when it is one of `want`;
  // nullptr (required: throws) when null, another model's or gone.
  const void* object(const ModelInfo& want, bool required) const;
  [[noreturn]] void throw_not_a_target() const;

 private:
  friend struct GenericRefAccess;
  // The model's name, or its content type's id when not known yet.
  std::string target_name() const;

  mutable const ModelInfo* model_ = nullptr;  // known once assigned, or resolved from content_type_
  std::int64_t content_type_ = 0;
  Value key_;
  mutable std::shared_ptr<const void> object_;
  mutable bool missing_ = false;  // loaded once: its row is gone
  bool assigned_ = false;         // set from an object or nullopt: the next write stores it
  std::weak_ptr<DatabaseState> database_;
  const MemberInfo* member_ = nullptr;  // the GenericRef member, once bound
  std::shared_ptr<PeerGroup> peers_;
};

// The runtime's door into a GenericRef (runtime/generic/generic_ref.cpp).
struct GenericRefAccess {
  // Binds it to ctx.binding's database and makes it read the owner's two members
  // (ctx.member is the GenericRef member): the state after a load or a write.
  static void bind(GenericRefState& ref, const BindContext& ctx, const void* owner);
  // Before a write of `owner`: an assigned object's content type and key
  // (or, assigned std::nullopt, NULL) into the two members. Throws
  // UsageError when a member cannot hold them; nothing is changed then.
  static void store(GenericRefState& ref, const std::shared_ptr<DatabaseState>& db, const ModelInfo& model,
                    const MemberInfo& member, void* owner);
  // Whether it holds an assignment the members have not received.
  static bool assigned(const GenericRefState& ref) noexcept { return ref.assigned_; }
  // Prefetch: the object it points at, of `model` (nullptr: its row is gone).
  static void set_object(GenericRefState& ref, const ModelInfo& model, std::shared_ptr<const void> object);
};
}  // namespace detail

template <class... Targets>
class GenericRef : public detail::GenericRefState {
 public:
  // GenericRef<> may point at objects of any model.
  static constexpr bool any_model = sizeof...(Targets) == 0;
  template <class T>
  static constexpr bool allows = any_model || (std::is_same_v<T, Targets> || ...);

  // Null: points at nothing (and leaves the members alone at the next write).
  GenericRef() = default;
  // Points at nothing: the next write stores NULL in both members.
  GenericRef(std::nullopt_t n) noexcept : GenericRefState(n) {}  // NOLINT(google-explicit-constructor)

  // Points at `object`, which must have been saved. For a GenericRef with
  // targets, T must be one of them (a compile error otherwise).
  template <class T>
    requires(!std::is_base_of_v<detail::GenericRefState, T> && std::is_class_v<T>)
  GenericRef(const T& object)  // NOLINT(google-explicit-constructor): Comment{.content_object = post}
      : GenericRefState(checked_model<T>(), std::make_shared<const T>(object)) {}

  explicit operator bool() const noexcept { return has_value(); }

  // Whether it points at an object of model T (exactly T). May look the
  // content type up (see model()).
  template <class T>
  bool is() const {
    const ModelInfo* m = model();
    return m != nullptr && m->type == std::type_index(typeid(T));
  }

  // The object, which must be a T: one query on first use, then cached
  // (prefetch_related("content_object") loads it beforehand). Throws
  // UsageError when null, unbound or in strict loading mode;
  // ContentTypeMismatch when it is another model's; DoesNotExist when its
  // row is gone.
  template <class T>
  const T& get() const {
    static_assert(allows<T>, "covet: get<T>(): T is not one of this GenericRef's targets");
    return *static_cast<const T*>(object(checked_model<T>(), true));
  }
  // The object when it is a T that exists; nullptr when null, another
  // model's or gone. Throws UsageError when unbound or strict.
  template <class T>
  const T* get_if() const {
    static_assert(allows<T>, "covet: get_if<T>(): T is not one of this GenericRef's targets");
    return static_cast<const T*>(object(checked_model<T>(), false));
  }

  // Calls f with the object (const Target&, loaded as get() does) and
  // returns what f returns; f must accept every target. Throws as get();
  // ContentTypeMismatch when the content type names none of the targets.
  template <class F>
    requires(!any_model)
  decltype(auto) visit(F&& f) const {
    const ModelInfo* m = model();
    if (m == nullptr) (void)object(checked_model<first_target>(), true);  // throws: null
    return visit_as<F, Targets...>(std::forward<F>(f), *m);
  }

 private:
  using first_target = std::tuple_element_t<0, std::tuple<Targets..., void>>;

  template <class T>
  static const ModelInfo& checked_model() {
    static_assert(allows<T>, "covet: a GenericRef<Targets...> points only at objects of its targets");
    detail::require_model<T>();
    return model_info<T>();
  }
  // std::visit's rule: f returns one type for every target.
  template <class F, class T, class... Rest>
  decltype(auto) visit_as(F&& f, const ModelInfo& m) const {
    if constexpr (sizeof...(Rest) == 0) {
      if (m.type != std::type_index(typeid(T))) throw_not_a_target();
      return std::forward<F>(f)(*static_cast<const T*>(object(model_info<T>(), true)));
    } else {
      if (m.type == std::type_index(typeid(T)))
        return std::forward<F>(f)(*static_cast<const T*>(object(model_info<T>(), true)));
      return visit_as<F, Rest...>(std::forward<F>(f), m);
    }
  }
};

}  // namespace covet

// Template bodies of the builders declared in covet/generated.hpp. Each builder
// turns one typed member pointer into a MemberInfo whose accessors are plain
// function pointers (captureless lambdas instantiated per member), so the
// runtime reads and writes fields without knowing their C++ types.
#pragma once

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/generic_ref.hpp>
#include <covet/generic_relation.hpp>
#include <covet/model_info.hpp>
#include <covet/ref.hpp>
#include <covet/ref_set.hpp>
#include <covet/reverse.hpp>
#include <covet/detail/tree_binding.hpp>

#include <initializer_list>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace covet::meta {

namespace detail {

template <class M>
struct member_pointer;
template <class C, class U>
struct member_pointer<U C::*> {
  using type = U;
};
template <auto Member>
using member_type = typename member_pointer<decltype(Member)>::type;

template <auto Member>
bool matches(const std::type_info& pointer_type, const void* pointer) {
  using P = decltype(Member);
  return pointer_type == typeid(P) && *static_cast<const P*>(pointer) == Member;
}

// The typed row path's conversions (MemberInfo::set_int64, set_real,
// set_text): what FieldTraits<Inner>::from_value does with a Value of that
// kind, without building the Value where the conversion is plain, and
// through it (same result, same error) where it is not.
template <class Inner>
Inner from_int64(std::int64_t i) {
  if constexpr (std::is_same_v<Inner, bool>) {
    return i != 0;
  } else if constexpr (std::is_integral_v<Inner>) {
    if (std::in_range<Inner>(i)) return static_cast<Inner>(i);
    return FieldTraits<Inner>::from_value(Value(i));  // out of range: its error
  } else if constexpr (std::is_same_v<Inner, Id>) {
    return Id(i);
  } else {
    return FieldTraits<Inner>::from_value(Value(i));
  }
}

template <class Inner>
Inner from_real(double d) {
  if constexpr (std::is_floating_point_v<Inner>) {
    return static_cast<Inner>(d);
  } else {
    return FieldTraits<Inner>::from_value(Value(d));
  }
}

// Stores text into a member of type U (Inner, or std::optional<Inner>);
// a std::string reuses the member's buffer.
template <class U, class Inner>
void assign_text(U& v, std::string_view text) {
  if constexpr (std::is_same_v<Inner, std::string>) {
    if constexpr (std::is_same_v<U, std::string>) {
      v.assign(text);
    } else if (v) {
      v->assign(text);
    } else {
      v.emplace(text);
    }
  } else {
    v = FieldTraits<Inner>::from_value(Value(std::string(text)));
  }
}

// The typed bind path's reads (MemberInfo::get_bool, get_int64, get_real):
// the member's value as `Out`, what FieldTraits<Inner>::to_value would put
// in its Value; nullopt for an empty optional.
template <class Model, auto Member, class Out>
std::optional<Out> read_member(const void* object) {
  const auto& v = static_cast<const Model*>(object)->*Member;
  if constexpr (requires { v.has_value(); }) {
    if (!v) return std::nullopt;
    return static_cast<Out>(*v);
  } else {
    return static_cast<Out>(v);
  }
}

// MemberInfo::get_text: the std::string member itself; null for an empty
// optional.
template <class Model, auto Member>
const std::string* read_text_member(const void* object) {
  const auto& v = static_cast<const Model*>(object)->*Member;
  if constexpr (requires { v.has_value(); }) {
    return v ? &*v : nullptr;
  } else {
    return &v;
  }
}

template <class U>
struct unwrap_optional {
  using type = U;
  static constexpr bool nullable = false;
};
template <class U>
struct unwrap_optional<std::optional<U>> {
  using type = U;
  static constexpr bool nullable = true;
};

template <class U>
struct relation_storage {
  static constexpr bool is_ref = false;
  static constexpr bool is_ref_set = false;
};
template <class T>
struct relation_storage<Ref<T>> {
  using target = T;
  static constexpr bool is_ref = true;
  static constexpr bool is_ref_set = false;
};
template <class T>
struct relation_storage<RefSet<T>> {
  using target = T;
  static constexpr bool is_ref = false;
  static constexpr bool is_ref_set = true;
};

template <class U>
struct reverse_storage {
  static constexpr bool valid = false;
};
template <class T>
struct reverse_storage<ReverseSet<T>> {
  using target = T;
  static constexpr bool valid = true;
};
template <class T>
struct reverse_storage<ReverseOne<T>> {
  using target = T;
  static constexpr bool valid = true;
};

template <class U>
struct generic_ref_storage {
  static constexpr bool valid = false;
};
template <class... Targets>
struct generic_ref_storage<GenericRef<Targets...>> {
  static constexpr bool valid = true;
  static std::vector<const std::type_info*> targets() { return {&typeid(Targets)...}; }
};

template <class U>
struct generic_relation_storage {
  static constexpr bool valid = false;
};
template <class T>
struct generic_relation_storage<GenericRelation<T>> {
  using related = T;
  static constexpr bool valid = true;
};

}  // namespace detail

template <class Model>
ModelInfo model(ModelSpec spec, std::initializer_list<MemberInfo> members) {
  static_assert(std::is_default_constructible_v<Model> && std::is_copy_assignable_v<Model>,
                "covet: a model must be default-constructible and copyable");
  ModelInfo info;
  info.name = std::string(spec.name);
  info.table = std::string(spec.table);
  info.type = typeid(Model);
  info.abstract = spec.abstract;
  info.proxy = spec.proxy;
  info.multi_table = spec.multi_table;
  info.polymorphic_on = std::string(spec.polymorphic_on);
  info.polymorphic_identity = std::string(spec.polymorphic_identity);
  info.parent = spec.parent;
  info.abstract_bases.assign(spec.abstract_bases.begin(), spec.abstract_bases.end());
  info.tree = spec.tree;
  info.inheritance = spec.inheritance;
  info.discriminator = std::string(spec.discriminator);
  info.identity = std::string(spec.identity);
  info.parent_link = std::string(spec.parent_link);
  info.ordering.assign(spec.ordering.begin(), spec.ordering.end());
  info.content_type = std::string(spec.content_type);
  for (std::initializer_list<std::string_view> names : spec.unique_together)
    info.unique_together.emplace_back(names.begin(), names.end());
  info.members.assign(members.begin(), members.end());
  info.make = [] { return std::static_pointer_cast<void>(std::make_shared<Model>()); };
  info.copy = [](void* to, const void* from) {
    *static_cast<Model*>(to) = *static_cast<const Model*>(from);
  };
  info.make_list = [] { return std::static_pointer_cast<void>(std::make_shared<std::vector<Model>>()); };
  info.list_emplace = [](void* list) -> void* {
    return &static_cast<std::vector<Model>*>(list)->emplace_back();
  };
  info.list_size = [](const void* list) -> std::size_t {
    return static_cast<const std::vector<Model>*>(list)->size();
  };
  info.list_at = [](void* list, std::size_t i) -> void* {
    return &(*static_cast<std::vector<Model>*>(list))[i];
  };
  if constexpr (covet::detail::TreeBound<Model>) {
    info.bind_tree = [](void* object, const std::weak_ptr<covet::detail::DatabaseState>& db) {
      covet::detail::TreeAccess::binding(*static_cast<Model*>(object)).bind(db);
    };
  }
  return info;
}

template <class Model, auto Member>
MemberInfo field(FieldSpec spec) {
  using U = detail::member_type<Member>;
  using Opt = detail::unwrap_optional<U>;
  using Inner = typename Opt::type;
  static_assert(Storable<Inner>,
                "covet: this member's type cannot be stored in a column. Supported: integers, "
                "bool, float/double, enums, std::string, covet::Id, covet::Uuid, covet::Decimal<D, P>, "
                "std::chrono::sys_time, std::chrono::sys_days/year_month_day, std::vector<std::byte>, "
                "and std::optional of these; or specialize covet::FieldTraits for it");
  MemberInfo m;
  m.kind = MemberKind::Column;
  m.name = std::string(spec.name);
  m.declared_by_type = spec.declared_by;
  m.column = std::string(spec.column);
  m.type = spec.enum_text ? ColumnType::Text : FieldTraits<Inner>::column_type;
  m.nullable = Opt::nullable;
  m.primary_key = spec.primary_key;
  m.unique = spec.unique;
  m.db_index = spec.db_index;
  m.has_default = spec.has_default;
  m.max_length = spec.max_length;
  if constexpr (requires { FieldTraits<Inner>::max_digits; }) {
    m.max_digits = FieldTraits<Inner>::max_digits;
    m.decimal_places = FieldTraits<Inner>::decimal_places;
  }
  m.auto_now = spec.auto_now;
  m.auto_now_add = spec.auto_now_add;
  m.matches = &detail::matches<Member>;
  m.get = [](const void* object) -> Value {
    const U& v = static_cast<const Model*>(object)->*Member;
    if constexpr (Opt::nullable) {
      return v ? FieldTraits<Inner>::to_value(*v) : Value();
    } else {
      return FieldTraits<Inner>::to_value(v);
    }
  };
  m.set = [](void* object, const Value& value) {
    U& v = static_cast<Model*>(object)->*Member;
    if constexpr (Opt::nullable) {
      if (value.is_null()) {
        v.reset();
      } else {
        v = FieldTraits<Inner>::from_value(value);
      }
    } else {
      v = FieldTraits<Inner>::from_value(value);
    }
  };
  // A NULL never comes this way (the typed reads answer no for it), so an
  // optional member is always given a value here.
  m.set_int64 = [](void* object, std::int64_t i) {
    static_cast<Model*>(object)->*Member = detail::from_int64<Inner>(i);
  };
  m.set_real = [](void* object, double d) {
    static_cast<Model*>(object)->*Member = detail::from_real<Inner>(d);
  };
  m.set_text = [](void* object, std::string_view text) {
    detail::assign_text<U, Inner>(static_cast<Model*>(object)->*Member, text);
  };
  // `get` of the plain kinds, without the Value (MemberInfo::get_bool, ...).
  if constexpr (std::is_same_v<Inner, bool>) {
    m.get_bool = &detail::read_member<Model, Member, bool>;
  } else if constexpr (std::is_integral_v<Inner> && !(std::is_unsigned_v<Inner> && sizeof(Inner) == 8)) {
    m.get_int64 = &detail::read_member<Model, Member, std::int64_t>;
  } else if constexpr (std::is_floating_point_v<Inner>) {
    m.get_real = &detail::read_member<Model, Member, double>;
  } else if constexpr (std::is_same_v<Inner, std::string>) {
    m.get_text = &detail::read_text_member<Model, Member>;
  }
  if constexpr (std::is_same_v<U, Uuid>) {
    // A covet::Uuid primary key is unsaved while nil, as covet::Id is at 0:
    // its key reads as NULL then, and a NULL key (erase) makes it nil again.
    if (spec.primary_key) {
      m.get = [](const void* object) -> Value {
        const Uuid& v = static_cast<const Model*>(object)->*Member;
        return v.is_nil() ? Value() : Value(v);
      };
      m.set = [](void* object, const Value& value) {
        Uuid& v = static_cast<Model*>(object)->*Member;
        v = value.is_null() ? Uuid() : FieldTraits<Uuid>::from_value(value);
      };
    }
  }
  return m;
}

template <class Model, auto Member>
MemberInfo relation(RelationSpec spec) {
  using U = detail::member_type<Member>;
  using Opt = detail::unwrap_optional<U>;
  using Storage = detail::relation_storage<typename Opt::type>;
  static_assert(Storage::is_ref || Storage::is_ref_set,
                "covet: a relation member must be covet::Ref<T>, std::optional<covet::Ref<T>> "
                "or covet::RefSet<T>");
  static_assert(!(Storage::is_ref_set && Opt::nullable),
                "covet: a many-to-many member is covet::RefSet<T>, never optional");
  using Target = typename Storage::target;

  MemberInfo m;
  m.kind = MemberKind::Relation;
  m.name = std::string(spec.name);
  m.declared_by_type = spec.declared_by;
  m.column = std::string(spec.column);
  m.nullable = Opt::nullable;
  m.unique = spec.kind == RelationKind::OneToOne;
  m.db_index = spec.db_index;
  m.has_default = spec.has_default;
  m.matches = &detail::matches<Member>;
  auto rel = std::make_shared<RelationInfo>();
  rel->kind = spec.kind;
  rel->on_delete = spec.on_delete;
  rel->set_fn = spec.set_fn;
  rel->target_type = &typeid(Target);
  rel->related_name = std::string(spec.related_name);
  rel->related_query_name = std::string(spec.related_query_name);
  rel->to_field = std::string(spec.to_field);
  rel->db_constraint = spec.db_constraint;
  rel->through = std::string(spec.through);
  rel->through_source = std::string(spec.through_source);
  rel->through_target = std::string(spec.through_target);
  rel->symmetrical = spec.symmetrical;
  m.relation = std::move(rel);

  if constexpr (Storage::is_ref) {
    // The key column's type is the target key's, resolved by the registry.
    m.get = [](const void* object) -> Value {
      const U& v = static_cast<const Model*>(object)->*Member;
      if constexpr (Opt::nullable) {
        return v ? v->key() : Value();
      } else {
        return v.key();
      }
    };
    m.set = [](void* object, const Value& value) {
      U& v = static_cast<Model*>(object)->*Member;
      if constexpr (Opt::nullable) {
        if (value.is_null()) {
          v.reset();
          return;
        }
        if (!v) v.emplace();
        covet::detail::RefAccess::set_key(*v, value);
      } else {
        covet::detail::RefAccess::set_key(v, value);
      }
    };
    // An integer key read by the typed row path (a NULL never comes this way).
    m.set_int64 = [](void* object, std::int64_t key) {
      U& v = static_cast<Model*>(object)->*Member;
      if constexpr (Opt::nullable) {
        if (!v) v.emplace();
        covet::detail::RefAccess::set_integer_key(*v, key);
      } else {
        covet::detail::RefAccess::set_integer_key(v, key);
      }
    };
    m.bind = [](void* object, const BindContext& ctx) {
      U& v = static_cast<Model*>(object)->*Member;
      if constexpr (Opt::nullable) {
        if (v) covet::detail::RefAccess::bind(*v, ctx);
      } else {
        covet::detail::RefAccess::bind(v, ctx);
      }
    };
    m.cached_target = [](const void* object) -> const void* {
      const U& v = static_cast<const Model*>(object)->*Member;
      if constexpr (Opt::nullable) {
        return v ? covet::detail::RefAccess::cached(*v) : nullptr;
      } else {
        return covet::detail::RefAccess::cached(v);
      }
    };
    m.store_object = [](void* object, std::shared_ptr<const void> target) {
      U& v = static_cast<Model*>(object)->*Member;
      auto typed = std::static_pointer_cast<const Target>(std::move(target));
      if constexpr (Opt::nullable) {
        if (v) covet::detail::RefAccess::set_object(*v, std::move(typed));
      } else {
        covet::detail::RefAccess::set_object(v, std::move(typed));
      }
    };
  } else {
    m.bind = [](void* object, const BindContext& ctx) {
      covet::detail::RefSetAccess::bind(static_cast<Model*>(object)->*Member, ctx);
    };
    m.open_cache = [](void* object) -> void* {
      return covet::detail::RefSetAccess::cache(static_cast<Model*>(object)->*Member).open();
    };
  }
  return m;
}

template <class Model, auto Member>
MemberInfo reverse(ReverseSpec spec) {
  using U = detail::member_type<Member>;
  using Storage = detail::reverse_storage<U>;
  static_assert(Storage::valid,
                "covet: a declared reverse member must be covet::ReverseSet<T> or covet::ReverseOne<T>");
  MemberInfo m;
  m.kind = MemberKind::ReverseMember;
  m.name = std::string(spec.name);
  m.declared_by_type = spec.declared_by;
  m.reverse_target = &typeid(typename Storage::target);
  m.bind = [](void* object, const BindContext& ctx) {
    covet::detail::ReverseAccess::bind(static_cast<Model*>(object)->*Member, ctx);
  };
  using Target = typename Storage::target;
  if constexpr (std::is_same_v<U, ReverseOne<Target>>) {
    m.store_object = [](void* object, std::shared_ptr<const void> target) {
      covet::detail::ReverseAccess::store(static_cast<Model*>(object)->*Member,
                                          std::static_pointer_cast<const Target>(std::move(target)));
    };
  } else {
    m.open_cache = [](void* object) -> void* {
      return covet::detail::ReverseAccess::cache(static_cast<Model*>(object)->*Member).open();
    };
  }
  return m;
}

template <class Model, auto Member>
MemberInfo generic_ref(GenericRefSpec spec) {
  using U = detail::member_type<Member>;
  using Storage = detail::generic_ref_storage<U>;
  static_assert(Storage::valid, "covet: a generic reference member is covet::GenericRef<Targets...>");
  MemberInfo m;
  m.kind = MemberKind::GenericRef;
  m.name = std::string(spec.name);
  m.declared_by_type = spec.declared_by;
  m.matches = &detail::matches<Member>;
  auto generic = std::make_shared<GenericInfo>();
  generic->content_type_field = std::string(spec.content_type_field);
  generic->object_id_field = std::string(spec.object_id_field);
  generic->target_types = Storage::targets();
  m.generic = std::move(generic);
  m.generic_state = [](void* object) -> covet::detail::GenericRefState* {
    return &(static_cast<Model*>(object)->*Member);
  };
  m.bind = [](void* object, const BindContext& ctx) {
    covet::detail::GenericRefAccess::bind(static_cast<Model*>(object)->*Member, ctx, object);
  };
  return m;
}

template <class Model, auto Member>
MemberInfo generic_relation(GenericRelationSpec spec) {
  using U = detail::member_type<Member>;
  using Storage = detail::generic_relation_storage<U>;
  static_assert(Storage::valid, "covet: a generic relation member is covet::GenericRelation<T>");
  using Related = typename Storage::related;
  MemberInfo m;
  m.kind = MemberKind::GenericRelation;
  m.name = std::string(spec.name);
  m.declared_by_type = spec.declared_by;
  m.matches = &detail::matches<Member>;
  auto generic = std::make_shared<GenericInfo>();
  generic->content_type_field = std::string(spec.content_type_field);
  generic->object_id_field = std::string(spec.object_id_field);
  generic->related_type = &typeid(Related);
  generic->on_delete = spec.on_delete;
  generic->related_query_name = std::string(spec.related_query_name);
  m.generic = std::move(generic);
  m.bind = [](void* object, const BindContext& ctx) {
    covet::detail::GenericRelationAccess::bind(static_cast<Model*>(object)->*Member, ctx,
                                               covet::model_info<Model>());
  };
  m.open_cache = [](void* object) -> void* {
    return covet::detail::GenericRelationAccess::cache(static_cast<Model*>(object)->*Member).open();
  };
  return m;
}

template <auto Fn>
Value set_value() {
  using Result = std::remove_cvref_t<decltype(Fn())>;
  if constexpr (std::is_same_v<Result, Value>) {
    return Fn();
  } else if constexpr (Storable<Result>) {
    return FieldTraits<Result>::to_value(Fn());
  } else if constexpr (detail::relation_storage<Result>::is_ref) {
    return Fn().key();
  } else {
    // A model object: its primary key.
    Result object = Fn();
    return model_info<Result>().primary_key->get(&object);
  }
}

}  // namespace covet::meta

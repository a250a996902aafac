// The runtime side of Database::child / find_child (a multi-table parent's
// child row, runtime/inheritance/child_row.cpp).
#pragma once

#include <covet/concepts.hpp>
#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <type_traits>

namespace covet::detail {

template <class Child, class Parent>
inline constexpr bool child_fits =
    Model<Child> && Model<Parent> && std::is_base_of_v<Parent, Child> && !std::is_same_v<Child, Parent>;

// The static_asserts of Database::child / find_child.
template <class Child, class Parent>
constexpr void require_child() {
  require_model<Parent>();
  require_model<Child>();
  if constexpr (Model<Child> && Model<Parent>)
    static_assert(std::is_base_of_v<Parent, Child> && !std::is_same_v<Child, Parent>,
                  "covet: db.child<Child>(parent) names a model derived from the parent's model "
                  "(struct Employee : Person { ... }; db.child<Employee>(person))");
}

// The key the child row of `parent_object` (an object of `parent`) has.
// Throws UsageError when `child` is no multi-table descendant of `parent`
// (naming its strategy) or when the parent is unsaved.
Value child_row_key(const ModelInfo& child, const ModelInfo& parent, const void* parent_object);

// Throws DoesNotExist: the parent with `key` has no row in the child's table.
[[noreturn]] void throw_no_child(const ModelInfo& child, const ModelInfo& parent, const Value& key);

}  // namespace covet::detail

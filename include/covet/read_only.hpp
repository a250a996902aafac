// covet::ReadOnly<T>: a column member that only Covet writes. It reads like a
// T and copies with its model, but it cannot be assigned a value, so a write
// that would corrupt data Covet maintains is a compile error rather than a
// surprise at run time:
//
//   int left = node.lft;          // reads: implicit conversion to const T&
//   int right = node.rgt.get();   // or get()
//   Region copy = node;           // whole models copy and assign as usual
//   node.lft = 3;                 // error: use of deleted operator=
//
// The runtime loads it through FieldTraits<ReadOnly<T>> (the only way in);
// covet::NestedSetNode's lft, rgt, tree_id and level are ReadOnly<int>.
// Copying one ReadOnly into another (`a.lft = b.lft`) still compiles (whole
// models need it), but save() and create() never write these columns from
// the object, so such a copy changes nothing in the database.
#pragma once

#include <covet/field_traits.hpp>
#include <covet/value.hpp>

namespace covet {

template <class T>
class ReadOnly {
 public:
  constexpr ReadOnly() = default;
  constexpr ReadOnly(const ReadOnly&) = default;
  constexpr ReadOnly& operator=(const ReadOnly&) = default;
  // Covet maintains this column: assign the model's operations instead
  // (for nested sets: add_child, move_to, rebuild).
  ReadOnly& operator=(const T&) = delete;

  constexpr const T& get() const noexcept { return value_; }
  constexpr operator const T&() const noexcept { return value_; }

 private:
  friend struct FieldTraits<ReadOnly<T>>;
  constexpr explicit ReadOnly(T value) : value_(value) {}
  T value_{};
};

template <class T>
struct FieldTraits<ReadOnly<T>> {
  static constexpr ColumnType column_type = FieldTraits<T>::column_type;
  static Value to_value(const ReadOnly<T>& v) { return FieldTraits<T>::to_value(v.get()); }
  static ReadOnly<T> from_value(const Value& value) { return ReadOnly<T>(FieldTraits<T>::from_value(value)); }
};

}  // namespace covet

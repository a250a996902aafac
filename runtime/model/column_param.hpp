// What a member writes to its column, as a parameter that refers to the
// member where it can (backend/param_ref.hpp): the bulk INSERT's way to bind
// thousands of columns without a covet::Value, nor a copy of a text member,
// each. It binds exactly what column_value (column_value.hpp) gives.
#pragma once

#include "backend/param_ref.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <deque>

namespace covet::detail {

// Whether `m` reads through a typed getter (MemberInfo::get_bool, ...), so
// column_param needs no Value for it.
inline bool has_typed_get(const MemberInfo& m) {
  return m.get_bool || m.get_int64 || m.get_real || m.get_text;
}

// column_value(m, object) as a parameter: a member with a typed getter by
// reference (its text viewed, not copied); any other through a Value
// appended to `held`, which must outlive the statement (a deque: what it
// holds stays in place as it grows).
ParamRef column_param(const MemberInfo& m, const void* object, std::deque<Value>& held);

}  // namespace covet::detail

// What a member writes to its column, as a parameter that refers to the
// member where it can (backend/param_ref.hpp): the bulk INSERT's way to bind
// thousands of columns without a covet::Value, nor a copy of a text member,
// each. It binds exactly what column_value (column_value.hpp) gives.
#pragma once

#include "backend/param_ref.hpp"

#include <covet/model_info.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace covet::detail {

// Whether `m` reads through a typed getter (MemberInfo::get_bool, ...), so
// column_param needs no Value for it (only column members have them).
inline bool has_typed_get(const MemberInfo& m) {
  return m.get_bool || m.get_int64 || m.get_real || m.get_text;
}

// column_value(m, object) through a Value appended to `held`, which must
// outlive the statement and have room reserved for it: its elements must
// not move (one per column without a typed getter, per row).
ParamRef held_column_param(const MemberInfo& m, const void* object, std::vector<Value>& held);

// column_value(m, object) as a parameter: a member with a typed getter by
// reference (its text viewed, not copied); any other as held_column_param.
// Inline: it runs once per column of every row, and a ParamRef built in
// place costs less than one returned from a call.
inline ParamRef column_param(const MemberInfo& m, const void* object, std::vector<Value>& held) {
  // An empty typed read is an empty optional: `get` gives NULL for it.
  if (m.get_text) {
    const std::string* text = m.get_text(object);
    return text ? ParamRef::text(*text) : ParamRef();
  }
  if (m.get_int64) {
    const std::optional<std::int64_t> i = m.get_int64(object);
    return i ? ParamRef::integer(*i) : ParamRef();
  }
  if (m.get_bool) {
    const std::optional<bool> b = m.get_bool(object);
    return b ? ParamRef::boolean(*b) : ParamRef();
  }
  if (m.get_real) {
    const std::optional<double> d = m.get_real(object);
    return d ? ParamRef::real(*d) : ParamRef();
  }
  return held_column_param(m, object, held);
}

}  // namespace covet::detail

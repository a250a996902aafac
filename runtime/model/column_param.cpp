#include "model/column_param.hpp"

#include "model/column_value.hpp"

#include <cstdint>
#include <string_view>

namespace covet::detail {

ParamRef column_param(const MemberInfo& m, const void* object, std::deque<Value>& held) {
  // A false typed read is an empty optional: `get` gives NULL for it.
  if (m.get_text) {
    std::string_view text;
    return m.get_text(object, text) ? ParamRef::text(text) : ParamRef();
  }
  if (m.get_int64) {
    std::int64_t i = 0;
    return m.get_int64(object, i) ? ParamRef::integer(i) : ParamRef();
  }
  if (m.get_bool) {
    bool b = false;
    return m.get_bool(object, b) ? ParamRef::boolean(b) : ParamRef();
  }
  if (m.get_real) {
    double d = 0;
    return m.get_real(object, d) ? ParamRef::real(d) : ParamRef();
  }
  held.push_back(column_value(m, object));
  return ParamRef::value(held.back());
}

}  // namespace covet::detail

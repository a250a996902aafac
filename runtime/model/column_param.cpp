#include "model/column_param.hpp"

#include "model/column_value.hpp"

#include <cassert>

namespace covet::detail {

ParamRef held_column_param(const MemberInfo& m, const void* object, std::vector<Value>& held) {
  assert(held.size() < held.capacity() && "room reserved: the values before it must not move");
  held.push_back(column_value(m, object));
  return ParamRef::value(held.back());
}

}  // namespace covet::detail

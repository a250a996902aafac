#include "model/column_param.hpp"

#include "model/column_value.hpp"

namespace covet::detail {

ParamRef held_column_param(const MemberInfo& m, const void* object, std::deque<Value>& held) {
  held.push_back(column_value(m, object));
  return ParamRef::value(held.back());
}

}  // namespace covet::detail

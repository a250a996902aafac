#include "backend/param_ref.hpp"

#include <string>

namespace covet::detail {

Value ParamRef::to_value() const {
  switch (kind_) {
    case Kind::Null: return Value();
    case Kind::Bool: return Value(as_bool());
    case Kind::Integer: return Value(integer_);
    case Kind::Real: return Value(real_);
    case Kind::Text: return Value(std::string(as_text()));
    case Kind::Value: return *value_;
  }
  return Value();
}

std::vector<Value> to_values(std::span<const ParamRef> params) {
  std::vector<Value> values;
  values.reserve(params.size());
  for (const ParamRef& p : params) values.push_back(p.to_value());
  return values;
}

}  // namespace covet::detail

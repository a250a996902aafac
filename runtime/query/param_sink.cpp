#include "query/param_sink.hpp"

#include "sql/dialect.hpp"

#include <utility>

namespace covet::detail {

std::string ParamSink::push(Value value, ParamOrigin origin) {
  params->push_back(std::move(value));
  if (origins) origins->push_back(origin);
  return placeholder(dialect, static_cast<int>(params->size()));
}

std::string ParamSink::bind(const Value& value) {
  ParamOrigin origin;
  // By address: a copy with the same value is not the condition's own.
  if (leaf_value && !leaf_value->values.empty() && &value >= leaf_value->values.data() &&
      &value < leaf_value->values.data() + leaf_value->values.size()) {
    origin.kind = ParamOrigin::Kind::Leaf;
    origin.leaf = leaf;
    origin.index = static_cast<std::uint32_t>(&value - leaf_value->values.data());
  }
  return push(value, origin);
}

std::string ParamSink::bind(Value&& value) { return push(std::move(value), ParamOrigin{}); }

std::string ParamSink::bind_constant(Value value) {
  return push(std::move(value), ParamOrigin{ParamOrigin::Kind::Constant, 0, 0});
}

std::string ParamSink::bind_slice(Value value, ParamOrigin::Kind kind) {
  return push(std::move(value), ParamOrigin{kind, 0, 0});
}

}  // namespace covet::detail

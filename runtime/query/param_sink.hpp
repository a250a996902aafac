// Where a statement's bound values go while it is compiled, and where each
// came from. The origins let a statement compiled once be bound again for
// another query of the same shape (statement_cache.hpp): a value taken as is
// from a condition's right-hand side, a LIMIT/OFFSET of the slice, or a
// constant of the metadata (a discriminator, a content type) can be found
// again in the next query; anything else (a LIKE pattern made from the value,
// an array of keys) is Derived, and a statement holding one is not cached.
#pragma once

#include "backend/connection.hpp"

#include <covet/q.hpp>
#include <covet/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace covet::detail {

struct ParamOrigin {
  enum class Kind : std::uint8_t {
    Derived,      // computed from a value: compile again to bind it
    Constant,     // the same for every query of the shape
    Leaf,         // values[index] of the leaf-th condition (query_shape.hpp's order)
    SliceCount,   // the slice's length (high - low)
    SliceOffset,  // the slice's start (low)
  };
  Kind kind = Kind::Derived;
  std::uint32_t leaf = 0;
  std::uint32_t index = 0;
};

// Appends values and returns their placeholders. `origins`, when set, grows
// with `params`, one origin per value.
struct ParamSink {
  Dialect dialect = Dialect::SQLite;
  std::vector<Value>* params = nullptr;
  std::vector<ParamOrigin>* origins = nullptr;
  // The condition whose values the lookup binds now, and its ordinal.
  const FilterValue* leaf_value = nullptr;
  std::uint32_t leaf = 0;

  // A value held by the current condition (one of leaf_value->values)
  // counts as Leaf; any other as Derived.
  std::string bind(const Value& value);
  std::string bind(Value&& value);
  std::string bind_constant(Value value);
  std::string bind_slice(Value value, ParamOrigin::Kind kind);

 private:
  std::string push(Value value, ParamOrigin origin);
};

}  // namespace covet::detail

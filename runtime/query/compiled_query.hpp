// A query compiled for one dialect: SQL text with placeholders and the values
// to bind, in placeholder order. Compiling never touches a connection, so the
// same CompiledQuery can be run by the blocking executor (query_core.cpp) or a
// later asynchronous one.
#pragma once

#include "query/param_sink.hpp"

#include <covet/value.hpp>

#include <string>
#include <vector>

namespace covet::detail {

struct CompiledQuery {
  std::string sql;
  std::vector<Value> params;
  // Where each parameter came from (query/param_sink.hpp), beside params;
  // shorter than params when a part of the statement did not say.
  std::vector<ParamOrigin> origins;
};

}  // namespace covet::detail

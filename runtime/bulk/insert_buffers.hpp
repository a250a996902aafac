// The buffers a bulk INSERT fills per statement (its parameters, the values
// they refer to, the keys RETURNING gives), kept on the Database between
// calls so that a bulk_create allocates none of them anew: tens of kilobytes
// to megabytes per statement, which, freed and allocated again call after
// call, cost more than filling them.
#pragma once

#include "backend/param_ref.hpp"

#include <covet/value.hpp>

#include <cstddef>
#include <vector>

namespace covet::detail {

struct InsertBuffers {
  // Buffers larger than this many elements are not kept (a rare huge
  // statement does not pin its memory for the Database's life).
  static constexpr std::size_t kKeptCapacity = std::size_t{1} << 16;

  std::vector<ParamRef> params;
  std::vector<Value> held;  // values of members without a typed getter (model/column_param.hpp)
  std::vector<Value> keys;  // what RETURNING gave

  // Empties them for the next statement, giving up any grown too large.
  void recycle() {
    recycle(params);
    recycle(held);
    recycle(keys);
  }

 private:
  template <class T>
  static void recycle(std::vector<T>& buffer) {
    buffer.clear();
    if (buffer.capacity() > kKeptCapacity) std::vector<T>().swap(buffer);  // its memory released
  }
};

}  // namespace covet::detail

// The multi-table polymorphic loader's place. The multi-table reads work
// provides the loader itself (joins to the child tables); until it is
// merged, a polymorphic load of a multi-table hierarchy is refused here.
#include "inheritance/polymorphic_rows.hpp"

#include <covet/errors.hpp>

namespace covet::detail {

void load_multi_table_rows(const std::shared_ptr<DatabaseState>&, const QueryState& state,
                           const std::vector<const ModelInfo*>&, const std::function<void*(const ModelInfo&)>&) {
  throw UsageError("multi-table polymorphic loads need runtime/inheritance/multi_table_rows.cpp",
                   state.model->name);
}

}  // namespace covet::detail

#include "query/default_ordering.hpp"

#include "query/lookup_limits.hpp"
#include "query/lookup_path.hpp"

#include <covet/errors.hpp>

#include <string_view>

namespace covet::detail {

const std::vector<std::string>& effective_order(const QueryState& state) {
  if (!state.order_by.empty() || !state.default_ordering) return state.order_by;
  return state.model->ordering;
}

void check_default_ordering(const ModelInfo& model) {
  for (const std::string& written : model.ordering) {
    std::string_view field = written;
    if (!field.empty() && field.front() == '-') field.remove_prefix(1);
    try {
      if (field.empty())
        throw FieldError("a '-' has no field name after it", model.name);
      check_lookup_limits(model, field, "ordering");
      resolve_order_field(model, field);
    } catch (const FieldError& e) {
      throw FieldError("The default ordering of " + model.name + " (covet::ordering) names '" + written +
                           "', which order_by() does not take: " + e.what(),
                       model.name);
    }
  }
}

}  // namespace covet::detail

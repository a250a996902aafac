// A lookup on a single-table model may name only that model's fields (and
// its ancestors'): a field of a subclass is not a field of the base, as in
// Python, even though the shared table holds its column. The FieldError
// then says which subclass has it:
//
//   db.objects<Vehicle>().filter("num_doors", 4)
//   FieldError: Cannot resolve keyword 'num_doors' into field of model
//     'Vehicle': num_doors is a field of Car, not of Vehicle: query
//     db.objects<Car>(). Choices are: id, make, wheels, garage, trips
#pragma once

#include <covet/model_info.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace covet::detail {

// The hint above when a single-table subclass of `model` (the topmost one
// on each branch) has `name`, as `has(subclass, name)` tells; empty when
// none does.
std::string subclass_field_hint(const ModelInfo& model, std::string_view name,
                                const std::function<bool(const ModelInfo&, std::string_view)>& has);

}  // namespace covet::detail

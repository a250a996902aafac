// What a member writes to its column, shared by every INSERT and UPDATE that
// reads objects (object_store.cpp, runtime/bulk/).
#pragma once

#include <covet/model_info.hpp>
#include <covet/value.hpp>

namespace covet::detail {

// The value `m` (a column or a foreign key / one-to-one member of the model
// `object` is an instance of) writes to its column. A relation with to_field
// takes the key from the object its Ref holds, since Ref(obj) records only
// the primary key.
Value column_value(const MemberInfo& m, const void* object);

// After an INSERT: makes every to_field relation member hold what its column
// now holds (the to_field value), like a Ref loaded later.
void store_to_field_keys(const ModelInfo& model, void* object);

}  // namespace covet::detail

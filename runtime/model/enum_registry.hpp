// The runtime's side of the enum name registry (model/enum_names.cpp).
#pragma once

namespace covet::detail {

// Marks the end of registration (the model registry calls it when it is
// built, after every generated initializer has run): from then on, an enum
// without names is remembered as one (covet::FieldTraits<E>::names).
void close_enum_registrations() noexcept;

}  // namespace covet::detail

// C++ type names for messages about types the registry does not know.
#pragma once

#include <string>
#include <typeinfo>

namespace covet::detail {

// "shop::Book" for typeid(shop::Book); the mangled name if it cannot be demangled.
std::string demangle(const std::type_info& type);

}  // namespace covet::detail

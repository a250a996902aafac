// The names of [[covet::enum_text]] enums, registered by the generated
// metadata during static initialization (covet::meta::EnumRegistration) and
// read by covet::FieldTraits<E> afterwards, so the registry is only written
// before main() and only read after.
#include "model/enum_registry.hpp"

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/generated.hpp>

#include <atomic>
#include <map>
#include <string>
#include <typeindex>
#include <utility>
#include <vector>

namespace covet {

namespace detail {

struct EnumNames {
  std::string name;  // "shop::Status"
  std::vector<std::pair<std::int64_t, std::string>> entries;  // in declaration order

  std::string choices() const {
    std::string out;
    for (const auto& [value, n] : entries) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
  }
};

namespace {

std::map<std::type_index, EnumNames>& registry() {
  static std::map<std::type_index, EnumNames> r;
  return r;
}

std::atomic<bool> closed{false};

}  // namespace

bool enum_registrations_closed() noexcept { return closed.load(std::memory_order_acquire); }

void close_enum_registrations() noexcept { closed.store(true, std::memory_order_release); }

const EnumNames* enum_names(const std::type_info& type) noexcept {
  auto& r = registry();
  auto it = r.find(type);
  return it == r.end() ? nullptr : &it->second;
}

Value enum_name_of(const EnumNames& names, std::int64_t value) {
  // The first enumerator of a value names it (an alias reads back as it).
  for (const auto& [v, n] : names.entries)
    if (v == value) return Value(n);
  throw DataError("enum " + names.name + " has no enumerator with the value " + std::to_string(value) +
                  ": it is stored by name ([[covet::enum_text]]), so its column can only hold " + names.choices());
}

std::int64_t enum_value_of(const EnumNames& names, const Value& value) {
  if (value.is_text()) {
    for (const auto& [v, n] : names.entries)
      if (n == value.as_text()) return v;
    throw DataError(value.debug_string() + " is not a name of enum " + names.name + " (stored by name, " +
                    "[[covet::enum_text]]); valid names are: " + names.choices());
  }
  if (value.is_integer()) {
    for (const auto& [v, n] : names.entries)
      if (v == value.as_integer()) return v;
    throw DataError("enum " + names.name + " has no enumerator with the value " + value.debug_string() +
                    "; valid names are: " + names.choices());
  }
  throw_conversion_error(value, "enum " + names.name + " (one of " + names.choices() + ")");
}

}  // namespace detail

namespace meta {

EnumRegistration::EnumRegistration(const std::type_info& type, std::string_view name,
                                   std::initializer_list<EnumName> names) {
  covet::detail::EnumNames entry;
  entry.name = std::string(name);
  for (const EnumName& n : names) entry.entries.emplace_back(n.value, std::string(n.name));
  covet::detail::registry().emplace(type, std::move(entry));  // a second registration of the type is ignored
}

}  // namespace meta

}  // namespace covet

// covet::Uuid is a 128-bit universally unique identifier (RFC 9562), for
// columns and for primary keys that the database does not number:
//
//   struct [[covet::model]] Customer {
//     [[covet::primary_key]] covet::Uuid id;   // nil until created; then a random v4
//     std::string name;
//   };
//
//   covet::Uuid u("a1b2c3d4-0000-4000-8000-00000000002a");
//   u.to_string();                        // "a1b2c3d4-0000-4000-8000-00000000002a"
//   covet::Uuid fresh = covet::Uuid::random();   // version 4, from the OS's CSPRNG
//   if (customer.id.is_nil()) { /* not saved yet */ }
//
// The text form is the canonical 8-4-4-4-12 hexadecimal one, written in lower
// case; parsing accepts either case. Comparisons order by the 16 bytes, which
// is PostgreSQL's order for its uuid type and the order of the canonical text
// (how SQLite stores it), so order_by gives the same rows on both.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace covet {

class Uuid {
 public:
  using Bytes = std::array<std::uint8_t, 16>;

  // The nil UUID, 00000000-0000-0000-0000-000000000000.
  constexpr Uuid() noexcept = default;
  constexpr explicit Uuid(const Bytes& bytes) noexcept : bytes_(bytes) {}
  // Parses the canonical form (either case). Throws covet::UsageError naming
  // the text when it is not one.
  explicit Uuid(std::string_view text);

  // The canonical form, or nullopt.
  static std::optional<Uuid> parse(std::string_view text) noexcept;
  // A random (version 4, variant 1) UUID: 122 bits from getrandom(2), the
  // kernel's CSPRNG. Throws covet::OperationalError if the kernel refuses.
  static Uuid random();

  constexpr const Bytes& bytes() const noexcept { return bytes_; }
  constexpr bool is_nil() const noexcept {
    for (std::uint8_t b : bytes_)
      if (b != 0) return false;
    return true;
  }
  // The version nibble (4 for random(), 0 for nil).
  constexpr int version() const noexcept { return bytes_[6] >> 4; }

  // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lower case.
  std::string to_string() const;

  friend constexpr bool operator==(const Uuid&, const Uuid&) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(const Uuid&, const Uuid&) noexcept = default;

  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const Uuid& u) {
    return os << u.to_string().c_str();
  }

 private:
  Bytes bytes_{};
};

}  // namespace covet

template <>
struct std::hash<covet::Uuid> {
  std::size_t operator()(const covet::Uuid& u) const noexcept {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the bytes
    for (std::uint8_t b : u.bytes()) h = (h ^ b) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

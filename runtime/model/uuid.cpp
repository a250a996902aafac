// covet::Uuid's text form and random generation.
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/uuid.hpp>

#include <sys/random.h>

#include <cerrno>
#include <cstring>

namespace covet {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::optional<Uuid> Uuid::parse(std::string_view text) noexcept {
  if (text.size() != 36) return std::nullopt;
  Bytes bytes{};
  std::size_t out = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (is_dash_position(i)) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    const int hi = hex_value(text[i]), lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0 || is_dash_position(i + 1)) return std::nullopt;
    bytes[out++] = static_cast<std::uint8_t>(hi * 16 + lo);
    i += 2;
  }
  return Uuid(bytes);
}

Uuid::Uuid(std::string_view text) {
  std::optional<Uuid> u = parse(text);
  if (!u)
    throw UsageError("'" + std::string(text) +
                     "' is not a UUID: write the canonical form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal)");
  bytes_ = u->bytes_;
}

Uuid Uuid::random() {
  Bytes bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    // 16 bytes never block once the kernel's pool is initialized, and are
    // never cut short by a signal (getrandom(2) guarantees up to 256 bytes).
    const ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw OperationalError(std::string("covet::Uuid::random: getrandom failed: ") + std::strerror(errno));
    }
    got += static_cast<std::size_t>(n);
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // variant 1 (RFC 9562)
  return Uuid(bytes);
}

std::string Uuid::to_string() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes_[i] >> 4];
    out += kHex[bytes_[i] & 0xF];
  }
  return out;
}

namespace detail {

Uuid value_to_uuid(const Value& value) {
  if (value.is_uuid()) return value.as_uuid();
  if (value.is_text()) {
    if (std::optional<Uuid> u = Uuid::parse(value.as_text())) return *u;
  } else if (value.is_blob() && value.as_blob().size() == 16) {
    Uuid::Bytes bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(value.as_blob()[i]);
    return Uuid(bytes);
  }
  throw_conversion_error(value, "covet::Uuid");
}

}  // namespace detail

}  // namespace covet

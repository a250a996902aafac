// covet::Value's out-of-line members.
#include <covet/value.hpp>

#include "backend/iso8601.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace covet {

namespace {

constexpr std::size_t kMaxTextChars = 60;  // longer text is cut, with an ellipsis
constexpr std::size_t kMaxBlobBytes = 16;  // longer blobs show their first bytes

std::string quote_text(const std::string& s) {
  std::string out = "'";
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Count characters, not bytes, so UTF-8 sequences are never split; and
    // bound the bytes too, for text that is not UTF-8 (a run of continuation
    // bytes has no character to count). Valid UTF-8 meets the character
    // bound first: a character is at most 4 bytes.
    if (((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == kMaxTextChars) || i == 4 * kMaxTextChars) {
      out += "'... (" + std::to_string(s.size()) + " bytes)";
      return out;
    }
    if (s[i] == '\'') out += '\'';
    out += s[i];
  }
  return out + "'";
}

std::string real_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  (void)ec;  // 32 bytes always hold the shortest round-trip form of a double
  return std::string(buf, end);
}

std::string blob_text(const Blob& b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "x'";
  for (std::size_t i = 0; i < b.size() && i < kMaxBlobBytes; ++i) {
    const auto byte = static_cast<unsigned char>(b[i]);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  out += '\'';
  if (b.size() > kMaxBlobBytes) out += "... (" + std::to_string(b.size()) + " bytes)";
  return out;
}

}  // namespace

std::string Value::debug_string() const {
  switch (kind()) {
    case Kind::Null: return "NULL";
    case Kind::Bool: return as_bool() ? "true" : "false";
    case Kind::Integer: return std::to_string(as_integer());
    case Kind::Real: return real_text(as_real());
    case Kind::Text: return quote_text(as_text());
    case Kind::Blob: return blob_text(as_blob());
    case Kind::Timestamp: return "TIMESTAMP '" + detail::format_timestamp(as_timestamp()) + "'";
    case Kind::Date: return "DATE '" + detail::format_date(as_date()) + "'";
    case Kind::Decimal: return as_decimal().to_string();
    case Kind::Uuid: return "UUID '" + as_uuid().to_string() + "'";
  }
  return "?";
}

}  // namespace covet

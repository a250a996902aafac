#include "model/column_value.hpp"

#include <covet/errors.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace covet::detail {

namespace {

// What scanning text as UTF-8 (RFC 3629) found: its length in code points,
// or the offset of the first byte that starts no valid sequence (an overlong
// form, a surrogate, a code point above U+10FFFF, a stray or missing
// continuation byte).
struct Utf8Scan {
  std::size_t code_points = 0;
  std::size_t bad_offset = std::string_view::npos;
  std::size_t nul_offset = std::string_view::npos;
};

Utf8Scan scan_utf8(std::string_view text) {
  Utf8Scan scan;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Eight ASCII bytes, none NUL, are eight code points: most text is.
    if (size - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      constexpr std::uint64_t kLow = 0x0101010101010101u, kHigh = 0x8080808080808080u;
      if ((word & kHigh) == 0 && ((word - kLow) & ~word & kHigh) == 0) {
        scan.code_points += 8;
        i += 8;
        continue;
      }
    }
    const unsigned char lead = bytes[i];
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07u;
    } else {
      scan.bad_offset = i;  // a continuation byte, 0xC0/0xC1 (overlong) or 0xF5..0xFF
      return scan;
    }
    if (size - i < length) {
      scan.bad_offset = i;
      return scan;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0u) != 0x80u) {
        scan.bad_offset = i;
        return scan;
      }
      code_point = (code_point << 6) | (bytes[i + k] & 0x3Fu);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF) {
      scan.bad_offset = i;
      return scan;
    }
    if (code_point == 0 && scan.nul_offset == std::string_view::npos) scan.nul_offset = i;
    ++scan.code_points;
    i += length;
  }
  return scan;
}

std::string hex_byte(unsigned char byte) {
  char out[8];
  std::snprintf(out, sizeof out, "0x%02x", static_cast<unsigned>(byte));
  return out;
}

}  // namespace

Value column_value(const MemberInfo& m, const void* object) {
  if (m.kind == MemberKind::Relation && !m.relation->to_field.empty() && m.cached_target) {
    if (const void* target = m.cached_target(object))
      return m.relation->target->member(m.relation->to_field)->get(target);
  }
  return m.get(object);
}

void store_to_field_keys(const ModelInfo& model, void* object) {
  for (const MemberInfo* m : model.columns)
    if (m->kind == MemberKind::Relation && !m->relation->to_field.empty())
      m->set(object, column_value(*m, object));
}

void check_fits(const ModelInfo& model, const MemberInfo& member, const Value& value) {
  if (value.is_text()) check_text_fits(model, member, value.as_text());
}

void check_text_fits(const ModelInfo& model, const MemberInfo& member, std::string_view text) {
  const Utf8Scan scan = scan_utf8(text);
  const bool too_long = member.max_length > 0 && scan.code_points > static_cast<std::size_t>(member.max_length);
  if (scan.bad_offset == std::string_view::npos && scan.nul_offset == std::string_view::npos && !too_long) return;
  const std::string field = model.name + "." + member.name;
  if (scan.bad_offset != std::string_view::npos)
    throw DataError(field + ": the text is not valid UTF-8 (byte " +
                        hex_byte(static_cast<unsigned char>(text[scan.bad_offset])) + " at offset " +
                        std::to_string(scan.bad_offset) +
                        "); text columns hold UTF-8: convert the value, or store bytes in a "
                        "std::vector<std::byte> field",
                    model.name);
  if (scan.nul_offset != std::string_view::npos)
    throw DataError(field + ": the text holds a NUL character (at offset " + std::to_string(scan.nul_offset) +
                        "), which a PostgreSQL text column cannot store: remove it, or store bytes in a "
                        "std::vector<std::byte> field",
                    model.name);
  if (too_long)
    throw DataError(field + " holds at most " + std::to_string(member.max_length) +
                        " characters (max_length " + std::to_string(member.max_length) + ") and the value has " +
                        std::to_string(scan.code_points) +
                        ": shorten it, or raise the field's covet::max_length (and its VARCHAR column)",
                    model.name);
}

Value checked_column_value(const ModelInfo& model, const MemberInfo& m, const void* object) {
  Value value = column_value(m, object);
  check_fits(model, m, value);
  return value;
}

namespace {

// Whether check_values looks at `m`: a bool or number member (read through
// its typed getter) never fails check_fits, whatever its value.
bool needs_check(const MemberInfo& m) { return !m.primary_key && !(m.get_bool || m.get_int64 || m.get_real); }

void check_member(const ModelInfo& model, const MemberInfo& m, const void* object) {
  if (m.get_text) {
    if (const std::string* text = m.get_text(object)) check_text_fits(model, m, *text);
  } else {
    check_fits(model, m, column_value(m, object));
  }
}

}  // namespace

void check_values(const ModelInfo& model, const void* object) {
  for (const MemberInfo* m : model.columns)
    if (needs_check(*m)) check_member(model, *m, object);
}

void check_all_values(const ModelInfo& model, std::span<void* const> objects) {
  std::vector<const MemberInfo*> checked;
  for (const MemberInfo* m : model.columns)
    if (needs_check(*m)) checked.push_back(m);
  for (const void* object : objects)
    for (const MemberInfo* m : checked) check_member(model, *m, object);
}

}  // namespace covet::detail

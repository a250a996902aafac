#include "backend/postgres_row.hpp"

#include "backend/postgres_types.hpp"

#include <covet/decimal.hpp>
#include <covet/errors.hpp>

#include <charconv>
#include <optional>
#include <string>

namespace covet::detail {

using namespace pg;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Blob decode_bytea(const char* text, int length) {
  Blob out;
  if (length >= 2 && text[0] == '\\' && text[1] == 'x') {  // hex format (the default)
    out.reserve(static_cast<std::size_t>(length - 2) / 2);
    for (int i = 2; i + 1 < length; i += 2) {
      const int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
      if (hi < 0 || lo < 0) break;
      out.push_back(static_cast<std::byte>(hi * 16 + lo));
    }
    return out;
  }
  std::size_t n = 0;  // legacy escape format
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
  if (raw != nullptr) {
    out.assign(reinterpret_cast<std::byte*>(raw), reinterpret_cast<std::byte*>(raw) + n);
    PQfreemem(raw);
  }
  return out;
}

// NUMERIC exactly: a Decimal while it fits 18 digits (every covet::Decimal
// column does), else its text (NaN, or a wider number Covet did not write),
// which a Decimal member refuses with a message rather than rounding.
Value numeric_value(std::string_view text) {
  const std::size_t point = text.find('.');
  const int places = point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
  if (places <= 18) {
    try {
      return Value(DecimalValue{parse_decimal_units(text, places, "NUMERIC"), places});
    } catch (const Error&) {
      // not a number that fits: keep the text
    }
  }
  return Value(std::string(text));
}

// The column types value() reads as an Integer, and as a Real.
bool is_integer_oid(Oid type) {
  return type == kInt2Oid || type == kInt4Oid || type == kInt8Oid || type == kOidOid;
}
bool is_real_oid(Oid type) { return type == kFloat4Oid || type == kFloat8Oid; }

}  // namespace

bool PostgresRow::is_null(int column) const {
  check(column);
  return PQgetisnull(r_, row_, column) != 0;
}

Value PostgresRow::value(int column) const {
  check(column);
  if (PQgetisnull(r_, row_, column)) return Value();
  const char* text = PQgetvalue(r_, row_, column);
  const int length = PQgetlength(r_, row_, column);
  switch (PQftype(r_, column)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t i = 0;
      std::from_chars(text, text + length, i);
      return Value(i);
    }
    case kFloat4Oid:
    case kFloat8Oid: {
      double d = 0;
      // from_chars reads "NaN", "Infinity" and "-Infinity" case-insensitively.
      std::from_chars(text, text + length, d);
      return Value(d);
    }
    case kNumericOid: return numeric_value(std::string_view(text, static_cast<std::size_t>(length)));
    case kUuidOid:
      if (std::optional<Uuid> u = Uuid::parse(std::string_view(text, static_cast<std::size_t>(length))))
        return Value(*u);
      return Value(std::string(text, static_cast<std::size_t>(length)));
    case kBoolOid: return Value(text[0] == 't');
    case kByteaOid: return Value(decode_bytea(text, length));
    default: return Value(std::string(text, static_cast<std::size_t>(length)));
  }
}

bool PostgresRow::read_int64(int column, std::int64_t& out) const {
  check(column);
  if (PQgetisnull(r_, row_, column) || !is_integer_oid(PQftype(r_, column))) return false;
  const char* text = PQgetvalue(r_, row_, column);
  out = 0;
  std::from_chars(text, text + PQgetlength(r_, row_, column), out);
  return true;
}

bool PostgresRow::read_real(int column, double& out) const {
  check(column);
  if (PQgetisnull(r_, row_, column) || !is_real_oid(PQftype(r_, column))) return false;
  const char* text = PQgetvalue(r_, row_, column);
  out = 0;
  std::from_chars(text, text + PQgetlength(r_, row_, column), out);
  return true;
}

bool PostgresRow::read_text(int column, std::string_view& out) const {
  check(column);
  if (PQgetisnull(r_, row_, column)) return false;
  const Oid type = PQftype(r_, column);
  if (is_integer_oid(type) || is_real_oid(type) || type == kNumericOid || type == kUuidOid ||
      type == kBoolOid || type == kByteaOid)
    return false;  // value() gives these another kind
  out = std::string_view(PQgetvalue(r_, row_, column),
                         static_cast<std::size_t>(PQgetlength(r_, row_, column)));
  return true;
}

void PostgresRow::check(int column) const {
  if (column < 0 || column >= size_)
    throw UsageError("result column " + std::to_string(column) + " is out of range; the row has " +
                     std::to_string(size_) + " columns");
}

}  // namespace covet::detail

#include "sql/list_parameter.hpp"

#include "backend/iso8601.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace covet::detail {

namespace {

// The shortest text that reads back as `d`.
std::string real_text(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  (void)ec;
  return std::string(buf, end);
}

void append_quoted(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

constexpr char kHex[] = "0123456789ABCDEF";

std::string hex(const Blob& blob) {
  std::string out;
  out.reserve(blob.size() * 2);
  for (std::byte b : blob) {
    out += kHex[static_cast<unsigned>(b) >> 4];
    out += kHex[static_cast<unsigned>(b) & 0xf];
  }
  return out;
}

// One element of a PostgreSQL array literal, in the text form the server
// reads for the element type.
void append_pg_element(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Integer: out += std::to_string(v.as_integer()); return;
    case Value::Kind::Real: {
      const double d = v.as_real();
      out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d > 0 ? "Infinity" : "-Infinity") : real_text(d);
      return;
    }
    case Value::Kind::Bool: out += v.as_bool() ? "t" : "f"; return;
    case Value::Kind::Text: append_quoted(out, v.as_text()); return;
    case Value::Kind::Timestamp: append_quoted(out, format_timestamp(v.as_timestamp())); return;
    case Value::Kind::Date: append_quoted(out, format_date(v.as_date())); return;
    case Value::Kind::Blob: append_quoted(out, "\\x" + hex(v.as_blob())); return;
    case Value::Kind::Decimal: out += v.as_decimal().to_string(); return;
    case Value::Kind::Uuid: append_quoted(out, v.as_uuid().to_string()); return;
    case Value::Kind::Null: out += "NULL"; return;
  }
}

// One JSON string: quotes, backslashes and control characters escaped;
// other bytes (UTF-8) as they are.
void append_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

}  // namespace

std::string pg_array_type(ColumnType type) {
  switch (type) {
    case ColumnType::AutoId:
    case ColumnType::SmallInt:
    case ColumnType::Integer:
    case ColumnType::BigInt: return "bigint[]";
    case ColumnType::Bool: return "boolean[]";
    case ColumnType::Real: return "double precision[]";
    case ColumnType::Text: return "text[]";
    case ColumnType::Blob: return "bytea[]";
    case ColumnType::Timestamp: return "timestamp[]";
    case ColumnType::Date: return "date[]";
    case ColumnType::Decimal: return "numeric[]";
    case ColumnType::Uuid: return "uuid[]";
  }
  return "text[]";
}

std::string pg_array_literal(const std::vector<Value>& values) {
  std::string out = "{";
  for (const Value& v : values) {
    if (v.is_null()) continue;
    if (out.size() > 1) out += ',';
    append_pg_element(out, v);
  }
  return out + "}";
}

std::optional<std::string> sqlite_json_array(const std::vector<Value>& values) {
  std::string out = "[";
  for (const Value& v : values) {
    std::string element;
    switch (v.kind()) {
      case Value::Kind::Null: continue;
      case Value::Kind::Integer: element = std::to_string(v.as_integer()); break;
      case Value::Kind::Bool: element = v.as_bool() ? "1" : "0"; break;  // SQLite stores bools as 0 / 1
      case Value::Kind::Real: {
        const double d = v.as_real();
        if (std::isnan(d)) continue;  // SQLite stores NaN as NULL: it equals nothing
        // JSON has no infinity; SQLite reads an overflowing literal as one.
        element = std::isinf(d) ? (d > 0 ? "1e999" : "-1e999") : real_text(d);
        break;
      }
      case Value::Kind::Text:
        if (v.as_text().find('\0') != std::string::npos) return std::nullopt;
        append_json_string(element, v.as_text());
        break;
      case Value::Kind::Timestamp: append_json_string(element, format_timestamp(v.as_timestamp())); break;
      case Value::Kind::Date: append_json_string(element, format_date(v.as_date())); break;
      case Value::Kind::Blob: append_json_string(element, hex(v.as_blob())); break;
      // As SQLite stores them: canonical text (a decimal column compares it
      // by value through its covet_decimal collation).
      case Value::Kind::Decimal: append_json_string(element, v.as_decimal().to_string()); break;
      case Value::Kind::Uuid: append_json_string(element, v.as_uuid().to_string()); break;
    }
    if (out.size() > 1) out += ',';
    out += element;
  }
  return out + "]";
}

std::string list_parameter_condition(Dialect dialect, const std::string& column, ColumnType type,
                                     const std::string& placeholder) {
  if (dialect == Dialect::PostgreSQL) return column + " = ANY(" + placeholder + "::" + pg_array_type(type) + ")";
  const std::string list = "(SELECT value FROM json_each(" + placeholder + "))";
  if (type == ColumnType::Blob) return "(" + column + " IS NOT NULL AND hex(" + column + ") IN " + list + ")";
  return column + " IN " + list;
}

}  // namespace covet::detail

// Conversions between covet::Value and C++ member types that FieldTraits
// delegates to: they accept every representation a backend may return for a
// column (SQLite has no boolean or timestamp type, PostgreSQL sends text).
#include <covet/decimal.hpp>
#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/value.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <string>

namespace covet::detail {

namespace {

const char* kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null: return "NULL";
    case Value::Kind::Bool: return "a boolean";
    case Value::Kind::Integer: return "an integer";
    case Value::Kind::Real: return "a real number";
    case Value::Kind::Text: return "text";
    case Value::Kind::Blob: return "a blob";
    case Value::Kind::Timestamp: return "a timestamp";
    case Value::Kind::Date: return "a date";
    case Value::Kind::Decimal: return "a decimal";
    case Value::Kind::Uuid: return "a UUID";
  }
  return "a value";
}

bool parse_int(std::string_view s, std::int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Parses "YYYY-MM-DD" at the start of `s`; returns false when malformed.
bool parse_ymd(std::string_view s, std::chrono::sys_days& out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  std::int64_t y = 0, m = 0, d = 0;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d))
    return false;
  std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return false;
  out = std::chrono::sys_days(ymd);
  return true;
}

}  // namespace

void throw_conversion_error(const Value& value, std::string_view target) {
  if (value.is_null())
    throw UsageError("NULL cannot be stored in " + std::string(target) +
                           ": make the member std::optional<...> or keep the column NOT NULL");
  throw UsageError("cannot convert " + std::string(kind_name(value.kind())) + " " +
                   value.debug_string() + " to " + std::string(target) +
                   ": the column and the member's type disagree");
}

std::int64_t value_to_integer(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Integer: return value.as_integer();
    case Value::Kind::Bool: return value.as_bool() ? 1 : 0;
    case Value::Kind::Real: {
      double d = value.as_real();
      if (std::trunc(d) == d && std::fabs(d) < 9.2e18) return static_cast<std::int64_t>(d);
      break;
    }
    case Value::Kind::Text: {
      std::int64_t i = 0;
      if (parse_int(value.as_text(), i)) return i;
      break;
    }
    case Value::Kind::Decimal: {  // PostgreSQL's NUMERIC, when it is whole
      const DecimalValue d = value.as_decimal();
      const std::int64_t scale = pow10(d.places);
      if (d.units % scale == 0) return d.units / scale;
      break;
    }
    default: break;
  }
  throw_conversion_error(value, "an integer");
}

double value_to_real(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Real: return value.as_real();
    case Value::Kind::Integer: return static_cast<double>(value.as_integer());
    case Value::Kind::Decimal: {
      const DecimalValue d = value.as_decimal();
      return static_cast<double>(d.units) / static_cast<double>(pow10(d.places));
    }
    case Value::Kind::Text: {
      const std::string& s = value.as_text();
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && end == s.c_str() + s.size()) return d;
      break;
    }
    default: break;
  }
  throw_conversion_error(value, "a floating-point number");
}

bool value_to_bool(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Bool: return value.as_bool();
    case Value::Kind::Integer: return value.as_integer() != 0;
    case Value::Kind::Text: {
      const std::string& s = value.as_text();
      if (s == "t" || s == "true" || s == "1") return true;
      if (s == "f" || s == "false" || s == "0") return false;
      break;
    }
    default: break;
  }
  throw_conversion_error(value, "bool");
}

Timestamp parse_timestamp(const Value& value) {
  if (value.is_timestamp()) return value.as_timestamp();
  if (value.is_integer()) return Timestamp{value.as_integer()};
  if (value.is_text()) {
    // "YYYY-MM-DD HH:MM:SS[.ffffff][+00[:00]]" or with a 'T' separator.
    std::string_view s = value.as_text();
    std::chrono::sys_days day;
    if (parse_ymd(s, day) && s.size() >= 19 && (s[10] == ' ' || s[10] == 'T') && s[13] == ':' &&
        s[16] == ':') {
      std::int64_t h = 0, mi = 0, sec = 0, micros = 0;
      if (parse_int(s.substr(11, 2), h) && parse_int(s.substr(14, 2), mi) &&
          parse_int(s.substr(17, 2), sec)) {
        std::size_t pos = 19;
        if (pos < s.size() && s[pos] == '.') {
          std::size_t digits = 0;
          ++pos;
          while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            if (digits < 6) micros = micros * 10 + (s[pos] - '0');
            ++digits;
            ++pos;
          }
          for (; digits < 6; ++digits) micros *= 10;
        }
        // A UTC offset (PostgreSQL timestamptz) is applied; Covet writes UTC.
        std::int64_t offset_seconds = 0;
        if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
          int sign = s[pos] == '-' ? -1 : 1;
          std::int64_t oh = 0, om = 0;
          parse_int(s.substr(pos + 1, 2), oh);
          if (s.size() >= pos + 6 && s[pos + 3] == ':') parse_int(s.substr(pos + 4, 2), om);
          offset_seconds = sign * (oh * 3600 + om * 60);
        }
        std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count() +
                               h * 3600 + mi * 60 + sec - offset_seconds;
        return Timestamp{seconds * 1'000'000 + micros};
      }
    }
  }
  throw_conversion_error(value, "a timestamp");
}

Date parse_date(const Value& value) {
  if (value.is_date()) return value.as_date();
  if (value.is_text()) {
    std::chrono::sys_days day;
    if (parse_ymd(value.as_text(), day)) return Date{static_cast<std::int32_t>(day.time_since_epoch().count())};
  }
  throw_conversion_error(value, "a date");
}

}  // namespace covet::detail

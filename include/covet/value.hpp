// covet::Value is the one currency between models and databases: every field
// is converted to a Value before it is bound as a statement parameter, and every
// column a backend returns arrives as a Value before it is stored in a field.
//
//   covet::Value v = std::int64_t{42};
//   if (v.is_integer()) std::cout << v.as_integer();
//   covet::Value name = std::string("Alice");
//   covet::Value none;                       // SQL NULL
//
// Timestamps and dates have their own kinds so that backends can send them with
// the right type (PostgreSQL) or as sortable ISO-8601 text (SQLite); so do
// exact decimals (covet::Decimal, NUMERIC) and UUIDs (covet::Uuid, uuid).
#pragma once

#include <covet/uuid.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace covet {

using Blob = std::vector<std::byte>;

// Microseconds since the Unix epoch, UTC.
struct Timestamp {
  std::int64_t micros = 0;
  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// Days since the Unix epoch.
struct Date {
  std::int32_t days = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// An exact decimal number in transit: units * 10^-places, 0 <= places <= 18
// (covet::Decimal<D, P> sends {units, P}). Equality is of the representation:
// {1230, 2} and {123, 1} are the same number but not equal Values.
struct DecimalValue {
  std::int64_t units = 0;
  int places = 0;
  friend bool operator==(const DecimalValue&, const DecimalValue&) = default;
  // "12.30" for {1230, 2}, "-0.5" for {-5, 1}.
  std::string to_string() const;
};

class Value {
 public:
  enum class Kind { Null, Bool, Integer, Real, Text, Blob, Timestamp, Date, Decimal, Uuid };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(std::int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(covet::Blob b) : v_(std::move(b)) {}
  Value(covet::Timestamp t) : v_(t) {}
  Value(covet::Date d) : v_(d) {}
  Value(covet::DecimalValue d) : v_(d) {}
  Value(const covet::Uuid& u) : v_(u) {}

  Kind kind() const noexcept { return static_cast<Kind>(v_.index()); }
  bool is_null() const noexcept { return kind() == Kind::Null; }
  bool is_bool() const noexcept { return kind() == Kind::Bool; }
  bool is_integer() const noexcept { return kind() == Kind::Integer; }
  bool is_real() const noexcept { return kind() == Kind::Real; }
  bool is_text() const noexcept { return kind() == Kind::Text; }
  bool is_blob() const noexcept { return kind() == Kind::Blob; }
  bool is_timestamp() const noexcept { return kind() == Kind::Timestamp; }
  bool is_date() const noexcept { return kind() == Kind::Date; }
  bool is_decimal() const noexcept { return kind() == Kind::Decimal; }
  bool is_uuid() const noexcept { return kind() == Kind::Uuid; }

  // Accessors require the matching kind (checked with std::get: a mismatch
  // throws std::bad_variant_access, a programming error inside Covet).
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_integer() const { return std::get<std::int64_t>(v_); }
  double as_real() const { return std::get<double>(v_); }
  const std::string& as_text() const { return std::get<std::string>(v_); }
  const covet::Blob& as_blob() const { return std::get<covet::Blob>(v_); }
  covet::Timestamp as_timestamp() const { return std::get<covet::Timestamp>(v_); }
  covet::Date as_date() const { return std::get<covet::Date>(v_); }
  covet::DecimalValue as_decimal() const { return std::get<covet::DecimalValue>(v_); }
  const covet::Uuid& as_uuid() const { return std::get<covet::Uuid>(v_); }

  friend bool operator==(const Value&, const Value&) = default;

  // A short human-readable rendering for error messages, e.g. 42, 'Alice',
  // NULL, 12.30, UUID 'a1b2c3d4-...'.
  std::string debug_string() const;

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string,
               covet::Blob, covet::Timestamp, covet::Date, covet::DecimalValue, covet::Uuid>
      v_;
};

}  // namespace covet

// How C++ member types map to columns: covet::FieldTraits<T> gives the column
// type of T and converts between T and covet::Value in both directions.
//
//   static_assert(covet::FieldTraits<std::int32_t>::column_type == covet::ColumnType::Integer);
//   covet::Value v = covet::FieldTraits<std::string>::to_value("Zoë");
//   std::string s = covet::FieldTraits<std::string>::from_value(v);
//
// Supported: every integer width, bool, float/double, enums (by underlying
// integer, or by enumerator name for an enum declared
// `enum class [[covet::enum_text]] E`), std::string, covet::Id,
// covet::Uuid, covet::Decimal<D, P> (exact decimals), std::chrono::sys_time<D>
// (timestamps, UTC, microsecond precision), std::chrono::sys_days and
// year_month_day (dates), std::vector<std::byte> and std::vector<std::uint8_t>
// (blobs), and std::optional<T> of any of these (a nullable column).
// Specialize FieldTraits for your own types with the same three members.
//
// from_value throws covet::Error subclasses on impossible conversions (NULL into
// a non-optional member, text into an integer): a sign that the schema and the
// model disagree. Values a column cannot hold (a Decimal with more digits than
// its column, an enum value that has no name) throw covet::DataError from
// to_value, before any statement runs.
#pragma once

#include <covet/decimal.hpp>
#include <covet/errors.hpp>
#include <covet/id.hpp>
#include <covet/model_info.hpp>
#include <covet/uuid.hpp>
#include <covet/value.hpp>

#include <atomic>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

namespace covet {

template <class T, class = void>
struct FieldTraits;  // undefined: a member type Covet cannot store

namespace detail {
[[noreturn]] void throw_conversion_error(const Value& value, std::string_view target);
Timestamp parse_timestamp(const Value& value);  // accepts Timestamp, ISO text, integer micros
Date parse_date(const Value& value);            // accepts Date, ISO text
std::int64_t value_to_integer(const Value& value);  // accepts Integer, Bool, integral Real, numeric Text
double value_to_real(const Value& value);
bool value_to_bool(const Value& value);

// Decimals: `value` (a Decimal of any scale, decimal text, a whole integer) as
// units of 10^-places, exactly; DataError when it has more digits than
// `digits` or non-zero decimals beyond `places`. `type` names the member's
// type in messages.
std::int64_t value_to_decimal_units(const Value& value, int digits, int places, std::string_view type);
// UUIDs: a Uuid, its canonical text, or its 16 bytes.
Uuid value_to_uuid(const Value& value);

// The names of an enum declared `enum class [[covet::enum_text]] E`, which the
// plugin emits (covet::meta::EnumRegistration); null for other enums.
struct EnumNames;
const EnumNames* enum_names(const std::type_info& type) noexcept;
// Whether every registration has run: true once the model registry is built.
bool enum_registrations_closed() noexcept;
// The enumerator's name; DataError when no enumerator has `value`.
Value enum_name_of(const EnumNames& names, std::int64_t value);
// The value of the enumerator named by `value` (its name as text; an integer
// is taken as the value itself); DataError naming the enum and its names for
// an unknown name.
std::int64_t enum_value_of(const EnumNames& names, const Value& value);
}  // namespace detail

// Integers of every width and signedness (bool excluded).
template <class T>
struct FieldTraits<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  // The smallest signed SQL integer that holds every value of T.
  static constexpr ColumnType column_type =
      (sizeof(T) == 1 || (sizeof(T) == 2 && std::is_signed_v<T>)) ? ColumnType::SmallInt
      : (sizeof(T) == 2 || (sizeof(T) == 4 && std::is_signed_v<T>)) ? ColumnType::Integer
                                                                    : ColumnType::BigInt;
  static Value to_value(T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) == 8) {
      if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw UsageError("unsigned value " + std::to_string(v) +
                         " does not fit a BIGINT column (max 9223372036854775807)");
    }
    return Value(static_cast<std::int64_t>(v));
  }
  static T from_value(const Value& value) {
    std::int64_t i = detail::value_to_integer(value);
    if (!std::in_range<T>(i)) detail::throw_conversion_error(value, "an integer of this width");
    return static_cast<T>(i);
  }
};

template <>
struct FieldTraits<bool> {
  static constexpr ColumnType column_type = ColumnType::Bool;
  static Value to_value(bool v) { return Value(v); }
  static bool from_value(const Value& value) { return detail::value_to_bool(value); }
};

template <class T>
struct FieldTraits<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr ColumnType column_type = ColumnType::Real;
  static Value to_value(T v) { return Value(static_cast<double>(v)); }
  static T from_value(const Value& value) { return static_cast<T>(detail::value_to_real(value)); }
};

// An enum is stored as its underlying integer, or as its enumerator's name
// when its declaration says `[[covet::enum_text]]`. That is a property of the
// type, not of one member, so that a filter value converts the same way
// whatever column it meets (Django's TextChoices is a type, too). The names
// come from the metadata the plugin emits, registered before main() runs.
template <class T>
struct FieldTraits<T, std::enable_if_t<std::is_enum_v<T>>> {
  using Underlying = std::underlying_type_t<T>;
  using Base = FieldTraits<Underlying>;
  // The column type of the integer form; a by-name enum's member gets a TEXT
  // column from its metadata (covet::meta::FieldSpec::enum_text).
  static constexpr ColumnType column_type = Base::column_type;
  static Value to_value(T v) {
    if (const detail::EnumNames* n = names())
      return detail::enum_name_of(*n, static_cast<std::int64_t>(static_cast<Underlying>(v)));
    return Base::to_value(static_cast<Underlying>(v));
  }
  static T from_value(const Value& value) {
    if (const detail::EnumNames* n = names())
      return static_cast<T>(static_cast<Underlying>(detail::enum_value_of(*n, value)));
    return static_cast<T>(Base::from_value(value));
  }
  // Registrations all run during static initialization, so a table found is
  // kept; "no table" is kept only once registration is over (the model
  // registry has been built), in case the enum is converted before the
  // generated metadata's initializers have run.
  static const detail::EnumNames* names() noexcept {
    static std::atomic<const detail::EnumNames*> found{nullptr};
    static std::atomic<bool> settled{false};
    if (settled.load(std::memory_order_acquire)) return found.load(std::memory_order_relaxed);
    const detail::EnumNames* n = detail::enum_names(typeid(T));
    if (n || detail::enum_registrations_closed()) {
      found.store(n, std::memory_order_relaxed);
      settled.store(true, std::memory_order_release);
    }
    return n;
  }
};

template <>
struct FieldTraits<std::string> {
  static constexpr ColumnType column_type = ColumnType::Text;
  static Value to_value(const std::string& v) { return Value(v); }
  static std::string from_value(const Value& value) {
    if (value.is_text()) return value.as_text();
    detail::throw_conversion_error(value, "std::string");
  }
};

template <>
struct FieldTraits<Id> {
  static constexpr ColumnType column_type = ColumnType::AutoId;
  static Value to_value(Id v) { return v.has_value() ? Value(v.value()) : Value(); }
  static Id from_value(const Value& value) {
    return value.is_null() ? Id() : Id(detail::value_to_integer(value));
  }
};

// covet::Uuid: native uuid on PostgreSQL, canonical text on SQLite. The nil
// UUID is an ordinary value here; as a primary key it means "unsaved" (the
// metadata's accessors map it to NULL, as covet::Id's 0).
template <>
struct FieldTraits<Uuid> {
  static constexpr ColumnType column_type = ColumnType::Uuid;
  static Value to_value(const Uuid& v) { return Value(v); }
  static Uuid from_value(const Value& value) { return detail::value_to_uuid(value); }
};

// covet::Decimal<D, P>: NUMERIC(D, P); see covet/decimal.hpp.
template <int Digits, int Places>
struct FieldTraits<Decimal<Digits, Places>> {
  static constexpr ColumnType column_type = ColumnType::Decimal;
  static constexpr int max_digits = Digits;
  static constexpr int decimal_places = Places;
  static Value to_value(Decimal<Digits, Places> v) {
    if (!v.fits()) detail::throw_decimal_out_of_range(v.units(), Digits, Places);
    return Value(DecimalValue{v.units(), Places});
  }
  static Decimal<Digits, Places> from_value(const Value& value) {
    return Decimal<Digits, Places>::from_units(
        detail::value_to_decimal_units(value, Digits, Places, Decimal<Digits, Places>::type_name()));
  }
};

template <class Duration>
struct FieldTraits<std::chrono::sys_time<Duration>,
                   std::enable_if_t<!std::is_same_v<Duration, std::chrono::days>>> {
  static constexpr ColumnType column_type = ColumnType::Timestamp;
  static Value to_value(std::chrono::sys_time<Duration> t) {
    return Value(Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count()});
  }
  static std::chrono::sys_time<Duration> from_value(const Value& value) {
    auto micros = std::chrono::microseconds(detail::parse_timestamp(value).micros);
    return std::chrono::sys_time<Duration>(std::chrono::duration_cast<Duration>(micros));
  }
};

template <>
struct FieldTraits<std::chrono::sys_days> {
  static constexpr ColumnType column_type = ColumnType::Date;
  static Value to_value(std::chrono::sys_days d) {
    return Value(Date{static_cast<std::int32_t>(d.time_since_epoch().count())});
  }
  static std::chrono::sys_days from_value(const Value& value) {
    return std::chrono::sys_days(std::chrono::days(detail::parse_date(value).days));
  }
};

template <>
struct FieldTraits<std::chrono::year_month_day> {
  static constexpr ColumnType column_type = ColumnType::Date;
  static Value to_value(std::chrono::year_month_day d) {
    if (!d.ok()) throw UsageError("invalid calendar date cannot be stored");
    return FieldTraits<std::chrono::sys_days>::to_value(std::chrono::sys_days(d));
  }
  static std::chrono::year_month_day from_value(const Value& value) {
    return std::chrono::year_month_day(FieldTraits<std::chrono::sys_days>::from_value(value));
  }
};

template <class Byte>
struct FieldTraits<std::vector<Byte>, std::enable_if_t<std::is_same_v<Byte, std::byte> ||
                                                       std::is_same_v<Byte, std::uint8_t>>> {
  static constexpr ColumnType column_type = ColumnType::Blob;
  static Value to_value(const std::vector<Byte>& v) {
    if constexpr (std::is_same_v<Byte, std::byte>) {
      return Value(v);
    } else {
      Blob b(v.size());
      for (std::size_t i = 0; i < v.size(); ++i) b[i] = static_cast<std::byte>(v[i]);
      return Value(std::move(b));
    }
  }
  static std::vector<Byte> from_value(const Value& value) {
    if (!value.is_blob()) detail::throw_conversion_error(value, "a blob");
    const Blob& b = value.as_blob();
    if constexpr (std::is_same_v<Byte, std::byte>) {
      return b;
    } else {
      std::vector<Byte> out(b.size());
      for (std::size_t i = 0; i < b.size(); ++i) out[i] = static_cast<Byte>(b[i]);
      return out;
    }
  }
};

// A type Covet can store in a column.
template <class T>
concept Storable = requires { FieldTraits<T>::column_type; };

// Converts a C++ value to the Value bound for it, used for filter arguments.
template <Storable T>
Value to_value(const T& v) {
  return FieldTraits<T>::to_value(v);
}

}  // namespace covet

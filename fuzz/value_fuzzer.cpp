// libFuzzer target: value conversions. The first byte picks the kind of a
// covet::Value built from the rest (NULL, bool, integer, real, text, blob,
// timestamp, date, from raw bytes); then:
//  * Value::debug_string() must not fail, and stays short for long text;
//  * FieldTraits<T>::from_value for every storable T either throws a
//    covet::Error or gives a value whose to_value converts back to the same
//    T (a round trip is stable);
//  * the ISO-8601 parser (runtime/backend/iso8601.hpp): text it accepts
//    formats back to text it parses to the same instant (years 0-9999), and
//    where FieldTraits' own text parser accepts the same text they agree.
// A crash, a sanitizer report or an exception that is not a covet::Error is
// a bug (reported by aborting).
#include "backend/iso8601.hpp"

#include <covet/errors.hpp>
#include <covet/field_traits.hpp>
#include <covet/value.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void bug(const char* what, const std::string& detail) {
  std::fprintf(stderr, "value_fuzzer: %s: %s\n", what, detail.c_str());
  std::abort();
}

template <class I>
I read(const std::uint8_t* data, std::size_t size) {
  I out{};
  if (size > 0) std::memcpy(&out, data, std::min(size, sizeof out));
  return out;
}

covet::Value make_value(std::uint8_t kind, const std::uint8_t* data, std::size_t size) {
  switch (kind % 8) {
    case 0: return covet::Value();
    case 1: return covet::Value(size > 0 && (data[0] & 1));
    case 2: return covet::Value(read<std::int64_t>(data, size));
    case 3: return covet::Value(read<double>(data, size));
    case 4: return covet::Value(std::string(reinterpret_cast<const char*>(data), size));
    case 5: {
      covet::Blob b(size);
      if (size > 0) std::memcpy(b.data(), data, size);
      return covet::Value(std::move(b));
    }
    case 6: return covet::Value(covet::Timestamp{read<std::int64_t>(data, size)});
    default: return covet::Value(covet::Date{read<std::int32_t>(data, size)});
  }
}

template <class T>
bool same(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
  } else {
    return a == b;
  }
}

template <class T>
void round_trip(const covet::Value& v, const char* type) {
  try {
    const T first = covet::FieldTraits<T>::from_value(v);
    const covet::Value back = covet::FieldTraits<T>::to_value(first);
    const T second = covet::FieldTraits<T>::from_value(back);
    if (!same(first, second))
      bug("an unstable round trip", std::string(type) + " from " + v.debug_string() + " -> " + back.debug_string());
  } catch (const covet::Error&) {
    // Not convertible: fine.
  }
}

void round_trips(const covet::Value& v) {
  using namespace std::chrono;
  round_trip<std::int8_t>(v, "int8_t");
  round_trip<std::uint8_t>(v, "uint8_t");
  round_trip<std::int16_t>(v, "int16_t");
  round_trip<std::uint16_t>(v, "uint16_t");
  round_trip<std::int32_t>(v, "int32_t");
  round_trip<std::uint32_t>(v, "uint32_t");
  round_trip<std::int64_t>(v, "int64_t");
  round_trip<std::uint64_t>(v, "uint64_t");
  round_trip<bool>(v, "bool");
  round_trip<float>(v, "float");
  round_trip<double>(v, "double");
  round_trip<std::string>(v, "std::string");
  round_trip<covet::Id>(v, "covet::Id");
  round_trip<sys_seconds>(v, "sys_seconds");
  round_trip<sys_time<microseconds>>(v, "sys_time<microseconds>");
  round_trip<sys_days>(v, "sys_days");
  round_trip<year_month_day>(v, "year_month_day");
  round_trip<std::vector<std::byte>>(v, "std::vector<std::byte>");
  round_trip<std::vector<std::uint8_t>>(v, "std::vector<std::uint8_t>");
}

bool in_four_digit_years(covet::Timestamp t) {
  // 0000-01-01 and 9999-12-31 23:59:59.999999, in microseconds since 1970.
  return t.micros >= -62167219200000000LL && t.micros <= 253402300799999999LL;
}

void iso8601(std::string_view text) {
  if (std::optional<covet::Timestamp> t = covet::detail::parse_timestamp(text)) {
    if (in_four_digit_years(*t)) {
      const std::string formatted = covet::detail::format_timestamp(*t);
      const std::optional<covet::Timestamp> again = covet::detail::parse_timestamp(std::string_view(formatted));
      if (!again || again->micros != t->micros)
        bug("format_timestamp() does not parse back", std::string(text) + " -> " + formatted);
    }
    // FieldTraits' text parser (value_conversions.cpp), where it also accepts it.
    try {
      const covet::Timestamp other = covet::detail::parse_timestamp(covet::Value(std::string(text)));
      if (other.micros != t->micros)
        bug("the two timestamp parsers disagree",
            std::string(text) + ": " + std::to_string(t->micros) + " vs " + std::to_string(other.micros));
    } catch (const covet::Error&) {
    }
  }
  if (std::optional<covet::Date> d = covet::detail::parse_date(text)) {
    const std::string formatted = covet::detail::format_date(*d);
    const std::optional<covet::Date> again = covet::detail::parse_date(std::string_view(formatted));
    if (d->days >= -719528 && d->days <= 2932896 && (!again || again->days != d->days))
      bug("format_date() does not parse back", std::string(text) + " -> " + formatted);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  try {
    const covet::Value v = make_value(data[0], data + 1, size - 1);
    const std::string shown = v.debug_string();
    if (shown.size() > 400) bug("debug_string() is not short", std::to_string(shown.size()) + " bytes");
    round_trips(v);
    iso8601(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    if (v.is_timestamp()) (void)covet::detail::format_timestamp(v.as_timestamp());
    if (v.is_date()) (void)covet::detail::format_date(v.as_date());
  } catch (const covet::Error&) {
  } catch (const std::exception& e) {
    bug("an exception that is not a covet::Error", e.what());
  }
  return 0;
}

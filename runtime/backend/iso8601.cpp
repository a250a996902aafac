#include "backend/iso8601.hpp"

#include <cstdio>

namespace covet::detail {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// A tiny cursor over the text being parsed.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool done() const { return i == s.size(); }
  bool peek(char c) const { return i < s.size() && s[i] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++i;
    return true;
  }
  // Exactly n digits.
  bool digits(int n, std::int64_t& out) {
    out = 0;
    for (int k = 0; k < n; ++k) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i++] - '0');
    }
    return true;
  }
};

bool parse_ymd(Cursor& c, std::int64_t& days) {
  std::int64_t y, m, d;
  if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, m) || !c.eat('-') || !c.digits(2, d))
    return false;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(m))) return false;
  days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& year, unsigned& month, unsigned& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2);
}

std::string format_date(Date d) {
  std::int64_t y;
  unsigned m, day;
  civil_from_days(d.days, y, m, day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, day);
  return buf;
}

std::string format_timestamp(Timestamp t) {
  // Instants before the epoch belong to the previous day: truncate, then
  // step back a day for a negative remainder (floor division by
  // multiplying back, days * kMicrosPerDay, would overflow near INT64_MIN).
  std::int64_t days = t.micros / kMicrosPerDay;
  std::int64_t rem = t.micros % kMicrosPerDay;
  if (rem < 0) {
    rem += kMicrosPerDay;  // 0 <= rem < one day
    --days;
  }
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  const auto micros = static_cast<long long>(rem % kMicrosPerSecond);
  rem /= kMicrosPerSecond;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld.%06lld",
                static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60), micros);
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  Cursor c{text};
  std::int64_t days;
  if (!parse_ymd(c, days) || !c.done()) return std::nullopt;
  return Date{static_cast<std::int32_t>(days)};
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  Cursor c{text};
  std::int64_t days;
  if (!parse_ymd(c, days)) return std::nullopt;
  std::int64_t micros = days * kMicrosPerDay;
  if (c.done()) return Timestamp{micros};
  if (!c.eat(' ') && !c.eat('T')) return std::nullopt;
  std::int64_t hh, mm, ss = 0;
  if (!c.digits(2, hh) || !c.eat(':') || !c.digits(2, mm)) return std::nullopt;
  if (c.eat(':') && !c.digits(2, ss)) return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  micros += ((hh * 60 + mm) * 60 + ss) * kMicrosPerSecond;
  if (c.eat('.')) {
    std::int64_t frac = 0;
    int n = 0;
    while (!c.done() && c.s[c.i] >= '0' && c.s[c.i] <= '9') {
      if (n < 6) frac = frac * 10 + (c.s[c.i] - '0'), ++n;
      ++c.i;
    }
    if (n == 0) return std::nullopt;
    for (; n < 6; ++n) frac *= 10;
    micros += frac;
  }
  if (c.eat('Z')) return c.done() ? std::optional<Timestamp>(Timestamp{micros}) : std::nullopt;
  if (c.peek('+') || c.peek('-')) {
    const int sign = c.s[c.i++] == '-' ? -1 : 1;
    std::int64_t oh, om = 0;
    if (!c.digits(2, oh)) return std::nullopt;
    if (c.eat(':')) {
      if (!c.digits(2, om)) return std::nullopt;
    } else if (!c.done() && !c.digits(2, om)) {
      return std::nullopt;
    }
    micros -= sign * (oh * 60 + om) * 60 * kMicrosPerSecond;
  }
  if (!c.done()) return std::nullopt;
  return Timestamp{micros};
}

}  // namespace covet::detail

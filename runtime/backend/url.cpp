#include "backend/url.hpp"

#include "backend/postgres_conninfo.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace covet::detail {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Parameters that carry secrets in the URLs Covet does not hand to libpq
// (SQLite's encryption extensions read "key", "hexkey", "textkey").
constexpr std::array<std::string_view, 7> kSecretKeys = {"password", "passwd", "pwd",    "sslpassword",
                                                         "hexkey",   "textkey", "key"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Without a parser that knows the format, everything after the first secret
// parameter name is hidden: where its value ends cannot be known for sure.
std::string mask_secret_parameters(std::string s) {
  const std::string low = lower(s);
  std::size_t cut = std::string::npos;
  for (std::string_view key : kSecretKeys) {
    for (std::size_t pos = low.find(key); pos != std::string::npos; pos = low.find(key, pos + 1)) {
      const bool starts_word = pos == 0 || !std::isalnum(static_cast<unsigned char>(low[pos - 1]));
      std::size_t after = pos + key.size();
      while (after < low.size() && is_space(low[after])) ++after;
      if (starts_word && after < low.size() && low[after] == '=') {
        cut = std::min(cut, after + 1);
        break;
      }
    }
  }
  if (cut != std::string::npos) s.replace(cut, std::string::npos, "***");
  return s;
}

// "scheme://user:pw@host/..." -> "scheme://***@host/...": up to the last '@',
// since a password may hold unencoded '/', '?', '#' or '@'.
std::string mask_authority(std::string s) {
  const std::size_t scheme_end = s.find("://");
  if (scheme_end == std::string::npos) return s;
  const std::size_t begin = scheme_end + 3;
  const std::size_t at = s.rfind('@');
  if (at != std::string::npos && at >= begin) s.replace(begin, at - begin, "***");
  return s;
}

}  // namespace

std::string_view url_scheme(std::string_view url) {
  // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return {};
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return url.substr(0, i);
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return {};
  }
  return {};
}

UrlKind classify_url(std::string_view url) {
  const std::string_view scheme = url_scheme(url);
  if (scheme == "sqlite") return UrlKind::SQLite;
  if ((scheme == "postgresql" || scheme == "postgres") && url.substr(scheme.size()).starts_with("://"))
    return UrlKind::PostgreSQL;
  if (!scheme.empty()) return UrlKind::UnknownScheme;
  // libpq's keyword form; a value may hold "://" or ':' ("password=a://b").
  if (url.find('=') != std::string_view::npos && !url.starts_with("=")) return UrlKind::PostgreSQL;
  return UrlKind::Unrecognized;
}

std::string mask_password(std::string_view url) {
  // A C parser would read only up to the NUL: what it sees is not what is
  // here, and no masking can be sure to match. Show nothing.
  if (url.find('\0') != std::string_view::npos)
    return "(a URL of " + std::to_string(url.size()) + " bytes holding a NUL byte)";
  switch (classify_url(url)) {
    case UrlKind::PostgreSQL: return bounded_excerpt(PostgresConninfo(url).display());
    // A SQLite path holds no password, but a file: URI may carry a key.
    case UrlKind::SQLite: return bounded_excerpt(mask_secret_parameters(std::string(url)));
    default: return bounded_excerpt(mask_secret_parameters(mask_authority(std::string(url))));
  }
}

std::string bounded_excerpt(std::string_view text, std::size_t max) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto shown = [](std::string_view part) {
    std::string out;
    out.reserve(part.size());
    for (char c : part) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f) {
        out += "\\x";
        out += kHex[u >> 4];
        out += kHex[u & 0xF];
      } else {
        out += c;
      }
    }
    return out;
  };
  if (text.size() <= max) return shown(text);
  // Keep the start (scheme, directory) and the end (file name); cut on
  // UTF-8 character boundaries.
  std::size_t head = max * 3 / 4;
  while (head > 0 && is_continuation(text[head])) --head;
  std::size_t tail = text.size() - (max - max * 3 / 4);
  while (tail < text.size() && is_continuation(text[tail])) ++tail;
  return shown(text.substr(0, head)) + "..." + shown(text.substr(tail)) + " (" + std::to_string(text.size()) +
         " bytes)";
}

std::string sql_excerpt(std::string_view sql) {
  static constexpr std::size_t kMax = 200;
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (out.size() >= kMax) {
      // Do not cut a UTF-8 sequence in half.
      while (!out.empty() && is_continuation(out.back())) out.pop_back();
      if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
      return out + "...";
    }
    out += c;
  }
  return out;
}

}  // namespace covet::detail

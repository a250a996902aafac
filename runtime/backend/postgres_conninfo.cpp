#include "backend/postgres_conninfo.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <utility>

namespace covet::detail {

namespace {

struct OptionsFree {
  void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using OptionsPtr = std::unique_ptr<PQconninfoOption, OptionsFree>;

// Secrets shorter than this are not scrubbed from messages: replacing every
// "a" in a libpq message would hide more than it protects (and libpq never
// quotes a password it parsed; scrubbing is the second line of defence).
constexpr std::size_t kMinSecret = 3;

bool is_secret_keyword(std::string_view keyword) { return keyword == "password" || keyword == "sslpassword"; }

// libpq's keyword names: the quoted words of its messages that are safe to keep.
const std::set<std::string, std::less<>>& keyword_names() {
  static const std::set<std::string, std::less<>> names = [] {
    std::set<std::string, std::less<>> out;
    OptionsPtr defaults(PQconndefaults());
    for (const PQconninfoOption* o = defaults.get(); o != nullptr && o->keyword != nullptr; ++o)
      out.emplace(o->keyword);
    return out;
  }();
  return names;
}

// Replaces each "..." of a libpq message by "\"...\"" unless it quotes a
// keyword name or a single punctuation character (`missing "=" after ...`).
std::string elide_quoted(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('"', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view inner = text.substr(open + 1, close - open - 1);
    const bool keep = keyword_names().contains(inner) ||
                      (inner.size() == 1 && std::ispunct(static_cast<unsigned char>(inner[0])));
    out.append(text.substr(i, open + 1 - i));
    out += keep ? std::string(inner) : "...";
    out += '"';
    i = close + 1;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

// libpq's messages end in a newline and may span lines; make them one line.
std::string one_line(std::string_view text) {
  std::string s;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !s.empty();
      continue;
    }
    if (space) s += ' ';
    space = false;
    s += c;
  }
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// A keyword-form value, quoted when libpq would need it to be.
std::string keyword_value(std::string_view v) {
  const bool plain = !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '\'' || c == '\\';
  });
  if (plain) return std::string(v);
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

struct Parsed {
  std::vector<std::pair<std::string, std::string>> options;  // libpq's order, only those given
  std::string value(std::string_view keyword) const {
    for (const auto& [k, v] : options)
      if (k == keyword) return v;
    return {};
  }
  bool has(std::string_view keyword) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == keyword; });
  }
};

std::string rebuild_keyword_form(const Parsed& p) {
  std::string out;
  for (const auto& [k, v] : p.options) {
    if (!out.empty()) out += ' ';
    out += k + "=" + (is_secret_keyword(k) ? std::string("***") : keyword_value(v));
  }
  return out;
}

std::string rebuild_uri(std::string_view scheme, const Parsed& p) {
  std::string out(scheme);
  out += "://";
  const std::string user = p.value("user");
  if (!user.empty() || p.has("password")) out += user + (p.has("password") ? ":***" : "") + "@";
  // One plain host (and its port) goes in the authority; lists and socket
  // directories read better as parameters.
  const std::string host = p.value("host");
  const std::string port = p.value("port");
  const bool host_in_authority = !host.empty() && host.find_first_of(",/") == std::string::npos &&
                                 port.find(',') == std::string::npos;
  if (host_in_authority) {
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    if (!port.empty()) out += ":" + port;
  }
  out += "/" + p.value("dbname");
  char sep = '?';
  for (const auto& [k, v] : p.options) {
    if (k == "user" || k == "password" || k == "dbname") continue;
    if (host_in_authority && (k == "host" || k == "port")) continue;
    out += sep;
    out += k + "=" + (is_secret_keyword(k) ? std::string("***") : v);
    sep = '&';
  }
  return out;
}

}  // namespace

PostgresConninfo::PostgresConninfo(std::string_view conninfo) {
  const std::string text(conninfo);
  std::string_view scheme;
  if (conninfo.starts_with("postgresql://")) scheme = "postgresql";
  else if (conninfo.starts_with("postgres://")) scheme = "postgres";

  // In a URI the user information ends, for libpq, at the first '@' before
  // any '/'. Another '@' before the query means a password (or user name)
  // with an unencoded '/' or '@' that libpq split into host, port and
  // database: the text up to that '@' is a secret, whatever libpq made of it.
  bool misread = false;
  if (!scheme.empty()) {
    const std::string_view rest = conninfo.substr(scheme.size() + 3);
    const std::size_t stop = rest.find_first_of("@/");
    const std::size_t userinfo_end = stop != std::string_view::npos && rest[stop] == '@' ? stop : std::string_view::npos;
    const std::size_t after = userinfo_end == std::string_view::npos ? 0 : userinfo_end + 1;
    const std::string_view authority_and_path = rest.substr(after, rest.find('?', after) - after);
    const std::size_t stray_at = authority_and_path.rfind('@');
    misread = stray_at != std::string_view::npos;
    const std::size_t secret_end = misread ? after + stray_at : userinfo_end;
    if (secret_end != std::string_view::npos) {
      const std::string_view userinfo = rest.substr(0, secret_end);
      const std::size_t colon = userinfo.find(':');
      const std::string_view maybe_password = colon == std::string_view::npos ? userinfo : userinfo.substr(colon + 1);
      secrets_.emplace_back(maybe_password);
      secrets_.push_back(percent_decoded(maybe_password));
      if (misread) {
        // libpq may show the pieces as a host, a port or a database name.
        std::size_t begin = 0;
        for (std::size_t i = 0; i <= userinfo.size(); ++i) {
          if (i == userinfo.size() || std::string_view("/?#&=:@,").find(userinfo[i]) != std::string_view::npos) {
            secrets_.emplace_back(userinfo.substr(begin, i - begin));
            begin = i + 1;
          }
        }
      }
      if (misread) misread_at_ = scheme.size() + 3 + secret_end;
    }
  }

  char* error = nullptr;
  OptionsPtr options(PQconninfoParse(text.c_str(), &error));
  Parsed parsed;
  if (options == nullptr) {
    parse_error_ = error != nullptr ? one_line(error) : "out of memory";
    if (parse_error_.empty()) parse_error_ = "libpq gave no reason";
    PQfreemem(error);
    elide_quotes_ = true;
  } else {
    for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
      if (o->val == nullptr) continue;
      parsed.options.emplace_back(o->keyword, o->val);
      if (is_secret_keyword(o->keyword)) secrets_.emplace_back(o->val);
    }
    elide_quotes_ = misread;
  }
  std::erase_if(secrets_, [](const std::string& s) { return s.size() < kMinSecret; });
  std::sort(secrets_.begin(), secrets_.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  });

  if (options == nullptr) {
    parse_error_ = scrub(parse_error_);
    display_ = "(a connection string of " + std::to_string(conninfo.size()) + " bytes that libpq cannot parse)";
  } else if (misread) {
    display_ = std::string(scheme) + "://***@" + scrub(conninfo.substr(misread_at_ + 1));
  } else {
    display_ = scrub(scheme.empty() ? rebuild_keyword_form(parsed) : rebuild_uri(scheme, parsed));
  }
}

std::string PostgresConninfo::scrub(std::string_view text) const {
  std::string out = elide_quotes_ ? elide_quoted(text) : std::string(text);
  for (const std::string& secret : secrets_) {
    for (std::size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos + 3))
      out.replace(pos, secret.size(), "***");
  }
  return out;
}

}  // namespace covet::detail

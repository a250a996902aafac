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
  std::vector<std::pair<std::string, std::string>> options;  // only those given
  std::string value(std::string_view keyword) const {
    for (const auto& [k, v] : options)
      if (k == keyword) return v;
    return {};
  }
  bool has(std::string_view keyword) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == keyword; });
  }
};

// Where `keyword` is first given in `text` as "keyword =" (keyword form) or
// "keyword=" after the '?' (URI); npos when it is not written so (a URI's
// user or host in its authority).
std::size_t written_at(std::string_view text, std::string_view keyword, bool uri) {
  const std::size_t from = uri ? text.find('?') : 0;
  if (from == std::string_view::npos) return std::string_view::npos;
  for (std::size_t pos = text.find(keyword, from); pos != std::string_view::npos; pos = text.find(keyword, pos + 1)) {
    const char before = pos == 0 ? ' ' : text[pos - 1];
    const bool starts = uri ? (before == '?' || before == '&') : std::isspace(static_cast<unsigned char>(before)) != 0;
    std::size_t after = pos + keyword.size();
    while (!uri && after < text.size() && std::isspace(static_cast<unsigned char>(text[after]))) ++after;
    if (starts && after < text.size() && text[after] == '=') return pos;
  }
  return std::string_view::npos;
}

// Puts the options in the order the string gave them.
void order_as_written(Parsed& p, std::string_view text, bool uri) {
  // (position written, libpq's position): std::sort on it is stable.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::pair<std::string, std::string>>> keyed;
  for (std::size_t i = 0; i < p.options.size(); ++i)
    keyed.push_back({{written_at(text, p.options[i].first, uri), i}, std::move(p.options[i])});
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) p.options[i] = std::move(keyed[i].second);
}

std::string rebuild_keyword_form(const Parsed& p) {
  std::string out;
  for (const auto& [k, v] : p.options) {
    if (!out.empty()) out += ' ';
    out += k + "=" + (is_secret_keyword(k) ? std::string("***") : keyword_value(v));
  }
  return out;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// The URI again, from what libpq read. The user, password, hosts and ports
// go where the string had them: in the authority, or as parameters.
std::string rebuild_uri(std::string_view scheme, const Parsed& p, bool userinfo_in_authority,
                        bool netloc_in_authority) {
  std::string out(scheme);
  out += "://";
  bool user_shown = false, password_shown = false;
  if (userinfo_in_authority) {
    out += p.value("user");
    if (p.has("password")) out += ":***";
    out += "@";
    user_shown = password_shown = true;
  }
  bool hosts_shown = false;
  if (netloc_in_authority) {
    const std::vector<std::string> hosts = split_commas(p.value("host"));
    const std::vector<std::string> ports = split_commas(p.value("port"));
    if (p.value("port").empty() || ports.size() == hosts.size()) {
      for (std::size_t i = 0; i < hosts.size(); ++i) {
        if (i) out += ',';
        out += hosts[i].find(':') != std::string::npos ? "[" + hosts[i] + "]" : hosts[i];
        if (!p.value("port").empty() && !ports[i].empty()) out += ":" + ports[i];
      }
      hosts_shown = true;
    }
  }
  out += "/" + p.value("dbname");
  char sep = '?';
  for (const auto& [k, v] : p.options) {
    if (k == "dbname" || (user_shown && k == "user") || (password_shown && k == "password")) continue;
    if (hosts_shown && (k == "host" || k == "port")) continue;
    out += sep;
    out += k + "=" + (is_secret_keyword(k) ? std::string("***") : v);
    sep = '&';
  }
  return out;
}

}  // namespace

PostgresConninfo::PostgresConninfo(std::string_view conninfo) {
  // What a C parser reads stops at a NUL: treat such a string as unparseable.
  const bool has_nul = conninfo.find('\0') != std::string_view::npos;
  const std::string text(conninfo);
  std::string_view scheme;
  if (conninfo.starts_with("postgresql://")) scheme = "postgresql";
  else if (conninfo.starts_with("postgres://")) scheme = "postgres";

  // In a URI the user information ends, for libpq, at the first '@' before
  // any '/'. Another '@' before the query means a password (or user name)
  // with an unencoded '/' or '@' that libpq split into host, port and
  // database: the text up to that '@' is a secret, whatever libpq made of it.
  bool misread = false;
  bool userinfo_in_authority = false, netloc_in_authority = false;
  std::string misread_user;  // the text before the password, shown
  if (!scheme.empty()) {
    const std::string_view rest = conninfo.substr(scheme.size() + 3);
    const std::size_t stop = rest.find_first_of("@/");
    const std::size_t userinfo_end = stop != std::string_view::npos && rest[stop] == '@' ? stop : std::string_view::npos;
    const std::size_t after = userinfo_end == std::string_view::npos ? 0 : userinfo_end + 1;
    const std::string_view authority_and_path = rest.substr(after, rest.find('?', after) - after);
    const std::size_t stray_at = authority_and_path.rfind('@');
    misread = stray_at != std::string_view::npos;
    userinfo_in_authority = userinfo_end != std::string_view::npos;
    netloc_in_authority = !authority_and_path.empty() && authority_and_path[0] != '/';
    const std::size_t secret_end = misread ? after + stray_at : userinfo_end;
    if (secret_end != std::string_view::npos) {
      const std::string_view userinfo = rest.substr(0, secret_end);
      const std::size_t colon = userinfo.find(':');
      // Without a ':' there is no password, unless libpq misread the string.
      if (colon != std::string_view::npos || misread) {
        const std::string_view maybe_password = colon == std::string_view::npos ? userinfo : userinfo.substr(colon + 1);
        secrets_.emplace_back(maybe_password);
        secrets_.push_back(percent_decoded(maybe_password));
        if (misread) {
          // libpq may show the pieces as a host, a port or a database name.
          std::size_t begin = 0;
          for (std::size_t i = 0; i <= maybe_password.size(); ++i) {
            if (i == maybe_password.size() ||
                std::string_view("/?#&=:@,").find(maybe_password[i]) != std::string_view::npos) {
              secrets_.emplace_back(maybe_password.substr(begin, i - begin));
              begin = i + 1;
            }
          }
          if (colon != std::string_view::npos) misread_user = std::string(userinfo.substr(0, colon)) + ":";
          misread_at_ = scheme.size() + 3 + secret_end;
        }
      }
    }
  }

  char* error = nullptr;
  OptionsPtr options(has_nul ? nullptr : PQconninfoParse(text.c_str(), &error));
  Parsed parsed;
  if (options == nullptr) {
    parse_error_ = has_nul ? "it holds a NUL byte" : error != nullptr ? one_line(error) : "out of memory";
    if (parse_error_.empty()) parse_error_ = "libpq gave no reason";
    PQfreemem(error);
    elide_quotes_ = true;
  } else {
    for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
      if (o->val == nullptr) continue;
      parsed.options.emplace_back(o->keyword, o->val);
      if (is_secret_keyword(o->keyword)) secrets_.emplace_back(o->val);
    }
    order_as_written(parsed, conninfo, !scheme.empty());
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
    display_ = std::string(scheme) + "://" + scrub(misread_user) + "***@" + scrub(conninfo.substr(misread_at_ + 1));
  } else {
    display_ = scrub(scheme.empty() ? rebuild_keyword_form(parsed)
                                    : rebuild_uri(scheme, parsed, userinfo_in_authority, netloc_in_authority));
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

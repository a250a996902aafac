// The text format the query fuzzer reads: one operation per line,
//
//   model Book                      the model queried (Book, Author, Tag, Profile, Person)
//   filter author__name__startswith=Al
//   exclude editor=null
//   q title__icontains=x            build a Q: q (AND), or (OR), not (AND NOT) ...
//   or year__gte=2000
//   filterq                         ... and filter by it
//   order_by -year,author__name     up to 4 names, comma-separated
//   select_related author,editor    (no argument: every relation)
//   prefetch_related tags,author__books
//   only title,author / defer title
//   slice 1 3 / limit 2 / offset 1
//   update title=x / erase / get id=1 / count / exists / first / last / fetch / sql
//
// and one value syntax for the right of '=': null, true, false, an integer,
// a real, @<micros> (a timestamp), #<days> (a date), %<bytes> (a blob),
// '<text> (text, whatever it looks like), [a,b,...] (a list, for in and
// range); anything else is text. Unknown operations are skipped, so any
// byte string is a script.
#pragma once

#include <covet/value.hpp>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace covet_fuzz {

struct Line {
  std::string_view op;
  std::string_view arg;
};

inline std::vector<Line> split_lines(std::string_view text, std::size_t max_lines) {
  std::vector<Line> out;
  while (!text.empty() && out.size() < max_lines) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const std::size_t space = line.find(' ');
    out.push_back(space == std::string_view::npos ? Line{line, {}} : Line{line.substr(0, space), line.substr(space + 1)});
  }
  return out;
}

inline std::vector<std::string_view> split(std::string_view s, char sep, std::size_t max_parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < max_parts) {
    const std::size_t at = s.find(sep);
    if (at == std::string_view::npos) break;
    out.push_back(s.substr(0, at));
    s = s.substr(at + 1);
  }
  out.push_back(s);
  return out;
}

inline covet::Value scalar(std::string_view s) {
  if (s == "null") return covet::Value();
  if (s == "true") return covet::Value(true);
  if (s == "false") return covet::Value(false);
  if (!s.empty()) {
    const char* b = s.data() + 1;
    const char* e = s.data() + s.size();
    switch (s.front()) {
      case '\'': return covet::Value(std::string(s.substr(1)));
      case '@': {
        std::int64_t micros = 0;
        std::from_chars(b, e, micros);
        return covet::Value(covet::Timestamp{micros});
      }
      case '#': {
        std::int32_t days = 0;
        std::from_chars(b, e, days);
        return covet::Value(covet::Date{days});
      }
      case '%': {
        covet::Blob blob;
        for (char c : s.substr(1)) blob.push_back(static_cast<std::byte>(c));
        return covet::Value(std::move(blob));
      }
      default: break;
    }
  }
  std::int64_t i = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i); ec == std::errc() && p == s.data() + s.size() && !s.empty())
    return covet::Value(i);
  const std::string text(s);
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size()) return covet::Value(d);
  return covet::Value(text);
}

// "name=value": the lookup and the right-hand side.
struct Condition {
  std::string_view lookup;
  std::vector<covet::Value> values;
  bool is_list = false;
};

inline Condition condition(std::string_view arg) {
  const std::size_t eq = arg.find('=');
  Condition c{arg.substr(0, eq), {}, false};
  std::string_view rhs = eq == std::string_view::npos ? std::string_view("null") : arg.substr(eq + 1);
  if (rhs.starts_with('[')) {
    c.is_list = true;
    rhs.remove_prefix(1);
    if (rhs.ends_with(']')) rhs.remove_suffix(1);
    if (!rhs.empty())
      for (std::string_view part : split(rhs, ',', 64)) c.values.push_back(scalar(part));
  } else {
    c.values.push_back(scalar(rhs));
  }
  return c;
}

}  // namespace covet_fuzz

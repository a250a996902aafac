// One function per lookup. Each returns a condition on an already-quoted
// column expression, binding its values through the ParamSink.
#include "query/lookups.hpp"

#include "sql/dialect.hpp"
#include "sql/list_parameter.hpp"

#include <covet/errors.hpp>

#include <array>
#include <optional>
#include <string>

namespace covet::detail {

namespace {

constexpr std::array<std::string_view, 15> kLookups = {
    "exact",      "iexact",      "gt",       "gte",       "lt",
    "lte",        "in",          "contains", "icontains", "startswith",
    "istartswith", "endswith",   "iendswith", "isnull",   "range"};

enum class Anchor { Contains, Start, End };

// LIKE pattern: % and _ and the escape character itself are escaped.
std::string like_pattern(const std::string& text, Anchor anchor) {
  std::string out;
  if (anchor != Anchor::Start) out += '%';
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  if (anchor != Anchor::End) out += '%';
  return out;
}

// GLOB pattern (SQLite, case-sensitive): *, ? and [ become one-character
// classes, which GLOB matches literally.
std::string glob_pattern(const std::string& text, Anchor anchor) {
  std::string out;
  if (anchor != Anchor::Start) out += '*';
  for (char c : text) {
    if (c == '*') {
      out += "[*]";
    } else if (c == '?') {
      out += "[?]";
    } else if (c == '[') {
      out += "[[]";
    } else {
      out += c;
    }
  }
  if (anchor != Anchor::End) out += '*';
  return out;
}

// Pattern lookups compare text; a number searched with contains is compared
// by its decimal text, as Django does.
std::string pattern_text(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::Text:
      return value.as_text();
    case Value::Kind::Integer:
      return std::to_string(value.as_integer());
    default: {
      std::string s = value.debug_string();
      if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
      return s;
    }
  }
}

std::string as_text(const std::string& column, ColumnType type, Dialect dialect) {
  if (dialect == Dialect::PostgreSQL && type != ColumnType::Text)
    return "CAST(" + column + " AS TEXT)";
  return column;
}

std::string pattern_sql(const std::string& column, ColumnType type, const Value& value,
                        Anchor anchor, bool case_insensitive, ParamSink& sink) {
  const std::string text = pattern_text(value);
  const std::string col = as_text(column, type, sink.dialect);
  if (sink.dialect == Dialect::SQLite) {
    if (case_insensitive)
      return col + " LIKE " + sink.bind(like_pattern(text, anchor)) + " ESCAPE '\\'";
    return col + " GLOB " + sink.bind(glob_pattern(text, anchor));
  }
  if (case_insensitive)
    return "UPPER(" + col + ") LIKE UPPER(" + sink.bind(like_pattern(text, anchor)) +
           ") ESCAPE '\\'";
  return col + " LIKE " + sink.bind(like_pattern(text, anchor)) + " ESCAPE '\\'";
}

std::string exact_sql(const std::string& column, const Value& value, ParamSink& sink) {
  if (value.is_null()) return column + " IS NULL";
  return column + " = " + sink.bind(value);
}

std::string iexact_sql(const std::string& column, ColumnType type, const Value& value,
                       ParamSink& sink) {
  if (value.is_null()) return column + " IS NULL";
  return "UPPER(" + as_text(column, type, sink.dialect) + ") = UPPER(" +
         sink.bind(Value(pattern_text(value))) + ")";
}

std::string compare_sql(const std::string& column, const char* op, const Value& value,
                        ParamSink& sink) {
  return column + " " + op + " " + sink.bind(value);
}

// Up to this many values, `in` binds one placeholder per value; above, the
// whole list is one parameter (list_parameter.hpp), whatever its length.
constexpr std::size_t kMaxInlineInValues = 64;

std::string in_sql(const std::string& column, ColumnType type, const FilterValue& value, ParamSink& sink) {
  std::size_t present = 0;
  for (const Value& v : value.values) present += v.is_null() ? 0 : 1;  // NULL equals nothing; Django drops it too
  if (present == 0) return "1 = 0";
  if (present > kMaxInlineInValues) {
    if (sink.dialect == Dialect::PostgreSQL)
      return list_parameter_condition(sink.dialect, column, type, sink.bind(Value(pg_array_literal(value.values))));
    if (std::optional<std::string> json = sqlite_json_array(value.values))
      return list_parameter_condition(sink.dialect, column, type, sink.bind(Value(std::move(*json))));
    // Text with a NUL byte has no JSON form: one placeholder per value.
  }
  std::string list;
  for (const Value& v : value.values) {
    if (v.is_null()) continue;
    if (!list.empty()) list += ", ";
    list += sink.bind(v);
  }
  return column + " IN (" + list + ")";
}

std::string range_sql(const std::string& column, const FilterValue& value, ParamSink& sink) {
  std::string low = sink.bind(value.values[0]);
  std::string high = sink.bind(value.values[1]);
  return column + " BETWEEN " + low + " AND " + high;
}

bool has_non_null(const FilterValue& value) {
  for (const Value& v : value.values)
    if (!v.is_null()) return true;
  return false;
}

}  // namespace

bool is_lookup(std::string_view name) {
  for (std::string_view l : kLookups)
    if (l == name) return true;
  return false;
}

std::string lookup_choices() {
  std::string out;
  for (std::string_view l : kLookups) {
    if (!out.empty()) out += ", ";
    out += l;
  }
  return out;
}

void check_lookup_value(std::string_view lookup, const FilterValue& value,
                        std::string_view field_label) {
  auto fail = [&](const std::string& what) {
    throw UsageError("the value of '" + std::string(lookup) + "' on " + std::string(field_label) +
                     " " + what);
  };
  if (lookup == "in") {
    if (!value.is_list) fail("must be a list (a container or a braced list)");
    return;
  }
  if (lookup == "range") {
    if (!value.is_list || value.values.size() != 2)
      fail("must be two values (a std::pair or a braced list of two)");
    if (!has_non_null(value) || value.values[0].is_null() || value.values[1].is_null())
      fail("cannot contain NULL");
    return;
  }
  if (value.is_list) fail("must be a single value, not a list (lists go with 'in' and 'range')");
  const Value& v = value.values.front();
  if (lookup == "isnull") {
    if (!v.is_bool()) fail("must be true or false");
    return;
  }
  if (v.is_null() && lookup != "exact" && lookup != "iexact")
    fail("cannot be NULL (use 'isnull' to test for NULL)");
}

bool lookup_is_null_safe(std::string_view lookup, const FilterValue& value) {
  if (lookup == "isnull") return true;
  if ((lookup == "exact" || lookup == "iexact") && !value.is_list && value.values.front().is_null())
    return true;
  if (lookup == "in" && !has_non_null(value)) return true;
  return false;
}

std::string lookup_sql(std::string_view lookup, const std::string& column, ColumnType type,
                       const FilterValue& value, ParamSink& sink) {
  if (lookup == "in") return in_sql(column, type, value, sink);
  if (lookup == "range") return range_sql(column, value, sink);
  const Value& v = value.values.front();
  if (lookup == "exact") return exact_sql(column, v, sink);
  if (lookup == "iexact") return iexact_sql(column, type, v, sink);
  if (lookup == "gt") return compare_sql(column, ">", v, sink);
  if (lookup == "gte") return compare_sql(column, ">=", v, sink);
  if (lookup == "lt") return compare_sql(column, "<", v, sink);
  if (lookup == "lte") return compare_sql(column, "<=", v, sink);
  if (lookup == "isnull") return column + (v.as_bool() ? " IS NULL" : " IS NOT NULL");
  if (lookup == "contains") return pattern_sql(column, type, v, Anchor::Contains, false, sink);
  if (lookup == "icontains") return pattern_sql(column, type, v, Anchor::Contains, true, sink);
  if (lookup == "startswith") return pattern_sql(column, type, v, Anchor::Start, false, sink);
  if (lookup == "istartswith") return pattern_sql(column, type, v, Anchor::Start, true, sink);
  if (lookup == "endswith") return pattern_sql(column, type, v, Anchor::End, false, sink);
  if (lookup == "iendswith") return pattern_sql(column, type, v, Anchor::End, true, sink);
  // resolve_lookup only lets the names in kLookups through.
  throw FieldError("Unsupported lookup '" + std::string(lookup) +
                   "'. Choices are: " + lookup_choices());
}

}  // namespace covet::detail

// libFuzzer target: query strings into a QuerySet. Each input is a script
// (script.hpp) of filters, exclusions, Q trees, orderings, select_related,
// prefetch_related, only/defer, slices, updates and deletes over the models
// of models.hpp, on an in-memory SQLite database with a few rows; the query
// set is compiled and run. Any covet::Error is a fine answer to a bad
// script; a crash, a sanitizer report, or an exception that is not a
// covet::Error is a bug (reported by aborting). Every input runs in a
// transaction rolled back at its end, and the rows must be the seeded ones
// afterwards: no script may write past its transaction.
#include "models.hpp"
#include "script.hpp"

#include <covet/covet.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace fuzzmodels;
using covet_fuzz::Line;

namespace {

constexpr std::size_t kMaxLines = 24;

covet::Database& database() {
  static covet::Database db = [] {
    covet::Database d = covet::connect("sqlite::memory:");
    d.create_all();
    Author ann = d.create(Author{.name = "Ann", .bio = "writes", .age = 40});
    Author bob = d.create(Author{.name = "Bob", .age = 30});
    Tag novel = d.create(Tag{.name = "novel"});
    Tag poem = d.create(Tag{.name = "poem"});
    Book b1 = d.create(Book{.title = "First", .year = 1999, .price = 9.5, .author = ann});
    Book b2 = d.create(Book{.title = "Second", .year = 2005, .in_print = false, .pages = 120, .author = ann, .editor = bob});
    d.create(Book{.title = "Third", .year = 2020, .author = bob});
    b1.tags.add(novel, poem);
    b2.tags.add(poem);
    d.create(Profile{.author = ann, .website = "https://ann.example"});
    Person p = d.create(Person{.name = "Root"});
    d.create(Person{.name = "Child", .mentor = p});
    return d;
  }();
  return db;
}

std::int64_t seeded_rows(covet::Database& db) {
  return db.objects<Author>().count() + db.objects<Book>().count() + db.objects<Tag>().count() +
         db.objects<Profile>().count() + db.objects<Person>().count();
}

std::vector<std::string> names(std::string_view arg) {
  std::vector<std::string> out;
  if (arg.empty()) return out;
  for (std::string_view part : covet_fuzz::split(arg, ',', 4)) out.emplace_back(part);
  return out;
}

covet::Q q_of(std::string_view arg) {
  covet_fuzz::Condition c = covet_fuzz::condition(arg);
  return covet::Q(c.lookup, covet::detail::FilterValue{std::move(c.values), c.is_list});
}

// Up to four names as the arguments of a variadic call.
template <class F>
auto with_names(const std::vector<std::string>& n, F&& f) {
  switch (n.size()) {
    case 0: return f();
    case 1: return f(n[0]);
    case 2: return f(n[0], n[1]);
    case 3: return f(n[0], n[1], n[2]);
    default: return f(n[0], n[1], n[2], n[3]);
  }
}

template <class QS>
void finish(const QS& qs) {
  (void)qs.to_sql();
  (void)qs.fetch();
  (void)qs.count();
}

template <class T>
void run(covet::Database& db, const std::vector<Line>& lines) {
  covet::QuerySet<T> qs = db.objects<T>();
  covet::Q pending;
  std::optional<std::vector<std::string>> loaded;  // only() / defer() fields
  bool only = true;
  for (const Line& line : lines) {
    const std::string_view op = line.op, arg = line.arg;
    if (op == "filter") qs = qs.filter(q_of(arg));
    else if (op == "exclude") qs = qs.exclude(q_of(arg));
    else if (op == "q") pending = pending & q_of(arg);
    else if (op == "or") pending = pending | q_of(arg);
    else if (op == "not") pending = pending & ~q_of(arg);
    else if (op == "filterq") qs = qs.filter(std::exchange(pending, covet::Q()));
    else if (op == "order_by") qs = with_names(names(arg), [&](auto&&... n) { return qs.order_by(n...); });
    else if (op == "select_related") qs = with_names(names(arg), [&](auto&&... n) { return qs.select_related(n...); });
    else if (op == "prefetch_related")
      qs = with_names(names(arg), [&](auto&&... n) { return qs.prefetch_related(covet::Prefetch(n)...); });
    else if (op == "only" || op == "defer") {
      loaded = names(arg);
      only = op == "only";
    } else if (op == "slice" || op == "limit" || op == "offset") {
      const std::vector<std::string_view> n = covet_fuzz::split(arg, ' ', 2);
      auto number = [&](std::size_t i) {
        const covet::Value v = covet_fuzz::scalar(i < n.size() ? n[i] : "0");
        return v.is_integer() ? v.as_integer() : 0;
      };
      qs = op == "slice" ? qs.slice(number(0), number(1)) : op == "limit" ? qs.limit(number(0)) : qs.offset(number(0));
    } else if (op == "update") {
      covet_fuzz::Condition c = covet_fuzz::condition(arg);
      qs.update({covet::Assign(c.lookup, c.values.empty() ? covet::Value() : c.values.front())});
    } else if (op == "erase") qs.erase();
    else if (op == "get") (void)qs.get(q_of(arg));
    else if (op == "count") (void)qs.count();
    else if (op == "exists") (void)qs.exists();
    else if (op == "first") (void)qs.first();
    else if (op == "last") (void)qs.last();
    else if (op == "fetch") (void)qs.fetch();
    else if (op == "sql") (void)qs.to_sql();
  }
  if (!pending.empty()) qs = qs.filter(pending);
  if (!loaded) return finish(qs);
  if (only) return finish(with_names(*loaded, [&](auto&&... n) { return qs.only(n...); }));
  finish(with_names(*loaded, [&](auto&&... n) { return qs.defer(n...); }));
}

[[noreturn]] void bug(const char* what, const std::string& detail) {
  std::fprintf(stderr, "query_fuzzer: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  covet::Database& db = database();
  static const std::int64_t seeded = seeded_rows(db);
  std::vector<Line> lines =
      covet_fuzz::split_lines(std::string_view(reinterpret_cast<const char*>(data), size), kMaxLines);
  std::string_view model = "Book";
  if (!lines.empty() && lines.front().op == "model") {
    model = lines.front().arg;
    lines.erase(lines.begin());
  }
  try {
    covet::Atomic tx = db.atomic();
    if (model == "Author") run<Author>(db, lines);
    else if (model == "Tag") run<Tag>(db, lines);
    else if (model == "Profile") run<Profile>(db, lines);
    else if (model == "Person") run<Person>(db, lines);
    else run<Book>(db, lines);
    tx.rollback();
  } catch (const covet::Error&) {
    // A refused script: fine.
  } catch (const std::exception& e) {
    bug("an exception that is not a covet::Error", e.what());
  }
  if (seeded_rows(db) != seeded) bug("the rows changed", "a rolled-back script left writes behind");
  return 0;
}

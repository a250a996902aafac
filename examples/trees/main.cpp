// The trees example: the guide's Electronics > Computers > Laptops, first as
// an adjacency list (Category: covet::TreeNode), then as a nested set
// (Section: covet::NestedSetNode), on an in-memory SQLite database (pass
// another URL as the first argument, e.g. "postgresql:///mydb"). Each step
// prints the statements it ran and checks its result; the program exits
// with 1 when one is wrong.
#include "models.hpp"

#include <covet/covet.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

int failed_checks = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++failed_checks;
    std::cout << "  CHECK FAILED: " << what << '\n';
  }
}

template <class R>
std::string names(const R& objects) {
  std::string out;
  for (const auto& o : objects) out += (out.empty() ? "" : ", ") + o.name;
  return "[" + out + "]";
}

// Runs `step`, then prints what it returned and how many statements it took.
template <class F>
auto counted(covet::Database& db, const std::string& what, F&& step) {
  covet::QueryCounter counter(db);
  auto result = step();
  const std::size_t n = counter.count();
  std::cout << "  " << what << ": " << names(result) << "  (" << n << " statement" << (n == 1 ? "" : "s")
            << ")\n";
  return result;
}

void adjacency_list(covet::Database& db) {
  using shop::Category;
  std::cout << "adjacency list (covet::TreeNode):\n";
  Category electronics = db.create(Category{.name = "Electronics"});
  Category computers = db.create(Category{.name = "Computers", .parent = electronics});
  Category laptops = db.create(Category{.name = "Laptops", .parent = computers});
  Category phones = db.create(Category{.name = "Phones", .parent = electronics});
  Category books = db.create(Category{.name = "Books"});

  auto parent = laptops.get_parent();
  check(parent && parent->name == "Computers", "the parent of Laptops is Computers");
  auto ancestors = counted(db, "ancestors of Laptops (nearest first)",
                           [&] { return laptops.get_ancestors().fetch(); });
  check(names(ancestors) == "[Computers, Electronics]", "ancestors nearest first, as the guide shows");
  auto from_root = counted(db, "ancestors of Laptops (root first)",
                           [&] { return laptops.get_ancestors(covet::TreeOrder::RootFirst).fetch(); });
  check(names(from_root) == "[Electronics, Computers]", "ancestors root first on request");
  auto descendants = counted(db, "descendants of Electronics (pre-order)",
                             [&] { return electronics.get_descendants().fetch(); });
  check(names(descendants) == "[Computers, Laptops, Phones]", "descendants depth-first, pre-order");
  auto siblings = counted(db, "siblings of Computers", [&] { return computers.get_siblings().fetch(); });
  check(names(siblings) == "[Phones]", "the siblings of Computers");
  check(laptops.get_depth() == 2, "Laptops is at depth 2 (root = 0)");
  check(laptops.get_root().name == "Electronics", "the root of Laptops is Electronics");
  check(electronics.is_root() && !laptops.is_root(), "is_root needs no query");
  check(laptops.is_leaf() && !computers.is_leaf(), "Laptops is a leaf, Computers is not");
  auto roots = counted(db, "root nodes", [&] { return Category::get_root_nodes(db).order_by("name").fetch(); });
  check(names(roots) == "[Books, Electronics]", "two roots");

  // A recursive query is a QuerySet: it composes.
  check(electronics.get_descendants().filter("name__startswith", "L").count() == 1,
        "descendants filter and count in one statement");

  // Moving a node under its own descendant would make a cycle: refused,
  // nothing written.
  try {
    electronics.move_to(laptops);
    check(false, "moving Electronics under Laptops must throw");
  } catch (const covet::InvalidMove& e) {
    std::cout << "  move Electronics under Laptops: covet::InvalidMove: " << e.what() << '\n';
  }
  check(electronics.is_root(), "Electronics is still a root");
  laptops.move_to(electronics);
  check(names(electronics.get_children().order_by("name").fetch()) == "[Computers, Laptops, Phones]",
        "Laptops moved under Electronics");
  books.move_to(nullptr);  // already a root: nothing changes
  check(Category::get_root_nodes(db).count() == 2, "still two roots");
}

void nested_set(covet::Database& db) {
  using shop::Section;
  std::cout << "nested set (covet::NestedSetNode):\n";
  Section electronics = Section::add_root(db, Section{.name = "Electronics"});
  Section computers = electronics.add_child(Section{.name = "Computers"});
  db.refresh(electronics);  // its range grew: the object we hold is stale
  Section laptops = computers.add_child(Section{.name = "Laptops"});
  db.refresh(electronics);
  db.refresh(computers);
  Section phones = electronics.add_child(Section{.name = "Phones"});
  db.refresh(electronics);

  auto descendants = counted(db, "descendants of Electronics",
                             [&] { return electronics.get_descendants().fetch(); });
  check(names(descendants) == "[Computers, Laptops, Phones]", "descendants in tree order");
  auto ancestors = counted(db, "ancestors of Laptops", [&] { return laptops.get_ancestors().fetch(); });
  check(names(ancestors) == "[Computers, Electronics]", "ancestors nearest first");
  check(electronics.descendant_count() == 3, "descendant_count needs no query");
  check(laptops.is_descendant_of(electronics), "is_descendant_of needs no query");
  check(laptops.get_depth() == 2, "Laptops is at level 2");

  phones.move_to(computers, covet::TreePosition::FirstChild);
  db.refresh(electronics);
  db.refresh(computers);
  check(names(computers.get_children().fetch()) == "[Phones, Laptops]", "Phones is Computers' first child");
  db.erase(computers);  // the whole subtree, the gap closed
  db.refresh(electronics);
  check(electronics.is_leaf(), "Electronics has no section left");
  auto report = Section::check(db);
  check(report.ok(), "the tree's invariants hold");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    covet::Database db = covet::connect(argc > 1 ? argv[1] : "sqlite::memory:");
    db.create_all();
    adjacency_list(db);
    nested_set(db);
  } catch (const covet::Error& e) {
    std::cout << "error: " << e.what() << '\n';
    return 1;
  }
  if (failed_checks) {
    std::cout << failed_checks << " check(s) failed\n";
    return 1;
  }
  std::cout << "every check passed\n";
  return 0;
}

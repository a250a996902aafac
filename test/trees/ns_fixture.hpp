// The nested-set suites' fixture: a fresh database per test and backend, and
// the trees they start from (test/models/tree_ns.hpp).
//
//   shop():   Electronics (root)                    a tree of 7 levels
//               Computers
//                 Laptops
//                   Gaming
//                     Portable
//                       Ultralight
//                         Carbon
//                 Desktops
//               Phones
//             Books (root)                           a second tree
//               Novels
//   wide(n):  one root with n children
//   deep(n):  a chain of n nodes
//   large():  a forest of 3 trees, 4 levels of fan-out 7 (1200 nodes)
#pragma once

#include "models/tree_ns.hpp"
#include "support/database_fixture.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tree_ns::test {

class NsTest : public covet::test::DatabaseTest {
 protected:
  covet::Database& db() { return *database; }

  Category root(const std::string& name) { return Category::add_root(db(), Category{.name = name}); }
  Category child(const Category& parent, const std::string& name) {
    return parent.add_child(Category{.name = name});
  }
  // The node as stored now.
  Category node(const std::string& name) { return db().objects<Category>().get("name", name); }

  // Builds shop() and returns its nodes by name.
  void shop() {
    Category electronics = root("Electronics");
    Category computers = child(electronics, "Computers");
    Category laptops = child(computers, "Laptops");
    Category gaming = child(laptops, "Gaming");
    Category portable = child(gaming, "Portable");
    Category ultralight = child(portable, "Ultralight");
    child(ultralight, "Carbon");
    child(computers, "Desktops");
    child(electronics, "Phones");
    Category books = root("Books");
    child(books, "Novels");
  }
  void wide(std::size_t n) {
    Category top = root("Top");
    for (std::size_t i = 0; i < n; ++i) child(top, "w" + std::to_string(i));
  }
  void deep(std::size_t n) {
    Category last = root("d0");
    for (std::size_t i = 1; i < n; ++i) last = child(last, "d" + std::to_string(i));
  }
  // Three trees of fan-out 7 and 4 levels (1 + 7 + 49 + 343 nodes each),
  // named r<t>, r<t>.<i>, r<t>.<i>.<j>, ...; in one transaction.
  void large() {
    db().atomic([&] {
      for (int t = 0; t < 3; ++t) {
        std::vector<Category> level{root("r" + std::to_string(t))};
        for (int depth = 1; depth < 4; ++depth) {
          std::vector<Category> next;
          for (const Category& parent : level)
            for (int i = 0; i < 7; ++i) next.push_back(child(parent, parent.name + "." + std::to_string(i)));
          level = std::move(next);
        }
      }
    });
  }

  template <class QS>
  static std::vector<std::string> names(const QS& query) {
    std::vector<std::string> out;
    for (const auto& c : query.all()) out.push_back(c.name);
    return out;
  }
  // Every node as "name lft rgt level tree_id" (ordered by tree and lft).
  std::vector<std::string> layout() {
    std::vector<std::string> out;
    for (const Category& c : db().objects<Category>().order_by("tree_id", "lft").all())
      out.push_back(c.name + " " + std::to_string(c.lft) + " " + std::to_string(c.rgt) + " " +
                    std::to_string(c.level) + " " + std::to_string(c.tree_id));
    return out;
  }
  // The statements fn() runs.
  template <class F>
  std::size_t statements(F&& fn) {
    covet::QueryCounter counter(db());
    fn();
    return counter.count();
  }
  // The first word of each statement fn() runs ("BEGIN", "SELECT", ...).
  template <class F>
  std::vector<std::string> verbs(F&& fn) {
    covet::QueryCounter counter(db());
    fn();
    std::vector<std::string> out;
    for (const covet::QueryLogEntry& e : counter.entries()) out.push_back(e.sql.substr(0, e.sql.find(' ')));
    return out;
  }
  // `sqlite` on SQLite, `postgres` on PostgreSQL.
  std::vector<std::string> on(std::vector<std::string> sqlite, std::vector<std::string> postgres) const {
    return is_sqlite() ? sqlite : postgres;
  }
  // The lock statement a write takes on PostgreSQL (none on SQLite).
  std::size_t lock() const { return is_sqlite() ? 0 : 1; }

  void expect_valid(const std::string& context = "") {
    const covet::NestedSetReport report = Category::check(db());
    EXPECT_TRUE(report.ok()) << context << "\n" << report.to_string();
  }
};

}  // namespace tree_ns::test

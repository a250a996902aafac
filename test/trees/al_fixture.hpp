// The trees the adjacency-list suites (test/trees/al_*) read and move, built
// through the API (keys ascend in creation order, so key order is creation
// order):
//
//   Electronics                      Books          Garden
//   ├── Computers                    └── Novels
//   │   ├── Laptops
//   │   │   └── Gaming
//   │   │       └── Ultra
//   │   │           └── Limited      (depth 5: six levels)
//   │   └── Desktops
//   └── Phones
#pragma once

#include "models/tree_al.hpp"
#include "support/database_fixture.hpp"

#include <covet/covet.hpp>
#include <covet/testing.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace tree_al::test {

class AlTreeTest : public covet::test::DatabaseTest {
 protected:
  Category add(const std::string& name, const std::optional<Category>& parent = std::nullopt) {
    Category c{.name = name};
    if (parent) c.parent = covet::Ref<Category>(*parent);
    return database->create(std::move(c));
  }

  // The guide's forest above; members name its nodes.
  void build_forest() {
    electronics = add("Electronics");
    computers = add("Computers", electronics);
    laptops = add("Laptops", computers);
    gaming = add("Gaming", laptops);
    ultra = add("Ultra", gaming);
    limited = add("Limited", ultra);
    desktops = add("Desktops", computers);
    phones = add("Phones", electronics);
    books = add("Books");
    novels = add("Novels", books);
    garden = add("Garden");
  }

  // A node, reloaded: bound, with its current parent.
  Category reload(const Category& c) { return database->objects<Category>().get("pk", c.id); }

  // Writes a parent link by hand, as other code would (no check).
  void link_by_hand(const Category& child, const Category& parent) {
    database->objects<Category>().filter("pk", child.id).update({{"parent", parent}});
  }

  template <class Rows>
  static std::vector<std::string> names(const Rows& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row.name);
    return out;
  }

  Category electronics, computers, laptops, gaming, ultra, limited, desktops, phones, books, novels, garden;
};

using Names = std::vector<std::string>;

}  // namespace tree_al::test

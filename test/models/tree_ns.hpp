// Models for the nested-set suites (test/trees/ns_*_test.cpp). Tables start
// with "tree_ns_".
//
//   Category : NestedSetNode   parent -> Category (CASCADE, nullable, "children")
//   Item.category -> Category  (CASCADE: erasing a subtree erases its items)
//   Place : NestedSetNode      parent -> Place (SET_NULL, default reverse name)
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace tree_ns {

struct [[covet::model("tree_ns_category")]] Category : covet::NestedSetNode<Category> {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
};

struct [[covet::model("tree_ns_item")]] Item {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("items")]]
  covet::Ref<Category> category;
};

struct [[covet::model("tree_ns_place")]] Place : covet::NestedSetNode<Place> {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  [[covet::foreign_key(covet::SET_NULL)]]
  std::optional<covet::Ref<Place>> parent;
};

}  // namespace tree_ns

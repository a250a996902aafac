// The guide's "Self-Referential Relationships" chapter in both shapes:
// Category, an adjacency list (covet::TreeNode: each row holds its parent's
// key; reads are one recursive query), and Section, a nested set
// (covet::NestedSetNode: each row also holds its range; reads are one range
// query, writes shift ranges under a lock). Table names carry a "tree_ex_"
// prefix so the example can share a database with other programs.
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace shop {

struct [[covet::model("tree_ex_category")]] Category : covet::TreeNode<Category> {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
};

// A store's sections, read far more often than they change: the nested set
// answers "everything under Computers" with one range condition.
struct [[covet::model("tree_ex_section")]] Section : covet::NestedSetNode<Section> {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("subsections")]]
  std::optional<covet::Ref<Section>> parent;
};

}  // namespace shop

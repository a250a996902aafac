// Models for the adjacency-list tree suites (test/trees/al_*): covet::TreeNode
// over a nullable self foreign key `parent`. Tables start with "tree_al_".
//
//   Category.parent -> Category  (SET_NULL, related_name "children", a declared
//                                 ReverseSet: the guide's tree)
//   Product.category -> Category (CASCADE, related_name "products")
//   Folder.parent -> Folder      (CASCADE, the default reverse name, no member)
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace tree_al {

struct [[covet::model("tree_al_categories")]] Category : covet::TreeNode<Category> {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
  covet::ReverseSet<Category> children;  // the reverse of Category::parent
  covet::ReverseSet<struct Product> products;
};

struct [[covet::model("tree_al_products")]] Product {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("products")]]
  covet::Ref<Category> category;
};

struct [[covet::model("tree_al_folders")]] Folder : covet::TreeNode<Folder> {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE)]]
  std::optional<covet::Ref<Folder>> parent;
};

}  // namespace tree_al

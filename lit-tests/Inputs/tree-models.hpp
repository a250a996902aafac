// Well-formed tree models: the guide's adjacency list, a nested set, an
// abstract base bringing the mixin, and children of a tree model.
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace trees {

// The guide's adjacency list.
struct [[covet::model("categories")]] Category : covet::TreeNode<Category> {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
};

// A nested set (the mixin brings lft, rgt, tree_id, level), with Django's
// default reverse name, region_set.
struct [[covet::model]] Region : covet::NestedSetNode<Region> {
  covet::Id id;
  std::string name;
  [[covet::foreign_key(covet::CASCADE)]] std::optional<covet::Ref<Region>> parent;
};

// The mixin through an abstract base, for the one model deriving from it.
struct Folder;
struct [[covet::model, covet::abstract]] Named : covet::TreeNode<Folder> {
  std::string name;
};
struct [[covet::model]] Folder : Named {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("subfolders")]]
  std::optional<covet::Ref<Folder>> parent;
};

// The mixin through a second model base: still a tree model.
struct [[covet::model, covet::abstract]] Stamped {
  std::string stamp;
};
struct Shop;
struct [[covet::model, covet::abstract]] ShopTree : covet::TreeNode<Shop> {};
struct [[covet::model]] Shop : Stamped, ShopTree {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("branches")]]
  std::optional<covet::Ref<Shop>> parent;
};

// Children of a tree model are nodes of its tree: a multi-table child, a
// proxy, and a single-table hierarchy's subclass.
struct [[covet::model]] Product : Category {
  int price = 0;
};
struct [[covet::model, covet::proxy]] TopCategory : Category {};
struct [[covet::model, covet::polymorphic_on("kind")]] Page : covet::NestedSetNode<Page> {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Page>> parent;
};
struct [[covet::model]] Article : Page {
  std::string body;
};

}  // namespace trees

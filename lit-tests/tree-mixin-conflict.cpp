// A model derives from one tree mixin at most, directly or through its
// bases: the error at the second base, a note at the first
// (checks/TreeMixinConflictCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Category
    : covet::TreeNode<Category>,  // expected-note {{'Category' already derives from 'covet::TreeNode<Category>' here}}
      covet::NestedSetNode<Category> {  // expected-error {{model 'Category' derives from a second tree mixin, 'covet::NestedSetNode<Category>': a model is a node of one tree, an adjacency list or a nested set; derive from one of them only}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
};

// Through an abstract base: the error at the base that brings the second.
struct Region;
struct [[covet::model, covet::abstract]] Sets : covet::NestedSetNode<Region> {};
struct [[covet::model]] Region : covet::TreeNode<Region>,  // expected-note {{'Region' already derives from 'covet::TreeNode<Region>' here}}
                                 Sets {  // expected-error {{model 'Region' derives from a second tree mixin, 'covet::NestedSetNode<Region>' (through 'Sets'): a model is a node of one tree}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Region>> parent;
};

// A model deriving from Category is reported at Category only (Category
// has both already).
struct [[covet::model]] Special : Category {};

// A child of a tree model is a node of its parent's tree: a mixin of its
// own is a second one.
struct [[covet::model]] Folder : covet::TreeNode<Folder> {  // expected-note {{'Folder' already derives from 'covet::TreeNode<Folder>' here}}
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Folder>> parent;
};
struct [[covet::model]] SharedFolder : Folder, covet::TreeNode<SharedFolder> {  // expected-error {{model 'SharedFolder' derives from a second tree mixin, 'covet::TreeNode<SharedFolder>'}}
  std::string owner;
};

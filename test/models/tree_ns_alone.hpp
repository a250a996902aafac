// Nested-set models that nothing else refers to (test/trees/ns_*_test.cpp):
// erasing a subtree deletes its range, without the collector, unless the
// parent key protects. Tables start with "tree_ns_".
//
//   Section : NestedSetNode   parent -> Section (CASCADE, "children"), as a
//                             tree usually is (the bench's model)
//   Folder : NestedSetNode    parent -> Folder (PROTECT): a node with
//                             children cannot be erased
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace tree_ns {

struct [[covet::model("tree_ns_section")]] Section : covet::NestedSetNode<Section> {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Section>> parent;
};

struct [[covet::model("tree_ns_folder")]] Folder : covet::NestedSetNode<Folder> {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("children")]]
  std::optional<covet::Ref<Folder>> parent;
};

}  // namespace tree_ns

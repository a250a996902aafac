// Points at trees::Category (Inputs/tree-models.hpp) without including it:
// a file including this header alone knows the tree model from the graph.
#pragma once

#include <covet/covet.hpp>

#include <optional>

namespace trees {

struct [[covet::model]] Shelf {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<struct Category> category;
};

}  // namespace trees

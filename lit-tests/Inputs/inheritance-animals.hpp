// An abstract model in a header of its own: inheritance-abstract-use.cpp
// checks a source that sees it, and not the concrete models (their header is
// inheritance-pets.hpp), against the model graph JSON.
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace zoo {

struct [[covet::model, covet::abstract]] Animal {
  covet::Id id;
  std::string name;
};

struct [[covet::model, covet::abstract]] Unborn {
  covet::Id id;
};

}  // namespace zoo

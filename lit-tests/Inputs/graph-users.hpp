// A model header of its own: User knows nothing of the models pointing at it.
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace shop {

struct [[covet::model]] User {
  covet::Id id;
  [[covet::max_length(50)]] std::string username;
  int age = 0;
};

}  // namespace shop

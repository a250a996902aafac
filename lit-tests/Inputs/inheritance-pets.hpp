// The concrete models of zoo::Animal (inheritance-animals.hpp).
#pragma once

#include "inheritance-animals.hpp"

namespace zoo {

struct [[covet::model]] Dog : Animal {
  bool good = true;
};

struct [[covet::model]] Cat : Animal {};

}  // namespace zoo

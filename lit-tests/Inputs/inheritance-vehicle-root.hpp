// The root of a single-table hierarchy in a header of its own; its
// subclasses are in inheritance-vehicles.hpp (inheritance-polymorphic-list.cpp).
#pragma once

#include "inheritance-standin.hpp"

namespace veh {

struct [[covet::model, covet::polymorphic_on("kind")]] Vehicle {
  covet::Id id;
};

struct [[covet::model]] Person {
  covet::Id id;
};

}  // namespace veh

// The subclasses of veh::Vehicle (inheritance-vehicle-root.hpp): two
// children, a grandchild, a proxy and an abstract model.
#pragma once

#include "inheritance-vehicle-root.hpp"

namespace veh {

struct [[covet::model]] Car : Vehicle {
  int doors = 0;
};
struct [[covet::model]] Truck : Vehicle {};
struct [[covet::model]] SportsCar : Car {};
struct [[covet::model, covet::proxy]] FastCar : Car {};
struct [[covet::model, covet::abstract]] Wheeled {
  int wheels = 0;
};

}  // namespace veh

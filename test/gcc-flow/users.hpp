// A customer. The orders that point at one are declared elsewhere
// (orders.hpp); this header does not know them.
#pragma once

#include <string>

#include <covet/covet.hpp>

struct [[covet::model]] User {
  covet::Id id;
  [[covet::max_length(50)]] std::string username;
  int age = 0;
};

// An order points at its User without including users.hpp.
#pragma once

#include <cstdint>

#include <covet/covet.hpp>

struct [[covet::model("orders")]] Order {
  covet::Id id;
  std::int64_t quantity = 0;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<struct User> user;
};

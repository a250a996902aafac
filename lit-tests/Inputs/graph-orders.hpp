// Points at shop::User without including its header (as a header that only
// needs the name would): a file including this one alone sees User as an
// incomplete type.
#pragma once

#include <covet/covet.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace shop {

struct [[covet::model("orders")]] Order {
  covet::Id id;
  std::int64_t quantity = 0;
  std::optional<std::string> note;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<struct User> user;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("gifts"),
    covet::related_query_name("gift")]]
  std::optional<covet::Ref<struct User>> recipient;
};

struct [[covet::model]] Invoice {
  covet::Id id;
  [[covet::one_to_one(covet::PROTECT)]] covet::Ref<Order> order;
};

}  // namespace shop

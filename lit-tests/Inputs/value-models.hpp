// Models with a column of each value kind, for the filter value checks.
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct [[covet::model]] Customer {
  covet::Id id;
  std::string username;
  std::optional<std::string> nickname;
  [[covet::unique]] std::string code;
};

struct [[covet::model]] Product {
  covet::Id id;
  std::string name;
  int quantity = 0;
  std::int64_t stock = 0;
  double price = 0;
  bool active = true;
  std::optional<int> rating;
  std::chrono::sys_time<std::chrono::microseconds> added_at;
  std::chrono::sys_days launched;
  std::vector<std::byte> thumbnail;
};

struct [[covet::model]] Purchase {
  covet::Id id;
  int count = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("purchases")]]
  covet::Ref<Customer> buyer;
  [[covet::foreign_key(covet::CASCADE), covet::to_field("code"), covet::related_name("+")]]
  covet::Ref<Customer> by_code;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("purchases")]]
  std::optional<covet::Ref<Product>> product;
  [[covet::many_to_many, covet::related_name("extra_purchases")]] covet::RefSet<Product> extras;
};

// Multi-table inheritance: a Customer object stands for a VipCustomer's parent.
struct [[covet::model, covet::multi_table]] VipCustomer : Customer {
  int level = 0;
};

// The guide's e-commerce models ("Common Patterns: E-Commerce"), drawn in
// docs/diagrams/shop.svg by `make diagrams`: a category tree whose parent is
// cleared when it goes (SET_NULL), products a category protects (PROTECT),
// orders that protect their user, and order items that go with their order
// (CASCADE) but protect their product.
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace shop {

struct [[covet::model]] User {
  covet::Id id;
  [[covet::max_length(100)]] std::string username;
};

struct [[covet::model]] Category {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
  [[covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Category>> parent;
};

struct [[covet::model]] Product {
  covet::Id id;
  [[covet::max_length(200)]] std::string name;
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<Category> category;
  covet::Decimal<10, 2> price;
};

struct [[covet::model]] Order {
  covet::Id id;
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<User> user;
  [[covet::auto_now_add]] std::chrono::sys_seconds created_at{};
};

struct [[covet::model]] OrderItem {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("items")]] covet::Ref<Order> order;
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<Product> product;
  int quantity = 0;
};

}  // namespace shop

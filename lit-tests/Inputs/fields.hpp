// Well-formed models using every field-type attribute (covet::primary_key on
// a covet::Uuid, covet::auto_now / auto_now_add, covet::enum_text enums,
// covet::Decimal columns); used by valid-fields.cpp (no diagnostics),
// emit-metadata-fields.cpp (FileCheck) and emit-compiles-fields*.cpp (the
// emitted file compiles without the plugin, with clang and g++-12).
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace shop {

enum class [[covet::enum_text]] Status { draft, paid = 5, shipped };
enum [[covet::enum_text]] Plain : std::uint8_t { small, large = 200 };
enum class Level { low, high };  // stored as its integer

struct [[covet::model]] Customer {
  [[covet::primary_key]] covet::Uuid id;
  std::string name;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> date_joined{};
};

struct [[covet::model]] Product {
  covet::Id id;
  covet::Decimal<10, 2> price;
  std::optional<covet::Decimal<12, 4>> weight;
  covet::Uuid sku;  // an ordinary UUID column
  // A covet::Id is the key with or without the attribute.
};

struct [[covet::model("orders")]] Order {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("orders")]] covet::Ref<Customer> customer;
  Status status = Status::draft;
  std::optional<Status> previous;
  Plain size = small;
  Level level = Level::low;
  [[covet::auto_now_add]] std::chrono::system_clock::time_point created_at;
  [[covet::auto_now]] std::optional<std::chrono::sys_seconds> updated_at;
  [[covet::many_to_many]] covet::RefSet<Product> products;

  enum class [[covet::enum_text]] Channel { web, shop };  // nested in a model
  Channel channel = Channel::web;
};

struct [[covet::model]] Keyed {
  [[covet::primary_key]] covet::Id id;  // redundant, accepted
};

}  // namespace shop

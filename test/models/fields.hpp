// Models for the field-type suites (test/model/*field*_test.cpp,
// uuid_key_test.cpp, auto_now_test.cpp, enum_text_test.cpp): exact
// decimals, UUID primary and foreign keys (forward, reverse, one-to-one,
// many-to-many, cascades), auto_now / auto_now_add timestamps and enums
// stored by name. Tables are prefixed fld_.
#pragma once

#include <covet/covet.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace fields {

// Stored by name; `cancelled` has a value far from the others, which names
// must not care about.
enum class [[covet::enum_text]] OrderStatus { pending, paid, shipped, cancelled = 10 };
// Stored as its integer, as every enum without the attribute.
enum class Priority : std::int8_t { low = 1, high = 2 };

struct [[covet::model("fld_product")]] Product {
  covet::Id id;
  [[covet::max_length(80)]] std::string name;
  covet::Decimal<10, 2> price;
  std::optional<covet::Decimal<10, 2>> discount;
  covet::Decimal<18, 6> weight;  // the widest: 12 digits before the point, 6 after
};

struct [[covet::model("fld_customer")]] Customer {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::max_length(80)]] std::string name;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> date_joined{};
  covet::ReverseSet<struct Order> orders;  // the reverse of Order::customer
};

struct [[covet::model("fld_label")]] Label {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::max_length(40)]] std::string name;
};

struct [[covet::model("fld_order")]] Order {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("orders")]]
  covet::Ref<Customer> customer;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("referred_orders")]]
  std::optional<covet::Ref<Customer>> referrer;
  OrderStatus status = OrderStatus::pending;
  std::optional<OrderStatus> previous_status;
  Priority priority = Priority::low;
  covet::Decimal<10, 2> total;
  [[covet::auto_now_add]] std::chrono::sys_time<std::chrono::microseconds> created_at{};
  [[covet::auto_now]] std::chrono::sys_time<std::chrono::microseconds> updated_at{};
  [[covet::many_to_many, covet::related_name("orders")]] covet::RefSet<Label> labels;
  covet::ReverseSet<struct OrderLine> lines;     // the reverse of OrderLine::order
  covet::ReverseOne<struct Shipment> shipment;   // the reverse of Shipment::order
};

// An integer-keyed model pointing at a UUID-keyed one.
struct [[covet::model("fld_order_line")]] OrderLine {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("lines")]] covet::Ref<Order> order;
  covet::Decimal<10, 2> price;
  int quantity = 1;
};

struct [[covet::model("fld_shipment")]] Shipment {
  [[covet::primary_key]] covet::Uuid id;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("shipment")]] covet::Ref<Order> order;
  // Seconds: the stamp is truncated to the member's precision, in the object
  // and in the row alike.
  [[covet::auto_now]] std::chrono::sys_seconds touched{};
};

}  // namespace fields

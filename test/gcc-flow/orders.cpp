// Queries on Order. Only orders.hpp is included: User is an incomplete type
// here, and the plugin resolves "user__username" through the model graph.
#include "orders.hpp"

#include "shop.hpp"

std::int64_t large_orders_of(const covet::Database& db, const std::string& username,
                             std::int64_t quantity) {
  return db.objects<Order>()
      .filter("user__username", username)
      .filter("quantity__gte", quantity)
      .count();
}

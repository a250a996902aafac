// Queries on User. Order is not included: "order" is the reverse query name
// Order.user gives User (Django's: the lower-case model name), which the
// plugin knows from the model graph.
#include "users.hpp"

#include "shop.hpp"

std::string big_buyers(const covet::Database& db, std::int64_t quantity) {
  std::string names;
  for (const User& u : db.objects<User>().filter("order__quantity__gt", quantity).order_by("username"))
    names += (names.empty() ? "" : ", ") + u.username;
  return names;
}

// Creates two users and their orders on an in-memory SQLite database and runs
// the shop's queries. Exits 0 and prints what it found when they answer right.
#include <exception>
#include <iostream>

#include "orders.hpp"
#include "shop.hpp"
#include "users.hpp"

int main() {
  try {
    covet::Database db = covet::connect("sqlite::memory:");
    db.create_all();
    User alice = db.create(User{.username = "alice", .age = 30});
    User bob = db.create(User{.username = "bob", .age = 40});
    db.create(Order{.quantity = 12, .user = alice});
    db.create(Order{.quantity = 3, .user = alice});
    db.create(Order{.quantity = 7, .user = bob});

    const std::int64_t large = large_orders_of(db, "alice", SHOP_LARGE_ORDER);
    const std::string buyers = big_buyers(db, 5);
    std::cout << "alice's large orders: " << large << "; big buyers: " << buyers << '\n';
    return large == 1 && buyers == "alice, bob" ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "shop: " << e.what() << '\n';
    return 1;
  }
}

// The queries of the shop, each in the file that owns its model.
#pragma once

#include <cstdint>
#include <string>

#include <covet/covet.hpp>

// orders.cpp: the orders of at least `quantity` items placed by `username`.
std::int64_t large_orders_of(const covet::Database& db, const std::string& username,
                             std::int64_t quantity);

// users.cpp: the names of the users with an order of more than `quantity`
// items, by name.
std::string big_buyers(const covet::Database& db, std::int64_t quantity);

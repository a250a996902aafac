// Filter values that fit their field, near misses included: no diagnostic.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// expected-no-diagnostics

#include "Inputs/value-models.hpp"

#include <array>
#include <chrono>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

enum class Level { Low, High };

void values(covet::Database &db, const Customer &alice, const VipCustomer &vip,
            const Product &pen, const Purchase &purchase, covet::Ref<Customer> alice_ref,
            std::optional<covet::Ref<Product>> maybe_pen, const std::string &name,
            std::string_view view, const char *text, std::optional<int> rating) {
  auto products = db.objects<Product>();
  // Integers of any width, floating point, and bools for number columns.
  products.filter("stock", 5);
  products.filter("stock__gt", 5L);
  products.filter("quantity__lte", std::int64_t{7});
  products.filter("quantity__gt", 2.5);
  products.filter("price__lt", 10);
  products.filter("active", 1);
  products.filter("active", false);
  products.filter("quantity", Level::High);
  products.filter("quantity", covet::Value(std::int64_t{3}));  // a type the check leaves to the run time
  // std::optional is checked as its value; NULL goes with exact and isnull.
  products.filter("quantity", std::optional<int>(3));
  products.filter("rating", rating);
  products.filter("rating", nullptr);
  db.objects<Customer>().filter("nickname", std::nullopt);
  db.objects<Customer>().filter("nickname__iexact", nullptr);
  products.filter("rating__isnull", true);
  db.objects<Purchase>().filter("product__isnull", false);
  db.objects<Purchase>().filter("product", maybe_pen);
  // Strings of every spelling for text columns.
  db.objects<Customer>().filter("username", name);
  db.objects<Customer>().filter("username__startswith", view);
  db.objects<Customer>().filter("username", text);
  db.objects<Customer>().get("username", "alice");
  db.objects<Customer>().filter("nickname", std::optional<std::string>("al"));
  // Time points, dates and ISO text for timestamp and date columns.
  products.filter("added_at__gt", std::chrono::system_clock::now());
  products.filter("added_at__lt", "2024-01-01T00:00:00");
  products.filter("launched", std::chrono::sys_days{});
  products.filter("launched__gte", std::chrono::year_month_day{});
  products.filter("launched", "2024-01-01");
  products.filter("thumbnail", std::vector<std::byte>{});
  // The pattern lookups and iexact take any value, as in Django.
  products.filter("quantity__contains", "2");
  products.filter("name__icontains", 'x');
  // Lists for in, two values for range.
  products.filter("quantity__in", {1, 2});
  products.filter("quantity__in", std::vector<long>{1, 2});
  products.filter("quantity__in", std::set<int>{1});
  products.filter("quantity__in", std::array<int, 2>{1, 2});
  const int ids[] = {1, 2};
  products.filter("id__in", ids);
  products.filter("name__in", {"a", "b"});
  products.filter("name__in", std::vector<std::string>{"a"});
  products.filter("quantity__range", std::pair(1, 2));
  products.filter("price__range", {1.0, 2.0});
  products.filter("stock__range", std::tuple(1, 2L));
  // A model object fits its own primary key.
  products.filter("pk", pen);
  products.filter("id__in", std::vector<Product>{});

  // Relations: an object or a Ref of the target (or of a model of its
  // inheritance chain), or the target's key.
  auto purchases = db.objects<Purchase>();
  purchases.filter("buyer", alice);
  purchases.filter("buyer", vip);
  purchases.filter("buyer", alice_ref);
  purchases.filter("buyer", 3);
  purchases.filter("buyer_id", 3);
  purchases.filter("buyer_id", alice);
  purchases.filter("buyer__id", 3);
  purchases.filter("buyer__pk__in", {1, 2});
  purchases.filter("buyer__in", std::vector<Customer>{});
  purchases.filter("buyer__in", {alice_ref});
  purchases.filter("by_code", "C-1");
  purchases.filter("by_code", alice);
  purchases.filter("buyer__username", "alice");
  purchases.filter("extras", pen);
  purchases.filter("extras__in", std::vector<covet::Ref<Product>>{});
  purchases.filter("extras__name__in", {"pen"});
  purchases.exclude(covet::Q("buyer", alice) | ~covet::Q("count__gt", 2));
  db.objects<Customer>().filter("purchases", purchase);
  db.objects<Customer>().filter("purchases__in", {1, 2});
  db.objects<Customer>().filter("purchases__count__gte", 2);
  db.objects<Product>().filter("extra_purchases__buyer", alice);
  db.objects<VipCustomer>().filter("pk", alice);
}

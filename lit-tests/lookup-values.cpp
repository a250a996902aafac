// A filter / exclude / get / Q value whose type is known at compile time must
// fit the field the lookup ends on (checks/LookupValueCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include "Inputs/value-models.hpp"

#include <string_view>
#include <utility>

void values(covet::Database &db, const Customer &alice, const Product &pen,
            const std::string &name, std::string_view view, const char *text,
            covet::Ref<Product> pen_ref) {
  auto products = db.objects<Product>();
  // expected-error@+1 {{cannot compare 'Product::quantity' of type 'int' with a value of type 'const char[4]'}}
  products.filter("quantity", "two");
  // expected-error@+1 {{cannot compare 'Customer::username' of type 'std::string' with a value of type 'int'}}
  db.objects<Customer>().filter("username", 42);
  // expected-error@+1 {{cannot compare 'Product::stock' of type 'std::int64_t' with a value of type 'std::string'}}
  products.exclude("stock__gte", name);
  // expected-error@+1 {{cannot compare 'Product::price' of type 'double' with a value of type 'std::string_view'}}
  products.get("price__lt", view);
  // expected-error@+1 {{cannot compare 'Product::active' of type 'bool' with a value of type 'const char *'}}
  products.filter(covet::Q("active", text));
  // expected-error@+1 {{cannot compare 'Customer::nickname' of type 'std::optional<std::string>' with a value of type 'double'}}
  db.objects<Customer>().filter(covet::Q("username", "a") | ~covet::Q("nickname", 2.5));
  // expected-error@+1 {{cannot compare 'Product::added_at' of type 'std::chrono::sys_time<std::chrono::microseconds>' with a value of type 'int'}}
  products.filter("added_at__gt", 5);
  // expected-error@+1 {{cannot compare 'Product::launched' of type 'std::chrono::sys_days' with a value of type 'bool'}}
  products.filter("launched", true);
  // expected-error@+1 {{cannot compare 'Product::thumbnail' of type 'std::vector<std::byte>' with a value of type 'const char[2]'}}
  products.filter("thumbnail", "x");
  // A list's elements, for 'in' and 'range'.
  // expected-error@+1 {{cannot compare 'Product::name' of type 'std::string' with elements of type 'int'}}
  products.filter("name__in", {1, 2});
  // expected-error@+1 {{cannot compare 'Product::quantity' of type 'int' with elements of type 'std::string'}}
  products.filter("quantity__in", std::vector<std::string>{"a"});
  // expected-error@+1 {{cannot compare 'Product::quantity' of type 'int' with a value of type 'const char *'}}
  products.filter("quantity__range", std::pair(1, "9"));
  // A model object is no value for a column (but fits its own primary key).
  // expected-error@+1 {{cannot compare 'Product::quantity' of type 'int' with a value of type 'Customer'}}
  products.filter("quantity", alice);
  // expected-error@+1 {{cannot compare 'Product::id' of type 'covet::Id' with a value of type 'Customer'}}
  products.filter("pk", alice);

  // Relations take an object or a Ref of their target, or its key.
  auto purchases = db.objects<Purchase>();
  // expected-error@+2 {{cannot compare relation 'Purchase::buyer' to 'Customer' with a value of type 'Product'}}
  // expected-note@+1 {{it takes a 'Customer', a 'covet::Ref<Customer>' or the key 'Customer::id' of type 'covet::Id'}}
  purchases.filter("buyer", pen);
  // expected-error@+2 {{cannot compare relation 'Purchase::buyer' to 'Customer' with a value of type 'covet::Ref<Product>'}}
  // expected-note@+1 {{it takes a 'Customer', a 'covet::Ref<Customer>' or the key 'Customer::id' of type 'covet::Id'}}
  purchases.exclude("buyer", pen_ref);
  // expected-error@+2 {{cannot compare relation 'Purchase::buyer' to 'Customer' with a value of type 'const char[6]'}}
  // expected-note@+1 {{it takes a 'Customer', a 'covet::Ref<Customer>' or the key 'Customer::id' of type 'covet::Id'}}
  purchases.filter("buyer", "alice");
  // A to_field relation's key is the to_field.
  // expected-error@+2 {{cannot compare relation 'Purchase::by_code' to 'Customer' with a value of type 'int'}}
  // expected-note@+1 {{it takes a 'Customer', a 'covet::Ref<Customer>' or the key 'Customer::code' of type 'std::string'}}
  purchases.filter("by_code", 7);
  // Reverse relations and many-to-manys compare with the related model.
  // expected-error@+2 {{cannot compare relation 'Customer::purchases' to 'Purchase' with a value of type 'Product'}}
  // expected-note@+1 {{it takes a 'Purchase', a 'covet::Ref<Purchase>' or the key 'Purchase::id' of type 'covet::Id'}}
  db.objects<Customer>().filter("purchases", pen);
  // expected-error@+2 {{cannot compare relation 'Purchase::extras' to 'Product' with elements of type 'Customer'}}
  // expected-note@+1 {{it takes a 'Product', a 'covet::Ref<Product>' or the key 'Product::id' of type 'covet::Id'}}
  purchases.filter("extras__in", std::vector<Customer>{});

  // The shape of the value, as the run time checks it.
  // expected-error@+1 {{'in' on 'Product::quantity' takes a list (a container or a braced list), not a value of type 'int'}}
  products.filter("quantity__in", 3);
  // expected-error@+1 {{'range' on 'Product::price' takes two values (a std::pair or a braced list of two), not a value of type 'std::initializer_list<int>'}}
  products.filter("price__range", {1, 2, 3});
  // expected-error@+1 {{'range' on 'Product::price' takes two values (a std::pair or a braced list of two), not a value of type 'double'}}
  products.filter("price__range", 1.5);
  // expected-error@+1 {{'exact' on 'Product::quantity' takes a single value (lists go with 'in' and 'range'), not a value of type 'std::vector<int>'}}
  products.filter("quantity", std::vector<int>{1});
  // expected-error@+1 {{'gt' on 'Product::quantity' takes a single value (lists go with 'in' and 'range'), not a value of type 'std::pair<int, int>'}}
  products.filter("quantity__gt", std::pair(1, 2));
  // expected-error@+1 {{'isnull' on 'Product::rating' takes true or false, not a value of type 'int'}}
  products.filter("rating__isnull", 1);
  // expected-error@+1 {{'isnull' on 'Purchase::product' takes true or false, not a value of type 'std::nullptr_t'}}
  purchases.filter("product__isnull", nullptr);
  // expected-error@+1 {{'lt' on 'Product::rating' cannot take NULL; use 'isnull' to test for NULL}}
  products.filter("rating__lt", std::nullopt);
  // expected-error@+1 {{'contains' on 'Product::name' cannot take NULL; use 'isnull' to test for NULL}}
  products.filter("name__contains", nullptr);
}

// Reported once, in the first instantiation that is wrong.
template <class V>
void generic(covet::QuerySet<Product> products, V v) {
  // A deduced type prints as the compiler knows it.
  products.filter("quantity", v);  // expected-error {{cannot compare 'Product::quantity' of type 'int' with a value of type 'std::basic_string<char>'}}
}
void instantiate(covet::QuerySet<Product> products) {
  generic(products, 3);
  generic(products, std::string("x"));
  generic(products, std::string("y"));
}

// Each error has a note at the declaration of the field (or relation) it names.
// expected-note@Inputs/value-models.hpp:* 5 {{'Product::quantity' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::id' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::name' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::stock' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::price' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::active' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::added_at' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::launched' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Product::thumbnail' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Customer::username' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Customer::nickname' declared here}}
// expected-note@Inputs/value-models.hpp:* 4 {{'Purchase::buyer' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Purchase::by_code' declared here}}
// expected-note@Inputs/value-models.hpp:* {{'Purchase::extras' declared here}}

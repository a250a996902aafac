// The default reverse names, from covet/detail/naming.hpp, the definition the
// runtime uses too (test/model/naming_test.cpp pins the runtime's side): for
// Order.user without related_name, User gets the accessor 'order_set'
// (prefetch_related, declared reverse members) and the query name 'order'
// (filter lookups); related_query_name replaces only the query name; a
// one-to-one's accessor is the bare model name.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

struct Order;
struct Review;
struct Profile;

struct [[covet::model]] User {
  covet::Id id;
  std::string username;
  covet::ReverseSet<Order> order_set;   // the default accessor: bound
  covet::ReverseSet<Review> review_set;  // related_query_name leaves the accessor
  covet::ReverseOne<Profile> profile;    // a one-to-one: no "_set"
  // The query name is not an accessor.
  // expected-error@+2 {{reverse member 'User::order' mirrors no relation of 'Order' to 'User'; name it like the relation's reverse accessor, or give the relation 'covet::related_name' equal to it}}
  // expected-note@+1 {{reverse accessors of 'User': 'order_set' (Order::user), 'review_set' (Review::author), 'profile' (Profile::user)}}
  covet::ReverseSet<Order> order;
};

struct [[covet::model]] Order {
  covet::Id id;
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<User> user;
};

struct [[covet::model]] Review {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_query_name("reviewed")]] covet::Ref<User> author;
};

struct [[covet::model]] Profile {
  covet::Id id;
  [[covet::one_to_one(covet::CASCADE)]] covet::Ref<User> user;
};

// The query names show where a member of the target takes them.
struct [[covet::model]] Shop {
  covet::Id id;
  std::string invoice;   // expected-note {{member 'Shop::invoice' declared here}}
  std::string rated;     // expected-note {{member 'Shop::rated' declared here}}
  std::string rating;    // the default query name 'rating' is replaced: no clash
};
struct [[covet::model]] Invoice {
  covet::Id id;
  // expected-error@+1 {{reverse query name 'Shop::invoice' of 'Invoice::shop' clashes with member 'Shop::invoice'; add or change 'covet::related_query_name'}}
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<Shop> shop;
};
struct [[covet::model]] Rating {
  covet::Id id;
  // expected-error@+1 {{reverse query name 'Shop::rated' of 'Rating::shop' clashes with member 'Shop::rated'}}
  [[covet::foreign_key(covet::PROTECT), covet::related_query_name("rated")]] covet::Ref<Shop> shop;
};

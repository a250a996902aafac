// Models for the naming suite (test/model/naming_test.cpp): relations that
// leave their reverse names to the defaults, so the suite can pin the names
// covet/detail/naming.hpp gives them. Tables are prefixed "naming_".
//
//   Order.user      foreign key, no related_name      (reverse: User "order_set", query name "order")
//   Review.author   foreign key, related_query_name("reviewed") only
//                                                      (reverse: User "review_set", query name "reviewed")
//   Profile.user    one-to-one, no related_name        (reverse: User "profile", query name "profile")
//   Account.owner   one-to-one, related_name("account"), related_query_name("acct")
//                                                      (reverse: User "account", query name "acct")
//   archive::Tag.current  many-to-many to naming::Tag, a model of the same
//                   class name: automatic join table with "from_tag_id" / "to_tag_id"
#pragma once

#include <covet/covet.hpp>

#include <string>

namespace naming {

struct Order;
struct Review;
struct Profile;
struct Account;

struct [[covet::model("naming_user")]] User {
  covet::Id id;
  [[covet::max_length(50)]] std::string username;
  // Declared reverse members, named like the default accessors, so that
  // prefetch_related has somewhere to put what it loads.
  covet::ReverseSet<Order> order_set;
  covet::ReverseSet<Review> review_set;
  covet::ReverseOne<Profile> profile;
  covet::ReverseOne<Account> account;
};

struct [[covet::model("naming_order")]] Order {
  covet::Id id;
  int number = 0;
  [[covet::foreign_key(covet::PROTECT)]] covet::Ref<User> user;
};

struct [[covet::model("naming_review")]] Review {
  covet::Id id;
  [[covet::max_length(100)]] std::string text;
  [[covet::foreign_key(covet::CASCADE), covet::related_query_name("reviewed")]] covet::Ref<User> author;
};

struct [[covet::model("naming_profile")]] Profile {
  covet::Id id;
  [[covet::max_length(100)]] std::string bio;
  [[covet::one_to_one(covet::CASCADE)]] covet::Ref<User> user;
};

struct [[covet::model("naming_account")]] Account {
  covet::Id id;
  [[covet::max_length(20)]] std::string iban;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("account"), covet::related_query_name("acct")]]
  covet::Ref<User> owner;
};

struct [[covet::model("naming_tag")]] Tag {
  covet::Id id;
  [[covet::max_length(50)]] std::string label;
};

namespace archive {

struct [[covet::model("naming_archive_tag")]] Tag {
  covet::Id id;
  [[covet::max_length(50)]] std::string label;
  [[covet::many_to_many]] covet::RefSet<naming::Tag> current;
};

}  // namespace archive

}  // namespace naming

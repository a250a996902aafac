// Reverse relations go by two names, as in Django: the accessor
// (related_name, else "<model>_set", "<model>" for a one-to-one) in
// prefetch_related, and the query name (related_query_name, else
// related_name, else "<model>") in filter / exclude / get / order_by lookups
// and in select_related (Django's get_related_selections matches
// related_query_name()). The other spelling is an error whose did-you-mean
// note points at the right one.
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <cstdint>
#include <string>

struct [[covet::model]] User {
  covet::Id id;
  std::string username;
  covet::ReverseOne<struct Profile> profile;
  covet::ReverseOne<struct Account> account;
};

// No related_name: accessor 'order_set', query name 'order'.
struct [[covet::model]] Order {
  covet::Id id;
  std::int64_t quantity = 0;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<User> user;
};

// related_name and related_query_name: accessor 'comments', query name 'comment'.
struct [[covet::model]] Comment {
  covet::Id id;
  std::string text;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("comments"),
    covet::related_query_name("comment")]]
  covet::Ref<User> author;
};

// A one-to-one without related_name: 'profile' both ways.
struct [[covet::model]] Profile {
  covet::Id id;
  std::string bio;
  [[covet::one_to_one(covet::CASCADE)]] covet::Ref<User> user;
};

// A one-to-one whose names differ: accessor 'account', query name 'acct'.
struct [[covet::model]] Account {
  covet::Id id;
  std::string iban;
  [[covet::one_to_one(covet::CASCADE), covet::related_name("account"),
    covet::related_query_name("acct")]]
  covet::Ref<User> owner;
};

struct [[covet::model]] Tag {
  covet::Id id;
  std::string label;
};

// A many-to-many without related_name: on Tag, accessor 'post_set', query name 'post'.
struct [[covet::model]] Post {
  covet::Id id;
  std::string title;
  [[covet::many_to_many]] covet::RefSet<Tag> tags;
};

void accepted(covet::Database &db) {
  auto users = db.objects<User>();
  users.filter("order__quantity__gt", 1);
  users.exclude("order", 3);
  users.get("comment__text", "hi");
  users.filter("profile__bio__contains", "x");
  users.filter("acct__iban", "DE00");
  users.order_by("profile__bio", "acct__iban");
  users.prefetch_related("order_set", "comments", "profile", "account");
  users.prefetch_related("order_set__user", "comments__author__order_set");
  users.select_related("profile", "acct");
  db.objects<Tag>().filter("post__title", "x");
  db.objects<Tag>().prefetch_related("post_set__tags");
}

void rejected(covet::Database &db) {
  auto users = db.objects<User>();
  // expected-error@+3 {{no field named 'order_set' in model 'User'}}
  // expected-note@+2 {{did you mean 'order'?}}
  // expected-note@+1 {{'order_set' is the reverse accessor of 'Order::user'; lookups name it 'order'}}
  users.filter("order_set__quantity__gt", 1);
  // expected-error@+3 {{no field named 'order_set' in model 'User'}}
  // expected-note@+2 {{did you mean 'order'?}}
  // expected-note@+1 {{'order_set' is the reverse accessor of 'Order::user'; lookups name it 'order'}}
  users.exclude("order_set", 3);
  // expected-error@+3 {{no field named 'comments' in model 'User'}}
  // expected-note@+2 {{did you mean 'comment'?}}
  // expected-note@+1 {{'comments' is the reverse accessor of 'Comment::author'; lookups name it 'comment'}}
  users.get("comments__text", "hi");
  // expected-error@+3 {{no field named 'account' in model 'User'}}
  // expected-note@+2 {{did you mean 'acct'?}}
  // expected-note@+1 {{'account' is the reverse accessor of 'Account::owner'; lookups name it 'acct'}}
  users.order_by("-account__iban");
  // expected-error@+3 {{no field named 'order' in model 'User'}}
  // expected-note@+2 {{did you mean 'order_set'?}}
  // expected-note@+1 {{'order' is the reverse query name of 'Order::user'; prefetch_related names it 'order_set'}}
  users.prefetch_related("order");
  // expected-error@+3 {{no field named 'comment' in model 'User'}}
  // expected-note@+2 {{did you mean 'comments'?}}
  // expected-note@+1 {{'comment' is the reverse query name of 'Comment::author'; prefetch_related names it 'comments'}}
  users.prefetch_related(covet::Prefetch("comment"));
  // expected-error@+3 {{no field named 'acct' in model 'User'}}
  // expected-note@+2 {{did you mean 'account'?}}
  // expected-note@+1 {{'acct' is the reverse query name of 'Account::owner'; prefetch_related names it 'account'}}
  users.prefetch_related("acct");
  // expected-error@+3 {{no field named 'account' in model 'User'}}
  // expected-note@+2 {{did you mean 'acct'?}}
  // expected-note@+1 {{'account' is the reverse accessor of 'Account::owner'; select_related names it 'acct'}}
  users.select_related("account");
  // expected-error@+2 {{'select_related' cannot follow 'order_set' of 'User': it is not a foreign key, one-to-one or reverse one-to-one}}
  // expected-note@+1 {{relations of 'User' it can follow: acct, profile}}
  users.select_related("order_set");
  // expected-error@+3 {{no field named 'post' in model 'Tag'}}
  // expected-note@+2 {{did you mean 'post_set'?}}
  // expected-note@+1 {{'post' is the reverse query name of 'Post::tags'; prefetch_related names it 'post_set'}}
  db.objects<Tag>().prefetch_related("post");
  // expected-error@+3 {{no field named 'post_set' in model 'Tag'}}
  // expected-note@+2 {{did you mean 'post'?}}
  // expected-note@+1 {{'post_set' is the reverse accessor of 'Post::tags'; lookups name it 'post'}}
  db.objects<Tag>().filter("post_set__title", "x");
}

// CHECK: fix-it:"{{.*}}lookup-reverse-names.cpp":{87:17-87:26}:"order"
// CHECK: fix-it:"{{.*}}lookup-reverse-names.cpp":{103:27-103:32}:"order_set"
// CHECK: fix-it:"{{.*}}lookup-reverse-names.cpp":{115:25-115:32}:"acct"

// Models for the eager-loading suites (test/query/select_related_test.cpp)
// where the library and blog models fall short: foreign keys without a
// database constraint, which may dangle, and a cycle of non-null keys.
// Tables are prefixed "eager_".
//
//   Item.owner       foreign key, NOT NULL, db_constraint(false)   (reverse: Owner "items")
//   Item.backup      foreign key, nullable, db_constraint(false)   (reverse: Owner "backup_items")
//   Owner.favourite  foreign key, NOT NULL, db_constraint(false)   (reverse: Item "favoured_by")
//                    so Item -> Owner -> Item is a cycle select_related() must not follow
#pragma once

#include <covet/covet.hpp>

#include <optional>
#include <string>

namespace eager {

struct Item;

struct [[covet::model("eager_owner")]] Owner {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  [[covet::foreign_key(covet::DO_NOTHING), covet::db_constraint(false), covet::related_name("favoured_by")]]
  covet::Ref<Item> favourite;
};

struct [[covet::model("eager_item")]] Item {
  covet::Id id;
  [[covet::max_length(50)]] std::string name;
  [[covet::foreign_key(covet::DO_NOTHING), covet::db_constraint(false), covet::related_name("items")]]
  covet::Ref<Owner> owner;
  [[covet::foreign_key(covet::DO_NOTHING), covet::db_constraint(false), covet::related_name("backup_items")]]
  std::optional<covet::Ref<Owner>> backup;
};

}  // namespace eager

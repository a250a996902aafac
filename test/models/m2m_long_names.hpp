// A model whose table name is long enough (55 bytes) that every name
// create_all derives from it would pass PostgreSQL's 63-byte identifier
// limit: the indexes and foreign key constraints of its columns (whose first
// 63 bytes are alike: "..._counter", "..._owner_o"), its unique_together
// constraint and the index of its automatic join table (whose own name, 60
// bytes, fits: the plugin rejects a longer one) (test/relations/long_names_test.cpp).
#pragma once

#include <covet/covet.hpp>

namespace m2m {

struct [[covet::model("m2m_long_target")]] LongTarget {
  covet::Id id;
};

struct [[covet::model("m2m_a_table_named_long_enough_to_overflow_derived_names"),
         covet::unique_together("counter_one", "counter_two")]] LongNamed {
  covet::Id id;
  [[covet::db_index]] int counter_one = 0;
  [[covet::db_index]] int counter_two = 0;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<LongTarget> owner_one;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("+")]] covet::Ref<LongTarget> owner_two;
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<LongTarget> tags;
};

}  // namespace m2m

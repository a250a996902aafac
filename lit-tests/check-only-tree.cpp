// A source file checked against the model graph JSON that sees a tree
// model only through the graph: the JSON records the tree kind and the
// `parent` key with its reverse name, so lookups through them are checked.
//
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/tree-all.hpp
// RUN: %FileCheck %s --check-prefix=JSON --input-file %t.json
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.json -Xclang -verify %s
//
// JSON: "name": "Category"
// JSON: "tree": "adjacency_list"
// JSON: "name": "Region"
// JSON: "tree": "nested_set"
// JSON: "name": "Shop"
// JSON: "tree": "adjacency_list"
// JSON: "name": "Product"
// JSON: "tree": "adjacency_list"

#include "Inputs/tree-shelf.hpp"

void shelves(covet::Database &db) {
  auto shelves = db.objects<trees::Shelf>();
  shelves.filter("category__parent__name", "Electronics");
  shelves.filter("category__children__name__startswith", "Lap").select_related("category__parent");
  // expected-error@+2 {{no field named 'chidren' in model 'Category'}}
  // expected-note@+1 {{did you mean 'children'?}}
  shelves.filter("category__chidren__name", "Laptops");
}

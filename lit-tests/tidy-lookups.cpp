// covet-lookups checks the lookups of a file that declares no model and only
// includes the model headers; covet-models leaves those headers to their own
// run (no diagnostic about them here, even with every header shown). With
// covet-lookups.GraphFiles, the models of a graph JSON written by the
// plugin's emit-graph= are known too, as with -fplugin-arg-covet-graph=.
// REQUIRES: covet-tidy
// RUN: %not %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*' --header-filter='.*' %s -- -std=c++20 -I%covet_include > %t.out 2>&1
// RUN: %FileCheck %s --input-file %t.out --implicit-check-not='error:'
//
// graph-orders.hpp only forward-declares shop::User: its fields come from
// the graph of graph-models.hpp.
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/graph-models.hpp
// RUN: %not %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*' -config="{CheckOptions: {covet-lookups.GraphFiles: '%t.json'}}" %s -- -std=c++20 -I%covet_include -DWITH_GRAPH > %t.graph 2>&1
// RUN: %FileCheck %s --check-prefix=GRAPH --input-file %t.graph --implicit-check-not='error:'
// An unreadable graph is an error of the run:
// RUN: %not %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*' -config="{CheckOptions: {covet-lookups.GraphFiles: '%t.missing.json'}}" %s -- -std=c++20 -I%covet_include > %t.missing 2>&1
// RUN: %FileCheck %s --check-prefix=MISSING --input-file %t.missing

#include "Inputs/graph-orders.hpp"

void orders(covet::Database &db) {
  auto orders = db.objects<shop::Order>();
  // CHECK: tidy-lookups.cpp:[[@LINE+2]]:18: error: no field named 'quantty' in model 'Order' [covet-lookups]
  // GRAPH: tidy-lookups.cpp:[[@LINE+1]]:18: error: no field named 'quantty' in model 'Order' [covet-lookups]
  orders.filter("quantty__gte", 2);
#ifdef WITH_GRAPH
  // GRAPH: tidy-lookups.cpp:[[@LINE+1]]:24: error: no field named 'usernme' in model 'User' [covet-lookups]
  orders.filter("user__usernme", "al");
#endif
}

// MISSING: error: cannot read the Covet model graph '{{.*}}.missing.json': {{.*}} [covet-lookups]

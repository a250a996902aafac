// The columns covet::NestedSetNode brings are fields of the model for
// lookups: filter, order_by, across the `parent` key and its reverse side,
// with their values checked as integers.
// REQUIRES: nested-set-columns
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s

#include "Inputs/tree-models.hpp"

void queries(covet::Database &db) {
  using trees::Region;
  db.objects<Region>().filter("lft__gte", 3).filter("rgt__lt", 10).order_by("tree_id", "lft");
  db.objects<Region>().filter("tree_id", 1).filter("level__lte", 2);
  db.objects<Region>().filter("parent__lft__lt", 5).filter("region__level", 1);
  db.objects<trees::Article>().filter("level", 0).order_by("-rgt");

  // expected-error-re@+1 {{cannot compare 'Region::lft' of type '{{.*}}' with a value of type 'const char[6]'}}
  db.objects<Region>().filter("lft__gte", "three");
  // expected-note@covet/nested_set.hpp:* {{'Region::lft' declared here}}
  // expected-error@+2 {{no field named 'levle' in model 'Region'}}
  // expected-note@+1 {{did you mean 'level'?}}
  db.objects<Region>().filter("levle", 1);
}

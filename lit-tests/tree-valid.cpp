// Well-formed tree models stay silent, and so do lookups through the
// `parent` key and its reverse side (checks/TreeParentCheck.h,
// NestedSetColumnCheck.h, TreeMixinConflictCheck.h, TreeMixinArgumentCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -Xclang -verify %s
// The emitted metadata compiles:
// RUN: rm -f %t.covet.cpp
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.covet.cpp %S/Inputs/tree-models.hpp
// RUN: %clangxx_noplugin -fsyntax-only -Wall -Wextra -Werror %t.covet.cpp
// expected-no-diagnostics

#include "Inputs/tree-models.hpp"

void queries(covet::Database &db) {
  using namespace trees;
  db.objects<Category>().filter("parent__name", "Electronics").order_by("parent__name", "name");
  db.objects<Category>().filter("children__name__startswith", "Lap");
  db.objects<Category>().filter("parent__parent__isnull", true).select_related("parent__parent");
  db.objects<Category>().prefetch_related("children__children").exclude("children__isnull", true);
  db.objects<Region>().filter("region__name", "Europe").prefetch_related("region_set");
  db.objects<Folder>().filter("subfolders__name", "src").filter("parent__name", "home");
  db.objects<Product>().filter("parent__name", "Computers").filter("price__gte", 100);
  db.objects<TopCategory>().filter("children__name", "Laptops");
  db.objects<Article>().filter("parent__isnull", true).exclude("children__isnull", true);
}

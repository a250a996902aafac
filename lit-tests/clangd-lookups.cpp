// A query file that declares no model: covet-clangd checks its lookups
// (covet-lookups) against the models of the headers it includes, which
// clangd keeps in the preamble, outside the main file's declarations
// (ModelGraphBuilder widens clangd's traversal scope to find them), and
// publishes what the plugin reports, fix-its included. Then a keystroke
// (an unsaved edit) makes a valid lookup a typo: the new error is published
// after the rebuild, as the plugin would report it on the edited text.
// REQUIRES: covet-clangd
// RUN: %python %covet_ide_tests/lsp-check.py --clangd %covet_clangd --config %S/../docs/ide.md:covet-clangd --include %covet_include --plugin %covet_plugin --same-as-plugin --expect "no field named 'titel' in model 'Book'" --expect "no field named 'nme'" --edit "books__title__icontains=books__titl__icontains" --expect-after-edit "no field named 'titl' in model 'Book'" %s

#include "Inputs/blog.hpp"

void queries(covet::Database &db) {
  db.objects<blog::Book>().filter("titel__startswith", "C++");
  db.objects<blog::Book>().filter("author__nme", "Alice").order_by("-published_year");
  db.objects<blog::Author>().filter("books__title__icontains", "c++");  // valid
}

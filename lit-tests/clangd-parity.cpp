// covet-clangd (docs/ide.md) publishes, as you type, what the plugin reports
// on the same file: ranges, messages, notes and fix-its (code actions), with
// the .clangd the guide gives. test/ide/lsp-check.py is the LSP client: it
// opens the file in covet-clangd and compares with
// `clang++-19 -fplugin=covet.so -fdiagnostics-parseable-fixits`.
// Fixing the misspelled attribute as you type turns its two errors into the
// one the fixed declaration has (Book::editor now takes the reverse
// accessor 'book_set' Book::author already gives Author).
// The same with a compile database written for g++ (no -fplugin, as a GCC
// build has it): the attributes are still known and checked.
// REQUIRES: covet-clangd
// RUN: %python %covet_ide_tests/lsp-check.py --clangd %covet_clangd --config %S/../docs/ide.md:covet-clangd --include %covet_include --plugin %covet_plugin --same-as-plugin --expect "unknown attribute 'covet::foriegn_key'; did you mean 'covet::foreign_key'?" --expect "no field named 'autor'" --edit "covet::foriegn_key=covet::foreign_key" --expect-after-edit "reverse accessor 'Author::book_set' of 'Book::editor' clashes" %s
// RUN: %python %covet_ide_tests/lsp-check.py --clangd %covet_clangd --config %S/../docs/ide.md:covet-clangd --include %covet_include --plugin %covet_plugin --same-as-plugin --cdb-compiler g++ --expect "did you mean 'covet::foreign_key'?" %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
};

struct [[covet::model]] Book {
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL)]] covet::Ref<Author> author;   // not nullable: fix-it wraps it
  [[covet::foriegn_key(covet::CASCADE)]] covet::Ref<Author> editor;   // misspelled: fix-it, and no relation
  [[foreign_key(covet::CASCADE), covet::related_name("reviewed")]] covet::Ref<Author> reviewer;  // unscoped
};

struct [[covet::model]] Shelf {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<struct Label> label;  // a cascade cycle: notes
};

struct [[covet::model]] Label {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Shelf> shelf;
};

void query(covet::Database &db) {
  db.objects<Book>().filter("autor__name", "x");           // did you mean 'author'? (fix-it)
  db.objects<Author>().filter("name__startswit", "A");    // did you mean 'startswith'? (fix-it)
  db.objects<Book>().order_by("-author__nam");             // fields of 'Author' are: ... (a note)
}

// The clang-tidy module (covet-tidy.so, docs/ide.md) reports what the plugin
// reports on the same file: model-graph errors (covet-models), a misspelled
// attribute (covet-models, instead of Clang's "unknown attribute ignored"),
// a lookup typo (covet-lookups), and the attribute checks, which run inside
// Sema as in the plugin (clang-diagnostic-error), with the same notes.
// REQUIRES: covet-tidy
// RUN: %not %clangxx -fplugin=%covet_plugin %s 2> %t.plugin
// RUN: %not %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*' %s -- -std=c++20 -I%covet_include > %t.tidy 2> %t.tidy-stderr
// RUN: %FileCheck %s --input-file %t.tidy
// RUN: %python %covet_ide_tests/compare-diags.py %t.plugin %t.tidy
// Fix-its too:
// RUN: %not %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*' --export-fixes=%t.yaml %s -- -std=c++20 -I%covet_include > %t.tidy2 2>&1
// RUN: %FileCheck %s --check-prefix=FIXES --input-file %t.yaml

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  [[covet::max_length(100)]] std::string name;
};

struct [[covet::model]] Book {
  covet::Id id;
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:62: error: 'covet::SET_NULL' needs a nullable key, but 'author' has type 'covet::Ref<Author>'; declare it 'std::optional<covet::Ref<T>>' [covet-models]
  [[covet::foreign_key(covet::SET_NULL)]] covet::Ref<Author> author;
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+2]]:12: error: unknown attribute 'covet::foriegn_key'; did you mean 'covet::foreign_key'? [covet-models]
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:61: error: member 'editor' of type 'covet::Ref<Author>' has no relation attribute; add 'covet::foreign_key(ON_DELETE)' or 'covet::one_to_one(ON_DELETE)' [covet-models]
  [[covet::foriegn_key(covet::CASCADE)]] covet::Ref<Author> editor;
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:5: error: attribute 'foreign_key' must be written 'covet::foreign_key' [clang-diagnostic-error]
  [[foreign_key(covet::CASCADE), covet::related_name("reviewed")]] covet::Ref<Author> reviewer;
};

struct [[covet::model]] Shelf {
  covet::Id id;
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+3]]:67: error: 'covet::CASCADE' on 'Shelf::book' closes a cycle of cascading deletes through 2 models: 'Shelf' -> 'Label' -> 'Shelf' [covet-models]
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+2]]:67: note: 'Shelf::book' is a foreign key to 'Label' with 'covet::CASCADE'
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:67: error: reverse query name 'Label::shelf' of 'Shelf::book' clashes with member 'Label::shelf'; add or change 'covet::related_query_name' [covet-models]
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<struct Label> book;
};

struct [[covet::model]] Label {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Shelf> shelf;
};

void query(covet::Database &db) {
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+2]]:30: error: no field named 'autor' in model 'Book' [covet-lookups]
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:30: note: did you mean 'author'?
  db.objects<Book>().filter("autor__name", "x");
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+2]]:38: error: unsupported lookup 'startswit' for field 'Author::name' [covet-lookups]
  // CHECK-DAG: tidy-parity.cpp:[[@LINE+1]]:38: note: did you mean 'startswith'?
  db.objects<Author>().filter("name__startswit", "A");
}

// FIXES-DAG: ReplacementText: 'std::optional<'
// FIXES-DAG: ReplacementText: foreign_key
// FIXES-DAG: ReplacementText: '{{\[\[}}covet::foreign_key(covet::CASCADE)]] '
// FIXES-DAG: ReplacementText: 'covet::'
// FIXES-DAG: ReplacementText: author
// FIXES-DAG: ReplacementText: startswith

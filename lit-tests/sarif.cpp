// -fdiagnostics-format=sarif carries the plugin's diagnostics like Clang's
// own: each error and note is a SARIF result with its level, location and
// message (docs/ide.md: CI and code-scanning tools read it). Clang 19 writes
// no fix-its into SARIF, and the ruleId of a plugin diagnostic is the
// numeric custom ID of that run, not a stable name.
// RUN: %not %clangxx -fplugin=%covet_plugin -fdiagnostics-format=sarif %s 2> %t.sarif
// RUN: %python %covet_ide_tests/sarif-results.py %t.sarif | %FileCheck %s

#include <covet/covet.hpp>

#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  std::string name;
};

struct [[covet::model]] Book {
  covet::Id id;
  // CHECK-DAG: error sarif.cpp:[[@LINE+1]]:62: 'covet::SET_NULL' needs a nullable key, but 'author' has type 'covet::Ref<Author>'; declare it 'std::optional<covet::Ref<T>>'
  [[covet::foreign_key(covet::SET_NULL)]] covet::Ref<Author> author;
  // CHECK-DAG: error sarif.cpp:[[@LINE+1]]:12: unknown attribute 'covet::foriegn_key'; did you mean 'covet::foreign_key'?
  [[covet::foriegn_key(covet::CASCADE)]] int editor_id;
};

void query(covet::Database &db) {
  // CHECK-DAG: error sarif.cpp:[[@LINE+2]]:30: no field named 'autor' in model 'Book'
  // CHECK-DAG: note sarif.cpp:[[@LINE+1]]:30: did you mean 'author'?
  db.objects<Book>().filter("autor__name", "x");
}

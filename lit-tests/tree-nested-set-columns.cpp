// A nested-set model declares no member named like a column
// covet::NestedSetNode brings (lft, rgt, tree_id, level), whatever its type:
// one error per declaration, a note at the mixin, a fix-it removing it
// (checks/NestedSetColumnCheck.h). HiddenMemberCheck stays silent on them.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Region : covet::NestedSetNode<Region> {  // expected-note 4 {{'Region' derives from 'covet::NestedSetNode<Region>' here}}
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Region>> parent;
  int lft = 0;  // expected-error {{member 'lft' of 'Region' redeclares the column 'lft' that 'covet::NestedSetNode<Region>' brings and maintains; remove it: the mixin's 'lft' is read-only, written by Covet alone}}
  std::string level;  // expected-error {{member 'level' of 'Region' redeclares the column 'level' that 'covet::NestedSetNode<Region>' brings and maintains}}
  [[covet::column("tree")]] long tree_id = 0;  // expected-error {{member 'tree_id' of 'Region' redeclares the column 'tree_id'}}
  std::string name;
};
// (Clang widens each removal by the blank it would leave.)
// CHECK: fix-it:"{{.*}}tree-nested-set-columns.cpp":{17:3-17:16}:""
// CHECK: fix-it:"{{.*}}tree-nested-set-columns.cpp":{18:3-18:22}:""
// CHECK: fix-it:"{{.*}}tree-nested-set-columns.cpp":{19:3-19:47}:""

// From an abstract base of the nested-set model: reported once, at the
// base's member, however many models derive from it.
struct [[covet::model, covet::abstract]] Positioned {
  int rgt = 0;  // expected-error {{member 'rgt' of 'Positioned' redeclares the column 'rgt' that 'covet::NestedSetNode<Place>' brings and maintains}}
};
struct [[covet::model]] Place : Positioned, covet::NestedSetNode<Place> {  // expected-note {{'Place' derives from 'covet::NestedSetNode<Place>' here}}
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Place>> parent;
};
// CHECK: fix-it:"{{.*}}tree-nested-set-columns.cpp":{30:3-30:16}:""

// A multi-table child of a nested-set model is a node of its parent's tree:
// it cannot redeclare the columns either.
struct [[covet::model]] City : Region {
  int rgt = 0, other = 0;  // expected-error {{member 'rgt' of 'City' redeclares the column 'rgt' that 'covet::NestedSetNode<Region>' brings and maintains}}
};
// Declared with another member: no fix-it.
// CHECK-NOT: fix-it:

// Not a nested-set model: the names are free.
struct [[covet::model]] Box {
  covet::Id id;
  int lft = 0, rgt = 0, level = 0;
  long tree_id = 0;
};

// A tree model (covet::TreeNode / covet::NestedSetNode) needs a member
// `parent`, a nullable foreign key to the model itself
// (checks/TreeParentCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

// No `parent` at all: the error at the base, the declaration to add before
// the closing brace (fix-it).
struct [[covet::model]] Category : covet::TreeNode<Category> {  // expected-error {{tree model 'Category' derives from 'covet::TreeNode<Category>' but has no member 'parent'; declare the nullable foreign key to 'Category' that links each node to its parent}}
  covet::Id id;
  std::string name;
};  // expected-note {{add the member: '[[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]] std::optional<covet::Ref<Category>> parent;'}}
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{17:1-17:1}:"  {{\[\[}}covet::foreign_key(covet::SET_NULL), covet::related_name(\"children\")]] std::optional<covet::Ref<Category>> parent;\n"

// NestedSetNode needs it too (rebuild() recomputes the sets from it). A
// member already named `children` keeps the default reverse name.
struct [[covet::model]] Region : covet::NestedSetNode<Region> { covet::Id id; int children = 0; };  // expected-error {{tree model 'Region' derives from 'covet::NestedSetNode<Region>' but has no member 'parent'}} expected-note {{add the member: '[[covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Region>> parent;'}}
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{22:97-22:97}:" {{\[\[}}covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Region>> parent; "

struct [[covet::model]] Tag {
  covet::Id id;
};

// A `parent` that is not a foreign key: the error at the member, a note at the mixin.
struct [[covet::model]] Folder : covet::TreeNode<Folder> {  // expected-note {{'Folder' is a tree through 'covet::TreeNode<Folder>' here}}
  covet::Id id;
  std::optional<int> parent;  // expected-error {{member 'parent' of tree model 'Folder' must be a nullable foreign key to 'Folder', but it is a column of type 'std::optional<int>'; declare it '[[covet::foreign_key(ON_DELETE)]] std::optional<covet::Ref<Folder>> parent'}}
};
struct [[covet::model]] Topic : covet::TreeNode<Topic> {  // expected-note {{'Topic' is a tree through 'covet::TreeNode<Topic>' here}}
  covet::Id id;
  // expected-error@+1 {{member 'parent' of tree model 'Topic' must be a nullable foreign key to 'Topic', but it is a one-to-one}}
  [[covet::one_to_one(covet::SET_NULL), covet::related_name("child")]] std::optional<covet::Ref<Topic>> parent;
};
struct [[covet::model]] Label : covet::TreeNode<Label> {  // expected-note {{'Label' is a tree through 'covet::TreeNode<Label>' here}}
  covet::Id id;
  [[covet::many_to_many]] covet::RefSet<Label> parent;  // expected-error {{member 'parent' of tree model 'Label' must be a nullable foreign key to 'Label', but it is a many-to-many}}
};

// Not nullable: a root has no parent (fix-it: wrap the type).
struct [[covet::model]] Page : covet::TreeNode<Page> {  // expected-note {{'Page' is a tree through 'covet::TreeNode<Page>' here}}
  covet::Id id;
  // expected-error@+1 {{member 'parent' of tree model 'Page' has type 'covet::Ref<Page>', which cannot hold the missing parent of a root; declare it 'std::optional<covet::Ref<Page>>'}}
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]] covet::Ref<Page> parent;
};
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{48:75-48:75}:"std::optional<"
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{48:91-48:91}:">"

// A parent in another model.
struct [[covet::model]] Section : covet::TreeNode<Section> {  // expected-note {{'Section' is a tree through 'covet::TreeNode<Section>' here}}
  covet::Id id;
  // expected-error@+1 {{member 'parent' of tree model 'Section' is a foreign key to 'Tag'; a node's parent is a node of the same tree: make it a foreign key to 'Section'}}
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("+")]] std::optional<covet::Ref<Tag>> parent;
};
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{57:94-57:97}:"Section"

// Through an abstract base: the tree model is the concrete one.
struct Shelf;
struct [[covet::model, covet::abstract]] Node : covet::TreeNode<Shelf> {
  std::string name;
};
struct [[covet::model]] Shelf : Node {  // expected-note {{'Shelf' is a tree through 'covet::TreeNode<Shelf>' here}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("+")]] std::optional<covet::Ref<Tag>> parent;  // expected-error {{member 'parent' of tree model 'Shelf' is a foreign key to 'Tag'}}
};
// CHECK: fix-it:"{{.*}}tree-parent.cpp":{68:94-68:97}:"Shelf"

// Left to the other checks, one error per fault: SET_NULL on a covet::Ref
// (SetNullCheck), a covet::Ref without a relation attribute.
struct [[covet::model]] Menu : covet::TreeNode<Menu> {
  covet::Id id;
  // expected-error@+1 {{'covet::SET_NULL' needs a nullable key, but 'parent' has type 'covet::Ref<Menu>'}}
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]] covet::Ref<Menu> parent;
};
struct [[covet::model]] Step : covet::TreeNode<Step> {
  covet::Id id;
  std::optional<covet::Ref<Step>> parent;  // expected-error {{member 'parent' of type 'std::optional<covet::Ref<Step>>' has no relation attribute}}
};


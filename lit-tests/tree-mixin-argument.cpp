// A tree mixin's template argument is the model deriving from it (CRTP):
// the error at the base, a fix-it naming the model
// (checks/TreeMixinArgumentCheck.h). A child of a tree model inherits its
// parent's mixin: not this error.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Tag {
  covet::Id id;
};

struct [[covet::model]] Category : covet::TreeNode<Tag> {  // expected-error {{template argument 'Tag' of 'covet::TreeNode<Tag>' is not the model deriving from it, 'Category': a tree mixin takes its own model; write 'covet::TreeNode<Category>'}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Category>> parent;
};
// CHECK: fix-it:"{{.*}}tree-mixin-argument.cpp":{17:52-17:55}:"Category"

namespace geo {
struct [[covet::model]] Region : covet::NestedSetNode<int> {  // expected-error {{template argument 'int' of 'covet::NestedSetNode<int>' is not the model deriving from it, 'Region': a tree mixin takes its own model; write 'covet::NestedSetNode<Region>'}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Region>> parent;
};
}  // namespace geo
// CHECK: fix-it:"{{.*}}tree-mixin-argument.cpp":{25:55-25:58}:"Region"

// Named in an abstract base for another model: the error at the concrete
// model's base, a note where the abstract base names the mixin.
struct [[covet::model, covet::abstract]] Node : covet::TreeNode<Node> {  // expected-note {{'Node' names 'covet::TreeNode<Node>' here}}
  std::string name;
};
struct [[covet::model]] Folder : Node {  // expected-error {{'Folder' derives from 'covet::TreeNode<Node>' through its abstract base 'Node', but the mixin's argument 'Node' is not 'Folder': a tree mixin takes its own model; move the mixin from 'Node' to 'Folder' as 'covet::TreeNode<Folder>'}}
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("children")]]
  std::optional<covet::Ref<Folder>> parent;
};

// Children of a tree model: multi-table, proxy, single-table. Silent.
struct [[covet::model]] Page : covet::TreeNode<Page> {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("children")]]
  std::optional<covet::Ref<Page>> parent;
};
struct [[covet::model]] Article : Page {
  std::string body;
};
struct [[covet::model, covet::proxy]] Draft : Page {};

// CHECK-NOT: fix-it:

// Two models of one plugin run with one content-type name
// (checks/DuplicateContentTypeCheck.h): the name is "<app label>.<model
// name>", the app label the lower-cased namespaces joined with '_', so
// different C++ names can give one content type.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

// An override equal to another model's default name.
namespace shop {
struct [[covet::model("shop_order")]] Order {  // expected-note {{'shop::Order' has the content type 'shop.order' (its namespaces and lower-case name, the default)}}
  covet::Id id;
};
}  // namespace shop
// expected-error@+1 {{content type 'shop.order' of model 'Legacy' is already the content type of model 'shop::Order'; give one of them another name with 'covet::content_type("app.model")'}}
struct [[covet::model("legacy_order"), covet::content_type("shop.order")]] Legacy {
  covet::Id id;
};

// Class names differing only in case.
namespace inv {
struct [[covet::model("inv_item")]] Item {  // expected-note {{'inv::Item' has the content type 'inv.item' (its namespaces and lower-case name, the default)}}
  covet::Id id;
};
// expected-error@+1 {{content type 'inv.item' of model 'inv::ITEM' is already the content type of model 'inv::Item'}}
struct [[covet::model("inv_item_upper")]] ITEM {
  covet::Id id;
};
}  // namespace inv

// Nested namespaces and an underscore in one namespace name.
namespace a_b {
struct [[covet::model("ab_node")]] Node {  // expected-note {{'a_b::Node' has the content type 'a_b.node'}}
  covet::Id id;
};
}  // namespace a_b
namespace a::b {
// expected-error@+1 {{content type 'a_b.node' of model 'a::b::Node' is already the content type of model 'a_b::Node'}}
struct [[covet::model("a_b_node")]] Node {
  covet::Id id;
};
}  // namespace a::b

// Two overrides.
struct [[covet::model("first_tag"), covet::content_type("tagging.tag")]] FirstTag {  // expected-note {{'FirstTag' has the content type 'tagging.tag'}}
  covet::Id id;
};
// expected-error@+1 {{content type 'tagging.tag' of model 'SecondTag' is already the content type of model 'FirstTag'}}
struct [[covet::model("second_tag"), covet::content_type("tagging.tag")]] SecondTag {
  covet::Id id;
};

// A proxy counts: it has a row of its own (ConcreteModel::No).
namespace people {
struct [[covet::model("people_person")]] Person {
  covet::Id id;
};
struct [[covet::model, covet::proxy]] Adult : Person {};  // expected-note {{'people::Adult' has the content type 'people.adult' (its namespaces and lower-case name, the default)}}
}  // namespace people
// expected-error@+1 {{content type 'people.adult' of model 'Grown' is already the content type of model 'people::Adult'}}
struct [[covet::model("grown"), covet::content_type("people.adult")]] Grown {
  covet::Id id;
};

// covet::content_type("app.model") and the names it and the default rule
// give (checks/ContentTypeNameCheck.h): one dot between two parts of
// lower-case identifier characters, each at most 100 bytes (the columns of
// covet_content_type), and no override on an abstract model.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

// expected-error@+1 {{content type 'tagging' of 'NoDot' is not of the form 'app_label.model': write one dot between two parts of lower-case letters, digits and '_', neither starting with a digit, each at most 100 bytes}}
struct [[covet::model, covet::content_type("tagging")]] NoDot {
  covet::Id id;
};

// expected-error@+1 {{content type 'a.b.c' of 'TwoDots' is not of the form 'app_label.model'}}
struct [[covet::model, covet::content_type("a.b.c")]] TwoDots {
  covet::Id id;
};

// expected-error@+1 {{content type 'Tagging.Label' of 'UpperCase' is not of the form 'app_label.model'}}
struct [[covet::model, covet::content_type("Tagging.Label")]] UpperCase {
  covet::Id id;
};

// expected-error@+1 {{content type 'tag-ging.label' of 'Dash' is not of the form 'app_label.model'}}
struct [[covet::model, covet::content_type("tag-ging.label")]] Dash {
  covet::Id id;
};

// expected-error@+1 {{content type '2app.label' of 'LeadingDigit' is not of the form 'app_label.model'}}
struct [[covet::model, covet::content_type("2app.label")]] LeadingDigit {
  covet::Id id;
};

// expected-error@+1 {{content type '.label' of 'EmptyAppLabel' is not of the form 'app_label.model'}}
struct [[covet::model, covet::content_type(".label")]] EmptyAppLabel {
  covet::Id id;
};

// expected-error@+1 {{'covet::content_type' takes a non-empty string}}
struct [[covet::model, covet::content_type("")]] Empty {
  covet::Id id;
};

// expected-error@+1 {{'covet::content_type' takes a string literal}}
struct [[covet::model, covet::content_type(42)]] NotAString {
  covet::Id id;
};

// The bare spelling is registered too (DESIGN.md, "The attribute trap"), so
// its argument is parsed, and its use is an error naming the scoped form.
// expected-error@+1 {{attribute 'content_type' must be written 'covet::content_type'}}
struct [[covet::model, content_type("legacy.unscoped")]] Unscoped {
  covet::Id id;
};

// expected-error@+1 {{'covet::content_type' on the abstract model 'Abstract', which has no rows and so no content type; write it on the models deriving from it}}
struct [[covet::model, covet::abstract, covet::content_type("base.abstract")]] Abstract {
  covet::Id id;
};

// A default name with a part over 100 bytes: a namespace of 101 characters.
namespace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa {
// expected-error@+1 {{has a part over 100 bytes, the width of the content-type table's columns; give the model a shorter name with 'covet::content_type("app.model")'}}
struct [[covet::model("long_ns")]] Deep {
  covet::Id id;
};
}  // namespace aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

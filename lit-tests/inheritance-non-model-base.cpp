// A model deriving from a struct that is not a model and has data members
// (checks/NonModelBaseCheck.h): they would not be columns.
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <covet/covet.hpp>

#include <string>

struct Audited {
  long created = 0;  // expected-note 2 {{'Audited::created' declared here}}
};
// expected-error@+1 {{base 'Audited' of model 'Invoice' is not a covet model, so its data members are not columns: Covet would neither save nor load 'Audited::created'; mark 'Audited' '[[covet::model, covet::abstract]]' to make them columns of each model deriving from it}}
struct [[covet::model]] Invoice : Audited {
  covet::Id id;
};
// Each model deriving from it, an abstract one too.
// expected-error@+1 {{base 'Audited' of model 'Document' is not a covet model}}
struct [[covet::model, covet::abstract]] Document : Audited {
  std::string title;
};

// A data member of a base of the base.
struct Root {
  int depth = 0;  // expected-note {{'Root::depth' declared here}}
};
struct Layer : Root {};
// expected-error@+1 {{base 'Layer' of model 'Stack' is not a covet model, so its data members are not columns: Covet would neither save nor load 'Root::depth'}}
struct [[covet::model]] Stack : Layer {
  covet::Id id;
};

// A template's specialization: no fix-it (the attribute would go on the template).
template <class T>
struct Holder {
  T value{};  // expected-note {{'Holder::value' declared here}}
};
// expected-error@+1 {{base 'Holder' of model 'Boxed' is not a covet model}}
struct [[covet::model]] Boxed : Holder<int> {
  covet::Id id;
};

// CHECK: fix-it:"{{.*}}inheritance-non-model-base.cpp":{10:8-10:8}:"{{\[\[}}covet::model, covet::abstract{{\]\]}} "
// CHECK: fix-it:"{{.*}}inheritance-non-model-base.cpp":{10:8-10:8}:"{{\[\[}}covet::model, covet::abstract{{\]\]}} "
// CHECK: fix-it:"{{.*}}inheritance-non-model-base.cpp":{27:8-27:8}:"{{\[\[}}covet::model, covet::abstract{{\]\]}} "
// CHECK-NOT: fix-it:

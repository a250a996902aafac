// Every model with rows gets its content-type name in the emitted metadata
// (ModelSpec::content_type, last) and in the model graph; abstract models
// have none.
// RUN: rm -f %t.cpp %t.json
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit=%t.cpp -fplugin-arg-covet-emit-graph=%t.json %s
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.json --check-prefix=JSON

#include <covet/covet.hpp>

namespace shop::billing {
struct [[covet::model, covet::abstract]] Base {
  covet::Id id;
};
struct [[covet::model]] Invoice : Base {};
struct [[covet::model, covet::proxy]] Paid : Invoice {};
}  // namespace shop::billing

struct [[covet::model, covet::content_type("tagging.label")]] Label {
  covet::Id id;
};

// CHECK:      {.name = "Base", .abstract = true},
// CHECK:      {.name = "Invoice", .table = "invoice", {{.*}}, .content_type = "shop_billing.invoice"},
// CHECK:      {.name = "Paid", .table = "invoice", .proxy = true, {{.*}}, .content_type = "shop_billing.paid"},
// CHECK:      {.name = "Label", .table = "label", .content_type = "tagging.label"},

// JSON:      "name": "Base",
// JSON-NOT:  "content_type"
// JSON:      "name": "Invoice",
// JSON:      "content_type": "shop_billing.invoice",
// JSON:      "name": "Paid",
// JSON:      "content_type": "shop_billing.paid",
// JSON:      "name": "Label",
// JSON:      "content_type": "tagging.label",

// -fplugin-arg-covet-emit-graph=<path> writes the model graph as JSON
// (plugin/GraphJson.h): models, tables, members with kind / column / type /
// value kind / nullability, relations with their targets and options, and the
// reverse relations each model gets, named as ReverseRelations.h names them.
// RUN: rm -f %t.json
// RUN: %clangxx -x c++ -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t.json %S/Inputs/graph-models.hpp
// RUN: FileCheck %s --input-file %t.json
// Written only when the models have no error, as the metadata:
// RUN: rm -f %t-bad.json
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit-graph=%t-bad.json %s -DBROKEN 2>&1 | FileCheck %s --check-prefix=BROKEN
// RUN: not test -e %t-bad.json
// BROKEN: error: model 'Broken' has no primary key

#ifdef BROKEN
#include <covet/covet.hpp>
struct [[covet::model]] Broken {
  int x = 0;
};
#endif

// CHECK:      "format": "covet-model-graph",
// CHECK-NEXT: "version": 1,
// CHECK:      "name": "User",
// CHECK-NEXT: "type": "::shop::User",
// CHECK-NEXT: "table": "user",
// CHECK:      "name": "username",
// CHECK-NEXT: "kind": "column",
// CHECK-NEXT: "column": "username",
// CHECK-NEXT: "type": "std::string",
// CHECK-NEXT: "value": "text",
// CHECK-NEXT: "nullable": false,
// CHECK-NEXT: "declared_in": "::shop::User",
// CHECK-NEXT: "max_length": 50
// CHECK:      "reverse": [
// CHECK-NEXT: {
// CHECK-NEXT: "accessor": "order_set",
// CHECK-NEXT: "query_name": "order",
// CHECK-NEXT: "source": "::shop::Order",
// CHECK-NEXT: "member": "user",
// CHECK-NEXT: "single": false,
// CHECK-NEXT: "many_to_many": false
// CHECK-NEXT: },
// CHECK-NEXT: {
// CHECK-NEXT: "accessor": "gifts",
// CHECK-NEXT: "query_name": "gift",
// CHECK-NEXT: "source": "::shop::Order",
// CHECK-NEXT: "member": "recipient",
// CHECK:      "name": "Order",
// CHECK-NEXT: "type": "::shop::Order",
// CHECK-NEXT: "table": "orders",
// CHECK:      "name": "quantity",
// CHECK-NEXT: "kind": "column",
// CHECK-NEXT: "column": "quantity",
// CHECK-NEXT: "type": "std::int64_t",
// CHECK-NEXT: "value": "integer",
// CHECK:      "name": "note",
// CHECK:      "type": "std::optional<std::string>",
// CHECK-NEXT: "value": "text",
// CHECK-NEXT: "nullable": true,
// CHECK:      "name": "recipient",
// CHECK-NEXT: "kind": "foreign_key",
// CHECK-NEXT: "column": "recipient_id",
// CHECK:      "nullable": true,
// CHECK:      "target": "::shop::User",
// CHECK-NEXT: "on_delete": "SET_NULL",
// CHECK-NEXT: "related_name": "gifts",
// CHECK-NEXT: "related_query_name": "gift"
// CHECK:      "reverse": [
// CHECK-NEXT: {
// CHECK-NEXT: "accessor": "invoice",
// CHECK-NEXT: "query_name": "invoice",
// CHECK-NEXT: "source": "::shop::Invoice",
// CHECK-NEXT: "member": "order",
// CHECK-NEXT: "single": true,
// CHECK:      "name": "Invoice",
// CHECK:      "kind": "one_to_one",

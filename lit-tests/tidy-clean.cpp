// The clang-tidy module reports nothing on well-formed models and queries:
// the guide's models with the queries of valid-guide-models.cpp, the blog
// models of the plugin's tests, and no "unknown attribute" warning either
// (the module registers the attributes, as the plugin does), even with
// clang-tidy's own unknown-attributes diagnostic enabled.
// REQUIRES: covet-tidy
// RUN: %clang_tidy --load=%covet_tidy_module --checks='-*,covet-*,clang-diagnostic-unknown-attributes' --header-filter='.*' %S/valid-guide-models.cpp %S/valid-models.cpp -- -std=c++20 -I%covet_include > %t.out 2>&1
// RUN: %FileCheck %s --input-file %t.out
// CHECK-NOT: {{error|warning|note}}:

// Well-formed models publish no diagnostic in an editor, and no "unknown
// attribute" warning:
//   * covet-clangd with the guide's .clangd: the guide's models and queries
//     (valid-guide-models.cpp), the plugin tests' blog models
//     (valid-models.cpp) and the example's model header, opened directly;
//   * Debian's clangd-19 with the guide's .clangd for a stock clangd
//     (Diagnostics: Suppress: [unknown-attributes]) on the same files.
// REQUIRES: covet-clangd
// RUN: %python %covet_ide_tests/lsp-check.py --clangd %covet_clangd --config %S/../docs/ide.md:covet-clangd --include %covet_include --clean %S/valid-guide-models.cpp %S/valid-models.cpp %covet_examples/blog/models.hpp
// RUN: %if clangd %{ %python %covet_ide_tests/lsp-check.py --clangd %clangd --config %S/../docs/ide.md:stock-clangd --include %covet_include --clean %S/valid-guide-models.cpp %S/valid-models.cpp %covet_examples/blog/models.hpp %}

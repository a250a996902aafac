// The plugin's check-only arguments: a graph that cannot be read is an error
// (the build then stops rather than checking against nothing), and
// check-only mode writes nothing.
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.missing.json %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: cannot read the Covet model graph '{{.*}}missing.json': No such file or directory
// RUN: echo '{"format": "something-else"}' > %t.other.json
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.other.json %s 2>&1 | FileCheck %s --check-prefix=OTHER
// OTHER: error: cannot read the Covet model graph '{{.*}}other.json': not a Covet model graph (no "format": "covet-model-graph")
// RUN: echo '{"format": "covet-model-graph", "version": 1, "models": [{"name": "X"}]}' > %t.broken.json
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t.broken.json %s 2>&1 | FileCheck %s --check-prefix=BROKEN
// BROKEN: error: cannot read the Covet model graph '{{.*}}broken.json': model 0: no 'type'
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-check-only -fplugin-arg-covet-emit=%t.cpp %s 2>&1 | FileCheck %s --check-prefix=EMITS
// EMITS: error: the covet plugin's 'check-only' mode writes nothing; drop 'emit={{.*}}'
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-chek-only %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: unknown argument 'chek-only' for the covet plugin; expected 'emit=<path>', 'emit-graph=<path>', 'emit-diagram=<path>', 'graph=<path>' or 'check-only'

int main() {}

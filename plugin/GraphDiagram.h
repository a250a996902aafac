// The model graph as a picture: the same models, columns and relations as the
// JSON graph (GraphJson.h), drawn for people. Written by
// -fplugin-arg-covet-emit-diagram=<path> (repeatable; covet_add_models(...
// GRAPH) writes <target>.covet.dot and .mmd and renders an SVG), only when the
// translation unit had no error. The format follows the file's extension:
//
//   .dot / .gv   Graphviz DOT: a box per model with its table and columns
//   .mmd         Mermaid erDiagram (renders in Markdown on code hosts)
//   .md          Markdown: the Mermaid diagram in a fenced block, and a legend
//
// Every arrow points from the rows that hold a reference to the model they
// reference (a foreign key's column, a generic reference's two columns, a
// child table's parent link). An arrow drawn red and bold (DOT) or solid
// (Mermaid) is CASCADE: erasing an object of the model at its head erases the
// rows at its tail, so a red path is a cascade path. Labels say the member,
// the kind, the on_delete policy and the reverse name the target gets (the
// names ReverseRelations.h computes, as the runtime uses them). Inheritance
// is a hollow arrow from child to parent, labelled with its strategy; a tree
// mixin is named in the model's box, its parent key is a self arrow.
#pragma once

#include "ModelGraph.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace covet {

enum class DiagramFormat { Dot, Mermaid, Markdown };

// The format a diagram written to Path takes, by its extension; nullopt for
// an extension none of them has.
std::optional<DiagramFormat> diagramFormatFor(llvm::StringRef Path);

// The diagram of Graph. Source names the models' file in the diagram's
// header comment (its base name only, so the text is the same wherever the
// file is checked out).
std::string renderDiagram(clang::ASTContext &Ctx, const ModelGraph &Graph, DiagramFormat Format,
                          llvm::StringRef Source);

// Writes renderDiagram() in Path's format to Path unless it already holds
// that text. Reports a write failure as an error. Path's format was checked
// when the plugin's arguments were read.
void emitDiagram(clang::ASTContext &Ctx, clang::DiagnosticsEngine &Diags, const ModelGraph &Graph,
                 llvm::StringRef Path, llvm::StringRef Source);

}  // namespace covet

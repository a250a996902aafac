// The model graph as JSON: what the model headers' run knows, for the runs
// that check a source file of the same target (-fplugin-arg-covet-graph=) and
// for any tool that wants the models without parsing C++.
//
// Written by -fplugin-arg-covet-emit-graph=<path> (covet_add_models() writes
// <target>.covet.json beside <target>.covet.cpp), only when the translation
// unit had no error:
//
//   {"format": "covet-model-graph", "version": 1,
//    "models": [{"name": "Book", "type": "::Book", "table": "books",
//                "abstract": false, "proxy": false, "multi_table": false,
//                "inheritance": "none",              // none / single_table / multi_table / proxy
//                "parent": null,                     // nearest concrete model it inherits from
//                "parent_link": "person_ptr_id",     // multi-table only: its key column
//                "bases": ["::Base"],                // the models it derives from directly
//                "content_type": "default.book",     // its content-type name (not on abstract models)
//                "members": [
//                  {"name": "id", "kind": "primary_key", "column": "id",
//                   "type": "covet::Id", "value": "integer", "nullable": false},
//                  {"name": "author", "kind": "foreign_key", "column": "author_id",
//                   "type": "covet::Ref<Author>", "nullable": false, "target": "::Author",
//                   "on_delete": "CASCADE", "related_name": "books"}, ...],
//                "reverse": [                        // the reverse sides other relations give it
//                  {"accessor": "review_set", "query_name": "review", "source": "::Review",
//                   "member": "book", "single": false, "many_to_many": false}]}]}
//
// Member kinds and value kinds are the names of MemberKind / ValueKind
// (LookupGraph.h); optional keys (to_field, related_name, related_query_name,
// through, through_fields, max_length, unique, db_index, on_delete) appear
// when declared. The reverse names are those of ReverseRelations.h.
#pragma once

#include "LookupGraph.h"
#include "ModelGraph.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace covet {

// The JSON text for Graph.
std::string renderGraphJson(clang::ASTContext &Ctx, const ModelGraph &Graph);

// Writes renderGraphJson() to OutPath unless the file already holds exactly
// that text (a source is then not re-checked for nothing). Reports a write
// failure as an error.
void emitGraphJson(clang::ASTContext &Ctx, clang::DiagnosticsEngine &Diags,
                   const ModelGraph &Graph, llvm::StringRef OutPath);

// Reads a graph written by emitGraphJson into Out (linked). On failure,
// returns false and says why in Error.
bool readGraphJson(llvm::StringRef Path, LookupGraph &Out, std::string &Error);

// Writes Text to Path through a temporary file, unless Path already holds it.
std::error_code writeIfChanged(llvm::StringRef Path, llvm::StringRef Text);

}  // namespace covet

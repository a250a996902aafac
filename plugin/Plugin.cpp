// The Covet Clang plugin: `clang++-19 -fplugin=covet.so` checks the models of
// the translation unit and the lookup strings that use them. Arguments
// (-fplugin-arg-covet-<arg>):
//
//   emit=<path>        also write the models' metadata (include/covet/generated.hpp)
//   emit-graph=<path>  also write the model graph as JSON (GraphJson.h)
//   emit-diagram=<path>  (may be repeated) also draw the model graph, in
//                      Graphviz DOT (.dot, .gv), Mermaid (.mmd) or Markdown
//                      with a Mermaid block (.md) (GraphDiagram.h)
//   check-only         check a source file that uses the models: the checks
//                      of code (lookup strings, uses of abstract models,
//                      polymorphic type lists) only (the model-graph rules
//                      are the model headers' run's), nothing written
//   graph=<path>       (implies check-only; may be repeated) check against the
//                      models of that JSON too, so the file need not include
//                      every model header (LookupGraph.h). A path with a
//                      diagram's extension (.dot, .gv, .mmd, .md) is no
//                      graph to read: graph=models.dot is emit-diagram=models.dot
//
// covet_add_models() (cmake/CovetModels.cmake) runs the first two over the
// model headers and the last two over every source of the target.
//
//   attributes (Attributes.cpp)       while parsing: spellings, argument checks,
//                                     an AnnotateAttr on each declaration
//   UnknownAttributeConsumer          misspelled `covet::` attributes -> errors
//   ModelGraphBuilder (ModelGraph)    at the end of the translation unit
//   checks (checks/Checks.inc)        rules over the graph
//   emitter (Emitter.cpp)             only when no error occurred
#include "Diagnostics.h"
#include "Emitter.h"
#include "GraphDiagram.h"
#include "GraphJson.h"
#include "ModelGraph.h"
#include "UnknownAttributeConsumer.h"
#include "checks/Check.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace covet {

namespace {

struct Options {
  std::string EmitPath, EmitGraphPath;
  std::vector<std::string> GraphPaths, DiagramPaths;
  bool CheckOnly = false;
};

class CovetConsumer : public ASTConsumer {
 public:
  CovetConsumer(CompilerInstance &CI, UnknownAttributeConsumer *Unknown, Options Opts)
      : CI(CI), Unknown(Unknown), Opts(std::move(Opts)) {}

  bool HandleTopLevelDecl(DeclGroupRef) override {
    Unknown->flush(CI.getDiagnostics());
    return true;
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Unknown->flush(Diags);
    ModelGraph Graph = ModelGraphBuilder(Ctx).build();
    CheckContext Checks(Ctx, Diags);
    if (Opts.CheckOnly) {
      // A source file that uses the models: its own models, filled in with
      // those of the graphs, and only the checks of code. The file may see
      // some models partially (a relation's target only forward-declared):
      // the model-graph rules ran over the headers, with every model in view.
      runCodeChecks(Graph, Opts.GraphPaths, Checks);
      return;
    }
    runChecks(Graph, Checks);
    if (Diags.hasErrorOccurred())
      return;
    if (!Opts.EmitPath.empty())
      emitMetadata(Ctx, Diags, Graph, mainFile(Ctx.getSourceManager()), Opts.EmitPath);
    if (!Opts.EmitGraphPath.empty())
      emitGraphJson(Ctx, Diags, Graph, Opts.EmitGraphPath);
    for (const std::string &Path : Opts.DiagramPaths)
      emitDiagram(Ctx, Diags, Graph, Path, sourceName(Ctx.getSourceManager()));
  }

 private:
  static std::string mainFile(const SourceManager &SM) {
    llvm::SmallString<256> Path;
    if (OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID()))
      Path = F->getName();
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return std::string(Path);
  }

  // The main file as the diagrams name it: as given when relative (run from
  // the repository, "examples/blog/models.hpp"), else its base name, so a
  // drawing's text does not depend on where the tree is checked out.
  static std::string sourceName(const SourceManager &SM) {
    OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!F)
      return "<stdin>";
    llvm::StringRef Name = F->getName();
    return std::string(llvm::sys::path::is_absolute(Name) ? llvm::sys::path::filename(Name) : Name);
  }

  CompilerInstance &CI;
  UnknownAttributeConsumer *Unknown;
  Options Opts;
};

class CovetAction : public PluginASTAction {
 protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, llvm::StringRef) override {
    UnknownAttributeConsumer *Unknown = UnknownAttributeConsumer::install(CI.getDiagnostics());
    return std::make_unique<CovetConsumer>(CI, Unknown, Opts);
  }

  bool ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) override {
    std::string Emits;  // the first argument that writes a file, for CheckOnlyEmits
    for (const std::string &Arg : Args) {
      llvm::StringRef A(Arg);
      if (A.consume_front("emit=") && !A.empty()) {
        Opts.EmitPath = A.str();
        Emits = Emits.empty() ? Arg : Emits;
      } else if (A.consume_front("emit-graph=") && !A.empty()) {
        Opts.EmitGraphPath = A.str();
        Emits = Emits.empty() ? Arg : Emits;
      } else if (A.consume_front("emit-diagram=") && !A.empty()) {
        if (!diagramFormatFor(A)) {
          report(CI.getDiagnostics(), SourceLocation(), Diag::DiagramFormatUnknown)
              << A << llvm::sys::path::extension(A);
          return false;
        }
        Opts.DiagramPaths.push_back(A.str());
        Emits = Emits.empty() ? Arg : Emits;
      } else if (A.consume_front("graph=") && !A.empty()) {
        if (diagramFormatFor(A)) {
          Opts.DiagramPaths.push_back(A.str());
          Emits = Emits.empty() ? Arg : Emits;
          continue;
        }
        Opts.GraphPaths.push_back(A.str());
        Opts.CheckOnly = true;
      } else if (A == "check-only") {
        Opts.CheckOnly = true;
      } else {
        report(CI.getDiagnostics(), SourceLocation(), Diag::UnknownPluginArg) << Arg;
        return false;
      }
    }
    if (Opts.CheckOnly && !Emits.empty()) {
      report(CI.getDiagnostics(), SourceLocation(), Diag::CheckOnlyEmits) << Emits;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

 private:
  Options Opts;
};

const FrontendPluginRegistry::Add<CovetAction> Registration(
    "covet", "Covet ORM: check [[covet::model]] structs and emit their metadata");

}  // namespace

}  // namespace covet

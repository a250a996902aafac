#include "Emitter.h"

#include "Diagnostics.h"

#include "covet/detail/naming.hpp"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace covet {

namespace {

// S as a C++ string literal.
std::string literal(llvm::StringRef S) {
  std::string Out = "\"";
  for (unsigned char C : S) {
    switch (C) {
      case '\\': Out += "\\\\"; break;
      case '"': Out += "\\\""; break;
      case '\n': Out += "\\n"; break;
      case '\t': Out += "\\t"; break;
      case '\r': Out += "\\r"; break;
      default:
        if (C < 0x20 || C == 0x7f) {
          char Buf[5];
          snprintf(Buf, sizeof Buf, "\\%03o", C);
          Out += Buf;
        } else {
          Out += static_cast<char>(C);
        }
    }
  }
  return Out + "\"";
}

const char *onDeleteName(unsigned V) {
  static const char *const Names[] = {"Cascade",  "Protect",   "SetNull", "SetDefault",
                                      "Restrict", "DoNothing", "Set"};
  return V < std::size(Names) ? Names[V] : "Cascade";
}

const char *inheritanceName(Inheritance K) {
  switch (K) {
    case Inheritance::SingleTable: return "covet::Inheritance::SingleTable";
    case Inheritance::MultiTable: return "covet::Inheritance::MultiTable";
    case Inheritance::Proxy: return "covet::Inheritance::Proxy";
    case Inheritance::None: break;
  }
  return "covet::Inheritance::None";
}

const char *treeName(TreeKind K) {
  switch (K) {
    case TreeKind::AdjacencyList: return "covet::TreeKind::AdjacencyList";
    case TreeKind::NestedSet: return "covet::TreeKind::NestedSet";
    case TreeKind::None: break;
  }
  return "covet::TreeKind::None";
}

// Designated initializers, in the order the caller adds them (which must be
// the Spec struct's declaration order).
class Init {
 public:
  Init &add(llvm::StringRef Field, llvm::StringRef Value) {
    Text += Text.empty() ? "{" : ", ";
    Text += ".";
    Text += Field;
    Text += " = ";
    Text += Value;
    return *this;
  }
  Init &str(llvm::StringRef Field, llvm::StringRef Value) { return add(Field, literal(Value)); }
  Init &flag(llvm::StringRef Field, bool Value) { return Value ? add(Field, "true") : *this; }
  std::string done() const { return Text.empty() ? "{}" : Text + "}"; }

 private:
  std::string Text;
};

std::string memberLine(ASTContext &Ctx, const Model &M, const Member &Mem) {
  const std::string Owner = qualifiedTypeName(Ctx, Ctx.getRecordType(Mem.Owner));
  const std::string Args = M.TypeName + ", &" + Owner + "::" + Mem.name().str();
  // Written last: it is the last member of every Spec struct.
  const Model *DeclaredBy = M.owner(Mem);
  const auto Declared = [&](Init &I) -> Init & {
    return DeclaredBy == &M ? I : I.add("declared_by", "&typeid(" + DeclaredBy->TypeName + ")");
  };
  Init I;
  I.str("name", Mem.name());
  switch (Mem.Kind) {
    case Storage::ReverseSet:
    case Storage::ReverseOne:
      return "covet::meta::reverse<" + Args + ">(" + Declared(I).done() + ")";
    case Storage::Ref:
    case Storage::OptionalRef:
    case Storage::RefSet:
      if (Mem.Relation != RelationAttr::None) {
        if (!Mem.Column.empty())
          I.str("column", Mem.Column);
        if (Mem.Relation == RelationAttr::OneToOne)
          I.add("kind", "covet::meta::RelationKind::OneToOne");
        else if (Mem.Relation == RelationAttr::ManyToMany)
          I.add("kind", "covet::meta::RelationKind::ManyToMany");
        if (Mem.Relation != RelationAttr::ManyToMany && Mem.OnDelete.Value != 0)
          I.add("on_delete", std::string("covet::OnDelete::") + onDeleteName(Mem.OnDelete.Value));
        if (Mem.OnDelete.SetFn)
          I.add("set_fn", "&covet::meta::set_value<&::" +
                              Mem.OnDelete.SetFn->getQualifiedNameAsString() + ">");
        if (Mem.RelatedName)
          I.str("related_name", *Mem.RelatedName);
        if (Mem.RelatedQueryName)
          I.str("related_query_name", *Mem.RelatedQueryName);
        if (Mem.ToField)
          I.str("to_field", *Mem.ToField);
        if (Mem.DbConstraint == false)
          I.add("db_constraint", "false");
        if (Mem.DbIndex == false)
          I.add("db_index", "false");
        I.flag("has_default", Mem.HasDefault);
        if (Mem.Through)
          I.str("through", *Mem.Through);
        if (Mem.ThroughSource)
          I.str("through_source", *Mem.ThroughSource);
        if (Mem.ThroughTarget)
          I.str("through_target", *Mem.ThroughTarget);
        if (Mem.Symmetrical >= 0)
          I.add("symmetrical", Mem.Symmetrical ? "1" : "0");
        return "covet::meta::relation<" + Args + ">(" + Declared(I).done() + ")";
      }
      break;
    case Storage::GenericRef:
      I.str("content_type_field", Mem.ContentTypeField).str("object_id_field", Mem.ObjectIdField);
      return "covet::meta::generic_ref<" + Args + ">(" + Declared(I).done() + ")";
    case Storage::GenericRelation:
      I.str("content_type_field", Mem.ContentTypeField).str("object_id_field", Mem.ObjectIdField);
      if (Mem.GenericOnDelete.Value != 0)
        I.add("on_delete", std::string("covet::OnDelete::") + onDeleteName(Mem.GenericOnDelete.Value));
      // "{model}" is the concrete model's name, as for a relation's reverse
      // names (ReverseRelations.cpp).
      if (Mem.RelatedQueryName)
        I.str("related_query_name", detail::naming::expand_model_placeholder(*Mem.RelatedQueryName, M.Name));
      return "covet::meta::generic_relation<" + Args + ">(" + Declared(I).done() + ")";
    case Storage::Id:
    case Storage::Uuid:
    case Storage::Other:
    case Storage::Prefetched:
      break;
  }
  I.str("column", Mem.Column);
  I.flag("primary_key", Mem.PrimaryKey);
  if (Mem.MaxLength > 0)
    I.add("max_length", std::to_string(Mem.MaxLength));
  I.flag("unique", Mem.Unique);
  I.flag("db_index", Mem.DbIndex.value_or(false));
  I.flag("has_default", Mem.HasDefault);
  I.flag("enum_text", Mem.EnumText != nullptr);
  I.flag("auto_now", Mem.AutoNow != nullptr);
  I.flag("auto_now_add", Mem.AutoNowAdd != nullptr);
  return "covet::meta::field<" + Args + ">(" + Declared(I).done() + ")";
}

// The abstract models M derives from, directly or through other abstract
// bases (or plain structs), nearest first; the walk stops at a concrete
// model, whose own abstract bases are its business. The registry makes M
// one of their `children`.
void abstractBases(const ModelGraph &Graph, const CXXRecordDecl *RD, std::vector<const Model *> &Out,
                   unsigned Depth = 0) {
  if (Depth > 64)  // as ModelGraphBuilder::addMembers
    return;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    if (!Base || !(Base = Base->getDefinition()))
      continue;
    const Model *BM = Graph.find(Base);
    if (BM && !BM->Abstract)
      continue;
    if (BM && llvm::find(Out, BM) == Out.end())
      Out.push_back(BM);
    abstractBases(Graph, Base, Out, Depth + 1);
  }
}

// An abstract model's registration: no table, no members. It lets the
// runtime say "Animal is abstract" (and name the models to use instead)
// rather than "not a registered model" when a program queries, creates or
// erases it.
void abstractModel(llvm::raw_ostream &OS, const Model &M, unsigned N) {
  Init Spec;
  Spec.str("name", M.Name).flag("abstract", true);
  OS << "const covet::ModelInfo& covet_abstract_model_" << N << "() {  // " << M.TypeName << "\n"
     << "  static const covet::ModelInfo info = covet::meta::model<" << M.TypeName << ">(\n"
     << "      " << Spec.done() << ",\n"
     << "      {});\n"
     << "  return info;\n"
     << "}\n"
     << "const covet::meta::Registration covet_abstract_registration_" << N << "{typeid(" << M.TypeName
     << "), &covet_abstract_model_" << N << "};\n";
}

// The registration of a covet::enum_text enum's names (covet/generated.hpp).
std::string enumRegistration(ASTContext &Ctx, const EnumDecl *E, unsigned N) {
  const std::string Type = qualifiedTypeName(Ctx, Ctx.getEnumType(E));
  std::string Names;
  for (const EnumConstantDecl *C : E->enumerators())
    Names += std::string(Names.empty() ? "" : ",\n       ") + "{static_cast<std::int64_t>(" + Type +
             "::" + C->getName().str() + "), " + literal(C->getName()) + "}";
  return "const covet::meta::EnumRegistration covet_enum_" + std::to_string(N) + "{typeid(" + Type + "), " +
         literal(E->getQualifiedNameAsString()) + ",\n      {" + Names + "}};\n";
}

}  // namespace

std::string renderMetadata(ASTContext &Ctx, const ModelGraph &Graph, llvm::StringRef MainFile) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "// Generated by the Covet plugin from the model headers below. Do not edit.\n"
     // Without the plugin, the covet:: attributes in the model headers are
     // unknown to the compiler; they are meant for the plugin only.
     << "#if defined(__clang__)\n"
     << "#pragma clang diagnostic push\n"
     << "#pragma clang diagnostic ignored \"-Wunknown-attributes\"\n"
     << "#elif defined(__GNUC__)\n"
     << "#pragma GCC diagnostic push\n"
     << "#pragma GCC diagnostic ignored \"-Wattributes\"\n"
     << "#endif\n"
     << "#include \"" << MainFile << "\"\n"
     << "#if defined(__clang__)\n"
     << "#pragma clang diagnostic pop\n"
     << "#elif defined(__GNUC__)\n"
     << "#pragma GCC diagnostic pop\n"
     << "#endif\n"
     << "#include <covet/generated.hpp>\n"
     << "namespace {\n";
  unsigned N = 0, A = 0;
  for (const auto &MP : Graph.models()) {
    const Model &M = *MP;
    if (M.Abstract) {
      abstractModel(OS, M, A++);
      continue;
    }
    Init Spec;
    Spec.str("name", M.Name).str("table", M.Table);
    Spec.flag("proxy", M.Proxy).flag("multi_table", M.MultiTable);
    if (!M.PolymorphicOn.empty())
      Spec.str("polymorphic_on", M.PolymorphicOn);
    if (!M.PolymorphicIdentity.empty())
      Spec.str("polymorphic_identity", M.PolymorphicIdentity);
    if (M.Parent)
      Spec.add("parent", "&typeid(" + M.Parent->TypeName + ")");
    std::vector<const Model *> Abstracts;
    abstractBases(Graph, M.Decl, Abstracts);
    if (!Abstracts.empty()) {
      std::string List;
      for (const Model *B : Abstracts)
        List += (List.empty() ? "{" : ", ") + std::string("&typeid(") + B->TypeName + ")";
      Spec.add("abstract_bases", List + "}");
    }
    if (M.Tree != TreeKind::None)
      Spec.add("tree", treeName(M.Tree));
    if (!M.UniqueTogethers.empty()) {
      std::string Sets;
      for (const UniqueTogether &U : M.UniqueTogethers) {
        Sets += Sets.empty() ? "{{" : ", {";
        for (size_t I = 0; I < U.Names.size(); ++I)
          Sets += (I ? ", " : "") + literal(U.Names[I]);
        Sets += "}";
      }
      Spec.add("unique_together", Sets + "}");
    }
    if (M.Strategy != Inheritance::None)
      Spec.add("inheritance", inheritanceName(M.Strategy));
    if (!M.Discriminator.empty())
      Spec.str("discriminator", M.Discriminator).str("identity", M.Identity);
    if (!M.ParentLink.empty())
      Spec.str("parent_link", M.ParentLink);
    if (!M.Ordering.empty()) {
      std::string Fields;
      for (const std::string &F : M.Ordering)
        Fields += (Fields.empty() ? "{" : ", ") + literal(F);
      Spec.add("ordering", Fields + "}");
    }
    // Last, as in ModelSpec: designated initializers follow its order.
    Spec.str("content_type", M.ContentType);

    OS << "const covet::ModelInfo& covet_model_" << N << "() {  // " << M.TypeName << "\n"
       << "  static const covet::ModelInfo info = covet::meta::model<" << M.TypeName << ">(\n"
       << "      " << Spec.done() << ",\n"
       << "      {\n";
    for (const Member &Mem : M.Members)
      if (Mem.Kind != Storage::Prefetched)  // filled by the typed Prefetch, not metadata
        OS << "          " << memberLine(Ctx, M, Mem) << ",\n";
    OS << "      });\n"
       << "  return info;\n"
       << "}\n"
       << "const covet::meta::Registration covet_registration_" << N << "{typeid(" << M.TypeName
       << "), &covet_model_" << N << "};\n";
    ++N;
  }
  unsigned E = 0;
  for (const EnumDecl *Enum : Graph.textEnums())
    OS << enumRegistration(Ctx, Enum, E++);
  OS << "}  // namespace\n";
  return Out;
}

void emitMetadata(ASTContext &Ctx, DiagnosticsEngine &Diags, const ModelGraph &Graph,
                  llvm::StringRef MainFile, llvm::StringRef OutPath) {
  const std::string Text = renderMetadata(Ctx, Graph, MainFile);
  if (auto Existing = llvm::MemoryBuffer::getFile(OutPath, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/false))
    if ((*Existing)->getBuffer() == Text)
      return;

  const std::string Tmp = (OutPath + ".tmp").str();
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(Tmp, EC, llvm::sys::fs::OF_None);
    if (!EC) {
      OS << Text;
      OS.close();
      if (OS.has_error()) {
        EC = OS.error();
        OS.clear_error();
      }
    }
  }
  if (!EC)
    EC = llvm::sys::fs::rename(Tmp, OutPath);
  if (EC) {
    llvm::sys::fs::remove(Tmp);
    report(Diags, SourceLocation(), Diag::CannotWriteOutput) << OutPath << EC.message();
  }
}

}  // namespace covet

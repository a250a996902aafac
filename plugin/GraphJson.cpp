#include "GraphJson.h"

#include "Diagnostics.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace covet {

namespace {

constexpr llvm::StringLiteral Format = "covet-model-graph";
constexpr int Version = 1;

const char *treeName(TreeKind K) {
  switch (K) {
    case TreeKind::AdjacencyList: return "adjacency_list";
    case TreeKind::NestedSet: return "nested_set";
    case TreeKind::None: break;
  }
  return "none";
}

// The JSON names of the inheritance strategies, as covet::Inheritance spells
// them in snake case.
const char *const InheritanceNames[] = {"none", "single_table", "multi_table", "proxy"};

const char *inheritanceName(Inheritance K) { return InheritanceNames[static_cast<unsigned>(K)]; }

std::optional<Inheritance> inheritanceNamed(llvm::StringRef Name) {
  for (unsigned I = 0; I < std::size(InheritanceNames); ++I)
    if (Name == InheritanceNames[I])
      return static_cast<Inheritance>(I);
  return std::nullopt;
}

void writeMember(llvm::json::OStream &J, ASTContext &Ctx, const Member &Mem,
                 const LookupMember &L) {
  J.object([&] {
    J.attribute("name", L.Name);
    J.attribute("kind", memberKindName(L.Kind));
    if (!L.Column.empty())
      J.attribute("column", L.Column);
    J.attribute("type", L.TypeName);
    if (L.Kind == MemberKind::PrimaryKey || L.Kind == MemberKind::Column)
      J.attribute("value", valueKindName(L.Value));
    J.attribute("nullable", L.Nullable);
    J.attribute("declared_in", qualifiedTypeName(Ctx, Ctx.getRecordType(Mem.Owner)));
    if (!L.TargetType.empty())
      J.attribute("target", L.TargetType);
    if (L.isKeyRelation())
      J.attribute("on_delete", onDeletePolicyName(Mem.OnDelete.Value));
    if (Mem.ToField)
      J.attribute("to_field", *Mem.ToField);
    if (Mem.RelatedName)
      J.attribute("related_name", *Mem.RelatedName);
    if (Mem.RelatedQueryName)
      J.attribute("related_query_name", *Mem.RelatedQueryName);
    if (Mem.Through)
      J.attribute("through", *Mem.Through);
    if (Mem.ThroughSource && Mem.ThroughTarget)
      J.attributeArray("through_fields", [&] {
        J.value(*Mem.ThroughSource);
        J.value(*Mem.ThroughTarget);
      });
    if (Mem.Symmetrical >= 0)
      J.attribute("symmetrical", Mem.Symmetrical == 1);
    if (Mem.MaxLength > 0)
      J.attribute("max_length", Mem.MaxLength);
    if (Mem.Unique)
      J.attribute("unique", true);
    if (Mem.DbIndex)
      J.attribute("db_index", *Mem.DbIndex);
    if (Mem.DbConstraint)
      J.attribute("db_constraint", *Mem.DbConstraint);
    if (Mem.isGeneric()) {
      J.attribute("content_type_field", L.ContentTypeField);
      J.attribute("object_id_field", L.ObjectIdField);
    }
    if (Mem.Kind == Storage::GenericRef)
      J.attributeArray("targets", [&] {  // empty: any model
        for (const std::string &T : L.GenericTargetTypes)
          J.value(T);
      });
    if (Mem.Kind == Storage::GenericRelation)
      J.attribute("on_delete", onDeletePolicyName(Mem.GenericOnDelete.Value));
  });
}

// Reading -------------------------------------------------------------------

class Reader {
 public:
  explicit Reader(std::string &Error) : Error(Error) {}

  bool fail(const std::string &What) {
    if (Error.empty())
      Error = What;
    return false;
  }

  bool str(const llvm::json::Object &O, llvm::StringRef Key, std::string &Out,
           const std::string &Where, bool Required = true) {
    if (const llvm::json::Value *V = O.get(Key)) {
      if (V->kind() == llvm::json::Value::Null && !Required)
        return true;
      if (std::optional<llvm::StringRef> S = V->getAsString()) {
        Out = S->str();
        return true;
      }
      return fail(Where + ": '" + Key.str() + "' is not a string");
    }
    return Required ? fail(Where + ": no '" + Key.str() + "'") : true;
  }

  bool flag(const llvm::json::Object &O, llvm::StringRef Key, bool &Out) {
    if (std::optional<bool> B = O.getBoolean(Key))
      Out = *B;
    return true;
  }

  bool member(const llvm::json::Value &V, LookupMember &M, const std::string &Where) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      return fail(Where + ": not an object");
    std::string Kind, Value, ToField;
    if (!str(*O, "name", M.Name, Where) || !str(*O, "kind", Kind, Where) ||
        !str(*O, "column", M.Column, Where, false) || !str(*O, "type", M.TypeName, Where, false) ||
        !str(*O, "value", Value, Where, false) || !str(*O, "target", M.TargetType, Where, false) ||
        !str(*O, "to_field", ToField, Where, false) ||
        !str(*O, "content_type_field", M.ContentTypeField, Where, false) ||
        !str(*O, "object_id_field", M.ObjectIdField, Where, false))
      return false;
    if (const llvm::json::Array *Targets = O->getArray("targets"))
      for (const llvm::json::Value &T : *Targets) {
        std::optional<llvm::StringRef> S = T.getAsString();
        if (!S)
          return fail(Where + ": 'targets' holds a value that is not a string");
        M.GenericTargetTypes.push_back(S->str());
      }
    std::optional<MemberKind> K = memberKindNamed(Kind);
    if (!K)
      return fail(Where + ": unknown kind '" + Kind + "'");
    M.Kind = *K;
    if (!Value.empty()) {
      std::optional<ValueKind> VK = valueKindNamed(Value);
      if (!VK)
        return fail(Where + ": unknown value kind '" + Value + "'");
      M.Value = *VK;
    }
    if (O->get("to_field"))
      M.ToField = ToField;
    return flag(*O, "nullable", M.Nullable);
  }

  bool reverse(const llvm::json::Value &V, LookupReverse &R, const std::string &Where) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      return fail(Where + ": not an object");
    return str(*O, "source", R.SourceType, Where) && str(*O, "member", R.Member, Where) &&
           str(*O, "accessor", R.Accessor, Where) && str(*O, "query_name", R.QueryName, Where) &&
           flag(*O, "single", R.Single) && flag(*O, "many_to_many", R.ManyToMany) &&
           flag(*O, "generic", R.Generic);
  }

  bool model(const llvm::json::Value &V, LookupModel &M, const std::string &Where) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O)
      return fail(Where + ": not an object");
    if (!str(*O, "name", M.Name, Where) || !str(*O, "type", M.TypeName, Where) ||
        !str(*O, "parent", M.ParentType, Where, false) || !flag(*O, "abstract", M.Abstract) ||
        !flag(*O, "proxy", M.Proxy))
      return false;
    std::string Strategy;
    if (!str(*O, "inheritance", Strategy, Where, false))
      return false;
    if (!Strategy.empty()) {
      std::optional<Inheritance> S = inheritanceNamed(Strategy);
      if (!S)
        return fail(Where + ": unknown inheritance '" + Strategy + "'");
      M.Strategy = *S;
    }
    if (const llvm::json::Array *Bases = O->getArray("bases"))
      for (const llvm::json::Value &B : *Bases) {
        std::optional<llvm::StringRef> S = B.getAsString();
        if (!S)
          return fail(Where + ": 'bases' holds a value that is not a string");
        M.BaseTypes.push_back(S->str());
      }
    const std::string In = Where + " ('" + M.Name + "')";
    if (const llvm::json::Array *Members = O->getArray("members")) {
      for (size_t I = 0; I < Members->size(); ++I) {
        LookupMember Mem;
        if (!member((*Members)[I], Mem, In + ", member " + std::to_string(I)))
          return false;
        M.Members.push_back(std::move(Mem));
      }
    } else {
      return fail(In + ": no 'members' array");
    }
    if (const llvm::json::Array *Reverses = O->getArray("reverse")) {
      for (size_t I = 0; I < Reverses->size(); ++I) {
        LookupReverse R;
        if (!reverse((*Reverses)[I], R, In + ", reverse " + std::to_string(I)))
          return false;
        M.Reverses.push_back(std::move(R));
      }
    }
    return true;
  }

 private:
  std::string &Error;
};

}  // namespace

std::string renderGraphJson(ASTContext &Ctx, const ModelGraph &Graph) {
  // The lookup view computes kinds, value kinds, type names and reverse names
  // once, the same way for this file and for the runs that read it back.
  const LookupGraph Lookups = LookupGraph::fromGraph(Ctx, Graph);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, /*IndentSize=*/1);
  J.object([&] {
    J.attribute("format", Format);
    J.attribute("version", Version);
    J.attributeArray("models", [&] {
      for (const auto &MP : Graph.models()) {
        const Model &M = *MP;
        const LookupModel &L = *Lookups.find(M.TypeName);
        J.object([&] {
          J.attribute("name", M.Name);
          J.attribute("type", M.TypeName);
          J.attribute("table", M.Table);
          J.attribute("abstract", M.Abstract);
          J.attribute("proxy", M.Proxy);
          J.attribute("multi_table", M.MultiTable);
          J.attribute("inheritance", inheritanceName(M.Strategy));
          if (M.Parent)
            J.attribute("parent", M.Parent->TypeName);
          else
            J.attribute("parent", nullptr);
          if (!M.ParentLink.empty())
            J.attribute("parent_link", M.ParentLink);
          J.attributeArray("bases", [&] {
            for (const std::string &B : L.BaseTypes)
              J.value(B);
          });
          if (!M.PolymorphicOn.empty())
            J.attribute("polymorphic_on", M.PolymorphicOn);
          if (!M.PolymorphicIdentity.empty())
            J.attribute("polymorphic_identity", M.PolymorphicIdentity);
          J.attribute("tree", treeName(M.Tree));
          if (!M.ContentType.empty())  // abstract models have none
            J.attribute("content_type", M.ContentType);
          J.attributeArray("members", [&] {
            for (size_t I = 0; I < M.Members.size(); ++I)
              writeMember(J, Ctx, M.Members[I], L.Members[I]);
          });
          J.attributeArray("reverse", [&] {
            for (const LookupReverse &R : L.Reverses)
              J.object([&] {
                J.attribute("accessor", R.Accessor);
                J.attribute("query_name", R.QueryName);
                J.attribute("source", R.SourceType);
                J.attribute("member", R.Member);
                J.attribute("single", R.Single);
                J.attribute("many_to_many", R.ManyToMany);
                if (R.Generic)
                  J.attribute("generic", true);
              });
          });
        });
      }
    });
  });
  OS << "\n";
  return Out;
}

std::error_code writeIfChanged(llvm::StringRef Path, llvm::StringRef Text) {
  if (auto Existing = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/false))
    if ((*Existing)->getBuffer() == Text)
      return {};
  const std::string Tmp = (Path + ".tmp").str();
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
    EC = llvm::sys::fs::rename(Tmp, Path);
  if (EC)
    llvm::sys::fs::remove(Tmp);
  return EC;
}

void emitGraphJson(ASTContext &Ctx, DiagnosticsEngine &Diags, const ModelGraph &Graph,
                   llvm::StringRef OutPath) {
  if (std::error_code EC = writeIfChanged(OutPath, renderGraphJson(Ctx, Graph)))
    report(Diags, SourceLocation(), Diag::CannotWriteOutput) << OutPath << EC.message();
}

bool readGraphJson(llvm::StringRef Path, LookupGraph &Out, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Buffer.getError().message();
    return false;
  }
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    Error = llvm::toString(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  if (!Root || Root->getString("format") != std::optional<llvm::StringRef>(Format)) {
    Error = "not a Covet model graph (no \"format\": \"" + Format.str() + "\")";
    return false;
  }
  if (Root->getInteger("version") != std::optional<int64_t>(Version)) {
    Error = "model graph version " + std::to_string(Root->getInteger("version").value_or(0)) +
            ", expected " + std::to_string(Version) + " (rebuild the models with this plugin)";
    return false;
  }
  const llvm::json::Array *Models = Root->getArray("models");
  if (!Models) {
    Error = "no 'models' array";
    return false;
  }
  Reader R(Error);
  for (size_t I = 0; I < Models->size(); ++I) {
    auto M = std::make_unique<LookupModel>();
    if (!R.model((*Models)[I], *M, "model " + std::to_string(I)))
      return false;
    Out.add(std::move(M));
  }
  Out.link();
  return true;
}

}  // namespace covet

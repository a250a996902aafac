#include "GraphDiagram.h"

#include "Diagnostics.h"
#include "GraphJson.h"
#include "LookupGraph.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace covet {

namespace {

// The drawing is made once, from the graph, into boxes and arrows; the two
// writers below only spell it. So DOT and Mermaid never disagree on what an
// edge means.

struct Row {
  std::string Port;    // DOT port of the row: "m_<member>"
  std::string Name;    // the member
  std::string Column;  // its column, when it has one
  std::string Type;    // the column's value kind ("integer", "text"); empty: no column
  std::string Detail;  // what else the row says ("-> Author", "many-to-many <-> Tag")
  bool Key = false, Foreign = false, Unique = false, Nullable = false;
};

struct Box {
  std::string Id;    // the model's qualified type, "::shop::Book"
  std::string Name;  // as shown: "shop::Book"
  std::string Table;
  std::vector<std::string> Notes;  // "abstract: no table", "tree: nested set", ...
  bool Abstract = false;
  std::vector<Row> Rows;
};

// How an arrow is drawn: by what erasing the model at its head does to the
// rows at its tail, or by what the arrow is when no policy applies.
enum class Look {
  Cascade,        // CASCADE (and a multi-table child's row)
  Clear,          // SET_NULL, SET_DEFAULT, SET(fn): the rows stay, the reference changes
  Protect,        // PROTECT, RESTRICT: the erase fails while rows refer
  Ignore,         // DO_NOTHING, or a generic reference no relation follows
  ManyToMany,     // the join rows go with either side; no policy to declare
  Inheritance,    // single table, proxy
  AbstractBase,   // inheritance from an abstract model: columns only, no rows
};

struct Arrow {
  std::string From, FromPort, To;
  Look Style = Look::Cascade;
  bool Inherits = false;  // hollow arrowhead
  bool Generic = false;   // dashed
  std::string Label;      // lines separated by '\n'
  // Mermaid: the cardinality of the tail and head sides ("}o", "||").
  std::string TailCard = "}o", HeadCard = "||";
};

struct Drawing {
  std::vector<Box> Boxes;
  std::vector<Arrow> Arrows;
};

Look lookOf(unsigned OnDelete) {
  switch (OnDelete) {
    case 0: return Look::Cascade;                     // CASCADE
    case 1: case 4: return Look::Protect;             // PROTECT, RESTRICT
    case 2: case 3: case 6: return Look::Clear;       // SET_NULL, SET_DEFAULT, SET
    default: return Look::Ignore;                     // DO_NOTHING
  }
}

std::string displayName(llvm::StringRef TypeName) {
  TypeName.consume_front("::");
  return TypeName.str();
}

const LookupModel *targetOf(const LookupGraph &Lookups, const LookupMember &L) {
  return L.Target ? L.Target : Lookups.find(L.TargetType);
}

std::string targetName(const LookupGraph &Lookups, const LookupMember &L) {
  const LookupModel *T = targetOf(Lookups, L);
  return T ? T->Name : displayName(L.TargetType);
}

// The reverse accessor Relation's target gets, or a line saying it has none.
std::string reverseLine(const LookupGraph &Lookups, const LookupModel &Source,
                        const LookupMember &Relation) {
  if (const LookupModel *T = targetOf(Lookups, Relation))
    for (const LookupReverse &R : T->Reverses)
      if (R.SourceType == Source.TypeName && R.Member == Relation.Name && !R.Generic)
        return "reverse: " + R.Accessor;
  return "no reverse accessor";
}

// The type a key column holds: that of the target's key (or to_field).
std::string keyType(const LookupGraph &Lookups, const LookupMember &L) {
  const LookupModel *T = targetOf(Lookups, L);
  if (!T)
    return valueKindName(ValueKind::Integer).str();
  const LookupMember *Key = L.ToField ? T->member(*L.ToField) : T->primaryKey();
  return valueKindName(Key ? Key->Value : ValueKind::Integer).str();
}

Box boxFor(const Model &M, const LookupModel &LM, const LookupGraph &Lookups) {
  Box B;
  B.Id = M.TypeName;
  B.Name = displayName(M.TypeName);
  B.Abstract = M.Abstract;
  if (M.Abstract) {
    B.Notes.push_back("abstract: no table, its members are its children's");
  } else {
    B.Table = M.Table;
    if (M.Strategy == Inheritance::Proxy && M.Parent)
      B.Notes.push_back("proxy of " + M.Parent->Name + ": its rows");
    else if (M.Strategy == Inheritance::SingleTable && M.Parent)
      B.Notes.push_back("rows where " + M.Discriminator + " = '" + M.Identity + "'");
    else if (!M.PolymorphicOn.empty())
      B.Notes.push_back("single table, kind in " + M.PolymorphicOn);
  }
  if (M.Tree == TreeKind::AdjacencyList)
    B.Notes.push_back("tree: adjacency list");
  else if (M.Tree == TreeKind::NestedSet)
    B.Notes.push_back("tree: nested set");

  if (M.Strategy == Inheritance::MultiTable && M.Parent) {
    Row Link;
    Link.Port = "m_" + M.ParentLink;
    Link.Name = M.ParentLink;
    Link.Column = M.ParentLink;
    Link.Type = valueKindName(M.Parent->primaryKey() && M.Parent->primaryKey()->Kind == Storage::Uuid
                                  ? ValueKind::Uuid
                                  : ValueKind::Integer)
                    .str();
    Link.Detail = "key of " + M.Parent->Name;
    Link.Key = Link.Foreign = true;
    B.Rows.push_back(std::move(Link));
  }
  for (size_t I = 0; I < M.Members.size(); ++I) {
    const Member &Mem = M.Members[I];
    const LookupMember &L = LM.Members[I];
    if (M.inherits(Mem))  // its column is in a parent's table: the parent's box shows it
      continue;
    Row R;
    R.Port = "m_" + L.Name;
    R.Name = L.Name;
    R.Column = L.Column;
    R.Nullable = L.Nullable;
    R.Unique = Mem.Unique;
    switch (L.Kind) {
      case MemberKind::PrimaryKey:
        R.Type = valueKindName(L.Value).str();
        R.Key = true;
        break;
      case MemberKind::Column:
        R.Type = valueKindName(L.Value).str();
        break;
      case MemberKind::ForeignKey:
      case MemberKind::OneToOne:
        R.Type = keyType(Lookups, L);
        R.Foreign = true;
        R.Detail = "-> " + targetName(Lookups, L);
        break;
      case MemberKind::ManyToMany:
        R.Detail = "<-> " + targetName(Lookups, L) + " (many-to-many)";
        break;
      case MemberKind::GenericRef:
        R.Detail = "generic: " + L.ContentTypeField + " + " + L.ObjectIdField +
                   (L.GenericTargetTypes.empty() ? ", any model" : "");
        break;
      case MemberKind::GenericRelation:
        R.Detail = "<- " + targetName(Lookups, L) + " (generic relation)";
        break;
      case MemberKind::ReverseSet:
      case MemberKind::ReverseOne:
      case MemberKind::Prefetched:
      case MemberKind::Other:
        continue;  // no storage of their own: the arrows that give them say their names
    }
    B.Rows.push_back(std::move(R));
  }
  return B;
}

// The GenericRelation member of Model `On` that follows the generic
// reference `Ref` of model `Source`, if any.
const LookupMember *genericRelationFor(const LookupModel &On, const LookupModel &Source,
                                       const LookupMember &Ref) {
  for (const LookupMember &Mem : On.Members)
    if (Mem.Kind == MemberKind::GenericRelation && Mem.TargetType == Source.TypeName &&
        Mem.ContentTypeField == Ref.ContentTypeField && Mem.ObjectIdField == Ref.ObjectIdField)
      return &Mem;
  return nullptr;
}

// The generic reference of Source that a GenericRelation with these fields follows.
const LookupMember *genericRefWith(const LookupModel &Source, const LookupMember &Relation) {
  for (const LookupMember &Mem : Source.Members)
    if (Mem.Kind == MemberKind::GenericRef && Mem.ContentTypeField == Relation.ContentTypeField &&
        Mem.ObjectIdField == Relation.ObjectIdField)
      return &Mem;
  return nullptr;
}

// A new arrow from member L of model M (its row) to model To.
Arrow &memberArrow(Drawing &D, const Model &M, const LookupMember &L, const LookupModel &To) {
  Arrow &A = D.Arrows.emplace_back();
  A.From = M.TypeName;
  A.FromPort = "m_" + L.Name;
  A.To = To.TypeName;
  return A;
}

void addArrows(const Model &M, const LookupModel &LM, const LookupGraph &Lookups, Drawing &D) {
  if (M.Base) {
    Arrow A;
    A.From = M.TypeName;
    A.To = M.Base->TypeName;
    A.Inherits = true;
    A.TailCard = "|o";
    A.HeadCard = "||";
    if (M.Base->Abstract) {
      A.Style = Look::AbstractBase;
      A.Label = "abstract base";
    } else if (M.Strategy == Inheritance::MultiTable) {
      // Django erases a child's row with its parent's: the link is a
      // one-to-one that cascades.
      A.Style = Look::Cascade;
      A.Label = "multi-table child\n" + M.ParentLink + ", CASCADE";
    } else if (M.Strategy == Inheritance::SingleTable) {
      A.Style = Look::Inheritance;
      A.Label = "single table\n" + M.Discriminator + " = '" + M.Identity + "'";
    } else {
      A.Style = Look::Inheritance;
      A.Label = "proxy";
    }
    D.Arrows.push_back(std::move(A));
  }
  if (M.Abstract)  // no rows: the concrete children draw the references they get
    return;
  for (size_t I = 0; I < M.Members.size(); ++I) {
    const Member &Mem = M.Members[I];
    const LookupMember &L = LM.Members[I];
    if (M.inherits(Mem))
      continue;
    const LookupModel *T = targetOf(Lookups, L);
    switch (L.Kind) {
      case MemberKind::ForeignKey:
      case MemberKind::OneToOne: {
        if (!T)
          break;
        Arrow &A = memberArrow(D, M, L, *T);
        A.Style = lookOf(Mem.OnDelete.Value);
        A.Label = L.Name + ": " + (L.Kind == MemberKind::OneToOne ? "one-to-one" : "foreign key") +
                  ", " + onDeletePolicyName(Mem.OnDelete.Value).str() + "\n" +
                  reverseLine(Lookups, LM, L);
        A.TailCard = L.Kind == MemberKind::OneToOne ? "|o" : "}o";
        A.HeadCard = L.Nullable ? "o|" : "||";
        break;
      }
      case MemberKind::ManyToMany: {
        if (!T)
          break;
        Arrow &A = memberArrow(D, M, L, *T);
        A.Style = Look::ManyToMany;
        A.Label = L.Name + ": many-to-many";
        if (Mem.Through)
          A.Label += " through " + *Mem.Through;
        A.Label += "\n" + (Mem.Symmetrical == 1 || (Mem.Symmetrical < 0 && T == &LM)
                               ? std::string("symmetrical")
                               : reverseLine(Lookups, LM, L));
        A.TailCard = "}o";
        A.HeadCard = "o{";
        break;
      }
      case MemberKind::GenericRef:
        // A target whose GenericRelation follows this reference draws the
        // arrow, with its policy; the others leave the rows dangling.
        for (const std::string &TargetType : L.GenericTargetTypes) {
          const LookupModel *GT = Lookups.find(TargetType);
          if (!GT || genericRelationFor(*GT, LM, L))
            continue;
          Arrow &A = memberArrow(D, M, L, *GT);
          A.Style = Look::Ignore;
          A.Generic = true;
          A.Label = L.Name + ": generic reference\nno GenericRelation: rows left";
          A.HeadCard = "o|";
        }
        break;
      case MemberKind::GenericRelation: {
        if (!T)
          break;
        const LookupMember *Ref = genericRefWith(*T, L);
        Arrow A;
        A.From = T->TypeName;
        A.FromPort = Ref ? "m_" + Ref->Name : "";
        A.To = M.TypeName;
        A.Style = lookOf(Mem.GenericOnDelete.Value);
        A.Generic = true;
        A.Label = (Ref ? Ref->Name + ": " : std::string()) + "generic, " +
                  onDeletePolicyName(Mem.GenericOnDelete.Value).str() + "\nreverse: " + L.Name;
        A.HeadCard = "o|";
        D.Arrows.push_back(std::move(A));
        break;
      }
      default:
        break;
    }
  }
}

Drawing draw(ASTContext &Ctx, const ModelGraph &Graph) {
  const LookupGraph Lookups = LookupGraph::fromGraph(Ctx, Graph);
  Drawing D;
  for (const auto &MP : Graph.models()) {
    const LookupModel *LM = Lookups.find(MP->TypeName);
    if (!LM)
      continue;
    D.Boxes.push_back(boxFor(*MP, *LM, Lookups));
    addArrows(*MP, *LM, Lookups, D);
  }
  return D;
}

// The legend, one line per look, shared by the writers.
const char *const LegendLines[] = {
    "Arrows point from the rows that hold a reference to the model they reference.",
    "CASCADE (red, bold; solid in Mermaid): erasing the model at the head erases the rows at the tail.",
    "SET_NULL / SET_DEFAULT / SET (orange, dashed): the rows stay, their reference is changed.",
    "PROTECT / RESTRICT (black): the erase fails while rows refer to the object.",
    "DO_NOTHING (grey, dotted): nothing is done; the rows are left as they are.",
    "Many-to-many (blue): the join rows go with either side. Generic relations are dashed.",
    "Inheritance: a hollow arrow from child to parent.",
};

// DOT ---------------------------------------------------------------------

std::string dotString(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

std::string html(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
      case '<': Out += "&lt;"; break;
      case '>': Out += "&gt;"; break;
      case '&': Out += "&amp;"; break;
      case '"': Out += "&quot;"; break;
      default: Out += C;
    }
  }
  return Out;
}

void writeDot(llvm::raw_ostream &OS, const Drawing &D, llvm::StringRef Source) {
  OS << "// The Covet models of " << Source << ", drawn by the Covet plugin\n"
     << "// (-fplugin-arg-covet-emit-diagram). Render: dot -Tsvg <this file> -o models.svg\n"
     << "digraph covet_models {\n"
     << "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, nodesep=0.4, ranksep=1.0,"
        " labelloc=b, labeljust=l, label=";
  std::string Legend;
  for (const char *Line : LegendLines)
    Legend += std::string(Line) + "\\l";
  OS << "\"" << Legend << "\"];\n"
     << "  node [shape=plaintext, margin=0, fontname=\"Helvetica\", fontsize=11];\n"
     << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const Box &B : D.Boxes) {
    const char *Head = B.Abstract ? "#eeeeee" : "#d6e4f0";
    OS << "  " << dotString(B.Id) << " [label=<\n"
       << "    <TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\""
       << (B.Abstract ? "#999999" : "#34495e") << "\">\n"
       << "      <TR><TD COLSPAN=\"2\" BGCOLOR=\"" << Head << "\">"
       << (B.Abstract ? "<I>" : "<B>") << html(B.Name) << (B.Abstract ? "</I>" : "</B>")
       << "</TD></TR>\n";
    if (!B.Table.empty())
      OS << "      <TR><TD COLSPAN=\"2\" BGCOLOR=\"" << Head
         << "\"><FONT POINT-SIZE=\"9\">table " << html(B.Table) << "</FONT></TD></TR>\n";
    for (const std::string &Note : B.Notes)
      OS << "      <TR><TD COLSPAN=\"2\" BGCOLOR=\"" << Head << "\"><FONT POINT-SIZE=\"9\">"
         << html(Note) << "</FONT></TD></TR>\n";
    for (const Row &R : B.Rows) {
      std::string Name = html(R.Name);
      if (R.Key)
        Name = "<U>" + Name + "</U>";
      std::string Right;
      if (!R.Column.empty() && R.Column != R.Name)
        Right += html(R.Column) + " ";
      if (!R.Type.empty())
        Right += html(R.Type) + (R.Nullable ? "?" : "");
      if (R.Unique)
        Right += " unique";
      if (!R.Detail.empty())
        Right += (Right.empty() ? "" : " ") + html(R.Detail);
      // The port is the right-hand cell: arrows leave a row on the side
      // that faces the models it refers to (rankdir=LR).
      OS << "      <TR><TD ALIGN=\"LEFT\">" << Name << "</TD><TD ALIGN=\"LEFT\" PORT=\""
         << html(R.Port) << "\"><FONT COLOR=\"#555555\">" << Right << "</FONT></TD></TR>\n";
    }
    OS << "    </TABLE>>];\n";
  }
  for (const Arrow &A : D.Arrows) {
    OS << "  " << dotString(A.From);
    if (!A.FromPort.empty())
      OS << ":" << dotString(A.FromPort);
    OS << " -> " << dotString(A.To) << " [label=" << dotString(A.Label);
    const char *Color = "#2c3e50";
    std::string Style;
    switch (A.Style) {
      case Look::Cascade: Color = "#c0392b"; OS << ", penwidth=2.4"; break;
      case Look::Clear: Color = "#d35400"; Style = "dashed"; break;
      case Look::Protect: Color = "#000000"; break;
      case Look::Ignore: Color = "#888888"; Style = "dotted"; break;
      case Look::ManyToMany: Color = "#2471a3"; OS << ", dir=both, arrowtail=crow, arrowhead=crow"; break;
      case Look::Inheritance: Color = "#555555"; break;
      case Look::AbstractBase: Color = "#555555"; Style = "dotted"; break;
    }
    if (A.Generic && Style.empty())
      Style = "dashed";
    OS << ", color=\"" << Color << "\", fontcolor=\"" << Color << "\"";
    if (!Style.empty())
      OS << ", style=" << Style;
    if (A.Inherits)
      OS << ", arrowhead=onormal";
    OS << "];\n";
  }
  OS << "}\n";
}

// Mermaid -----------------------------------------------------------------

// Mermaid entity names are words: the qualified name with "::" as "_".
std::string mermaidId(llvm::StringRef TypeName) {
  TypeName.consume_front("::");
  std::string Out;
  for (size_t I = 0; I < TypeName.size(); ++I) {
    if (TypeName.substr(I).starts_with("::")) {
      Out += '_';
      ++I;
      continue;
    }
    Out += TypeName[I];
  }
  return Out;
}

// Mermaid quotes labels and comments with '"' and has no escape for it.
std::string mermaidText(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '"')
      Out += '\'';
    else if (C == '\n' || C == ';')
      Out += "; ";  // one line: "a; b"
    else
      Out += C;
  }
  return Out;
}

void writeMermaidBody(llvm::raw_ostream &OS, const Drawing &D) {
  OS << "erDiagram\n";
  for (const Box &B : D.Boxes) {
    for (const std::string &Note : B.Notes)
      OS << "  %% " << mermaidId(B.Id) << ": " << Note << "\n";
    std::string Attributes;
    for (const Row &R : B.Rows) {
      if (R.Type.empty())  // no column: the relationship line shows it
        continue;
      Attributes += "    " + R.Type + " " + (R.Column.empty() ? R.Name : R.Column);
      std::string Keys;
      if (R.Key)
        Keys = "PK";
      if (R.Foreign)
        Keys += Keys.empty() ? "FK" : ", FK";
      if (R.Unique && !R.Key)
        Keys += Keys.empty() ? "UK" : ", UK";
      if (!Keys.empty())
        Attributes += " " + Keys;
      std::string Comment;
      if (!R.Column.empty() && R.Column != R.Name)
        Comment = R.Name;
      if (!R.Detail.empty())
        Comment += (Comment.empty() ? "" : " ") + R.Detail;
      if (R.Nullable)
        Comment += Comment.empty() ? "nullable" : ", nullable";
      if (!Comment.empty())
        Attributes += " \"" + mermaidText(Comment) + "\"";
      Attributes += "\n";
    }
    // A model without columns of its own (a proxy, a single-table child
    // that adds none) is drawn by its inheritance line alone.
    if (!Attributes.empty())
      OS << "  " << mermaidId(B.Id) << " {\n" << Attributes << "  }\n";
  }
  for (const Arrow &A : D.Arrows) {
    const char *Line = A.Style == Look::Cascade ? "--" : "..";
    OS << "  " << mermaidId(A.From) << " " << A.TailCard << Line << A.HeadCard << " "
       << mermaidId(A.To) << " : \"" << mermaidText(A.Label) << "\"\n";
  }
}

void writeMermaid(llvm::raw_ostream &OS, const Drawing &D, llvm::StringRef Source) {
  OS << "%% The Covet models of " << Source
     << ", drawn by the Covet plugin (-fplugin-arg-covet-emit-diagram).\n";
  for (const char *Line : LegendLines)
    OS << "%% " << Line << "\n";
  writeMermaidBody(OS, D);
}

void writeMarkdown(llvm::raw_ostream &OS, const Drawing &D, llvm::StringRef Source) {
  OS << "# The Covet models of " << Source << "\n\n"
     << "Drawn by the Covet plugin (`-fplugin-arg-covet-emit-diagram`) from the model graph.\n\n"
     << "```mermaid\n";
  writeMermaidBody(OS, D);
  OS << "```\n\n";
  for (const char *Line : LegendLines)
    OS << "- " << Line << "\n";
}

}  // namespace

std::optional<DiagramFormat> diagramFormatFor(llvm::StringRef Path) {
  const llvm::StringRef Ext = llvm::sys::path::extension(Path);
  if (Ext == ".dot" || Ext == ".gv")
    return DiagramFormat::Dot;
  if (Ext == ".mmd")
    return DiagramFormat::Mermaid;
  if (Ext == ".md")
    return DiagramFormat::Markdown;
  return std::nullopt;
}

std::string renderDiagram(ASTContext &Ctx, const ModelGraph &Graph, DiagramFormat Format,
                          llvm::StringRef Source) {
  const Drawing D = draw(Ctx, Graph);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  switch (Format) {
    case DiagramFormat::Dot: writeDot(OS, D, Source); break;
    case DiagramFormat::Mermaid: writeMermaid(OS, D, Source); break;
    case DiagramFormat::Markdown: writeMarkdown(OS, D, Source); break;
  }
  return Out;
}

void emitDiagram(ASTContext &Ctx, DiagnosticsEngine &Diags, const ModelGraph &Graph,
                 llvm::StringRef Path, llvm::StringRef Source) {
  const std::optional<DiagramFormat> Format = diagramFormatFor(Path);
  if (!Format)
    return;  // refused when the arguments were read
  if (std::error_code EC = writeIfChanged(Path, renderDiagram(Ctx, Graph, *Format, Source)))
    report(Diags, SourceLocation(), Diag::CannotWriteOutput) << Path << EC.message();
}

}  // namespace covet

// -fplugin-arg-covet-emit-diagram=<path> draws the model graph
// (plugin/GraphDiagram.h): Graphviz DOT for .dot / .gv, Mermaid for .mmd,
// Markdown with a Mermaid block for .md; repeatable. Each arrow points from
// the rows holding a reference to the model referenced and is drawn by its
// on_delete policy: CASCADE red and bold in DOT, solid in Mermaid.
// RUN: rm -f %t.dot %t.gv %t.mmd %t.md
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t.dot -fplugin-arg-covet-emit-diagram=%t.gv -fplugin-arg-covet-emit-diagram=%t.mmd -fplugin-arg-covet-emit-diagram=%t.md %s
// RUN: FileCheck %s --check-prefix=DOT --input-file %t.dot
// RUN: diff %t.dot %t.gv
// graph=<path> with a diagram's extension draws too (graph=<json> reads):
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-graph=%t-alias.dot %s
// RUN: diff %t.dot %t-alias.dot
// RUN: FileCheck %s --check-prefix=MMD --input-file %t.mmd
// RUN: FileCheck %s --check-prefix=MD --input-file %t.md
// Generic relations: the GenericRelation on the target draws the arrow, with
// its policy.
// RUN: %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t-generic.dot -Wno-pragma-once-outside-header %S/Inputs/generic-posts.hpp
// RUN: FileCheck %s --check-prefix=GENERIC --input-file %t-generic.dot
// Written only when the models have no error; an extension no format has,
// and check-only mode, are refused before anything runs:
// RUN: rm -f %t-bad.dot
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t-bad.dot %s -DBROKEN 2>&1 | FileCheck %s --check-prefix=BROKEN
// RUN: not test -e %t-bad.dot
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-emit-diagram=%t.svg %s 2>&1 | FileCheck %s --check-prefix=SVG
// RUN: not %clangxx -fplugin=%covet_plugin -fplugin-arg-covet-check-only -fplugin-arg-covet-emit-diagram=%t.dot %s 2>&1 | FileCheck %s --check-prefix=CHECKONLY
// BROKEN: error: model 'Broken' has no primary key
// SVG: error: cannot tell the diagram format of '{{.*}}.svg' from its extension '.svg'; name it .dot or .gv (Graphviz), .mmd (Mermaid) or .md (Markdown with a Mermaid block); Graphviz renders an SVG from the .dot (dot -Tsvg)
// CHECKONLY: error: the covet plugin's 'check-only' mode writes nothing; drop 'emit-diagram={{.*}}.dot'

#include <covet/covet.hpp>

#include <optional>
#include <string>

#ifdef BROKEN
struct [[covet::model]] Broken {
  int x = 0;
};
#endif

namespace shop {

struct [[covet::model]] Owner {
  covet::Id id;
  [[covet::unique]] std::string name;
};

struct [[covet::model]] Category {
  covet::Id id;
  [[covet::foreign_key(covet::SET_NULL)]] std::optional<covet::Ref<Category>> parent;
};

struct [[covet::model, covet::abstract]] Stamped {
  std::string note;
};

struct [[covet::model]] Product : Stamped {
  covet::Id id;
  [[covet::foreign_key(covet::PROTECT), covet::related_name("products")]] covet::Ref<Category> category;
  [[covet::many_to_many]] covet::RefSet<Owner> owners;
};

struct [[covet::model]] Review {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE)]] covet::Ref<Product> product;
  [[covet::foreign_key(covet::DO_NOTHING), covet::related_name("+")]] std::optional<covet::Ref<Owner>> by;
};

struct [[covet::model]] Place {
  covet::Id id;
  std::string name;
};

struct [[covet::model]] Shop : Place {
  bool open = false;
};

struct [[covet::model, covet::proxy]] Kiosk : Shop {};

}  // namespace shop

// A box per model: its name, table, notes, and a row per column or relation
// (a multi-table child's parent link first; an inherited column is its
// parent's row, an abstract base's columns are its children's).
// DOT:      digraph covet_models {
// DOT:      "::shop::Category" [label=<
// DOT:      <TR><TD ALIGN="LEFT">parent</TD><TD ALIGN="LEFT" PORT="m_parent"><FONT COLOR="#555555">parent_id integer? -&gt; Category</FONT></TD></TR>
// DOT:      "::shop::Stamped" [label=<
// DOT:      <I>shop::Stamped</I>
// DOT:      abstract: no table, its members are its children's
// DOT:      "::shop::Shop" [label=<
// DOT-NEXT: <TABLE
// DOT-NEXT: <TR><TD COLSPAN="2" BGCOLOR="#d6e4f0"><B>shop::Shop</B></TD></TR>
// DOT-NEXT: <TR><TD COLSPAN="2" BGCOLOR="#d6e4f0"><FONT POINT-SIZE="9">table shop</FONT></TD></TR>
// DOT-NEXT: <TR><TD ALIGN="LEFT"><U>place_ptr_id</U></TD><TD ALIGN="LEFT" PORT="m_place_ptr_id"><FONT COLOR="#555555">integer key of Place</FONT></TD></TR>
// DOT-NEXT: <TR><TD ALIGN="LEFT">open</TD><TD ALIGN="LEFT" PORT="m_open"><FONT COLOR="#555555">bool</FONT></TD></TR>
// DOT-NEXT: </TABLE>>];
// DOT:      proxy of Shop: its rows
// The arrows, in model order, each with its policy's look:
// DOT:      "::shop::Category":"m_parent" -> "::shop::Category" [label="parent: foreign key, SET_NULL\nreverse: category_set", color="#d35400", fontcolor="#d35400", style=dashed];
// DOT-NEXT: "::shop::Product" -> "::shop::Stamped" [label="abstract base", color="#555555", fontcolor="#555555", style=dotted, arrowhead=onormal];
// DOT-NEXT: "::shop::Product":"m_category" -> "::shop::Category" [label="category: foreign key, PROTECT\nreverse: products", color="#000000", fontcolor="#000000"];
// DOT-NEXT: "::shop::Product":"m_owners" -> "::shop::Owner" [label="owners: many-to-many\nreverse: product_set", dir=both, arrowtail=crow, arrowhead=crow, color="#2471a3", fontcolor="#2471a3"];
// DOT-NEXT: "::shop::Review":"m_product" -> "::shop::Product" [label="product: foreign key, CASCADE\nreverse: review_set", penwidth=2.4, color="#c0392b", fontcolor="#c0392b"];
// DOT-NEXT: "::shop::Review":"m_by" -> "::shop::Owner" [label="by: foreign key, DO_NOTHING\nno reverse accessor", color="#888888", fontcolor="#888888", style=dotted];
// DOT-NEXT: "::shop::Shop" -> "::shop::Place" [label="multi-table child\nplace_ptr_id, CASCADE", penwidth=2.4, color="#c0392b", fontcolor="#c0392b", arrowhead=onormal];
// DOT-NEXT: "::shop::Kiosk" -> "::shop::Shop" [label="proxy", color="#555555", fontcolor="#555555", arrowhead=onormal];
// DOT-NEXT: }

// Mermaid: an entity per model with columns, a line per arrow; CASCADE is
// a solid (identifying) line, every other policy a dotted one.
// MMD:      %% The Covet models of emit-diagram.cpp, drawn by the Covet plugin
// MMD:      erDiagram
// MMD-NEXT:   shop_Owner {
// MMD-NEXT:     integer id PK
// MMD-NEXT:     text name UK
// MMD-NEXT:   }
// MMD-NEXT:   shop_Category {
// MMD-NEXT:     integer id PK
// MMD-NEXT:     integer parent_id FK "parent -> Category, nullable"
// MMD-NEXT:   }
// MMD:        shop_Shop {
// MMD-NEXT:     integer place_ptr_id PK, FK "key of Place"
// MMD-NEXT:     bool open
// MMD-NEXT:   }
// MMD-NEXT:   %% shop_Kiosk: proxy of Shop: its rows
// MMD-NEXT:   shop_Category }o..o| shop_Category : "parent: foreign key, SET_NULL; reverse: category_set"
// MMD-NEXT:   shop_Product |o..|| shop_Stamped : "abstract base"
// MMD-NEXT:   shop_Product }o..|| shop_Category : "category: foreign key, PROTECT; reverse: products"
// MMD-NEXT:   shop_Product }o..o{ shop_Owner : "owners: many-to-many; reverse: product_set"
// MMD-NEXT:   shop_Review }o--|| shop_Product : "product: foreign key, CASCADE; reverse: review_set"
// MMD-NEXT:   shop_Review }o..o| shop_Owner : "by: foreign key, DO_NOTHING; no reverse accessor"
// MMD-NEXT:   shop_Shop |o--|| shop_Place : "multi-table child; place_ptr_id, CASCADE"
// MMD-NEXT:   shop_Kiosk |o..|| shop_Shop : "proxy"
// MMD-NOT:  {{.}}

// MD:      # The Covet models of emit-diagram.cpp
// MD:      ```mermaid
// MD-NEXT: erDiagram
// MD:        shop_Review }o--|| shop_Product : "product: foreign key, CASCADE; reverse: review_set"
// MD:      ```
// MD:      - CASCADE (red, bold; solid in Mermaid): erasing the model at the head erases the rows at the tail.

// GENERIC:      "::site::Comment":"m_content_object" -> "::site::Post" [label="content_object: generic, CASCADE\nreverse: comments", penwidth=2.4, color="#c0392b", fontcolor="#c0392b", style=dashed];
// GENERIC-NEXT: "::site::Tag":"m_target" -> "::site::Post" [label="target: generic, SET_NULL\nreverse: tags", color="#d35400", fontcolor="#d35400", style=dashed];
// GENERIC-NEXT: "::site::Comment":"m_content_object" -> "::site::Photo" [label="content_object: generic, DO_NOTHING\nreverse: comments", color="#888888", fontcolor="#888888", style=dotted];

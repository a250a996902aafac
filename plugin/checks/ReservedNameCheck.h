// Rule: no table or column takes a name a backend keeps for itself:
//   * a table name beginning with "sqlite_" (any case), a model's or an
//     automatic join table's: SQLite reserves them for its own tables;
//   * a column named like a PostgreSQL system column: "tableoid", "xmin",
//     "cmin", "xmax", "cmax", "ctid" (Covet quotes names, so only these exact
//     lower-case spellings clash).
//
// Why: create_all() fails on that backend ("object name reserved for
// internal use", 42701 "column name conflicts with a system column name")
// while it works on the other, so the model is not portable and the failure
// shows only at run time. A member `int xmin;` (a bounding box) is easy to
// write.
//
// Fix: give the table another name with covet::model("name"), or the column
// another name with covet::column("name") (the member keeps its name).
#pragma once

#include "checks/Check.h"

namespace covet {

class ReservedNameCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

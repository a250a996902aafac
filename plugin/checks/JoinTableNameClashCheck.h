// Rule: the automatic join table of a many-to-many without covet::through,
// "<source table>_<member>" (Django's name), is no other table: not the table
// of a model, and not the automatic join table of another many-to-many.
// Names are compared case-insensitively, as SQLite does.
//
// Why: create_all() would create the table once, with one side's columns,
// and the other side would fail there (42P07 on PostgreSQL) or, worse, read
// and write rows that are not its own. Django rejects the same (fields.E340).
//
// Fix: when the model is meant to be the join table, say so with
// covet::through("Model"); otherwise rename the model's table with
// covet::model("name"), or rename the member.
#pragma once

#include "checks/Check.h"

namespace covet {

class JoinTableNameClashCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

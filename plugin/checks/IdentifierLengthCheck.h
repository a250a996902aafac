// Rule: every name create_all() gives the schema fits PostgreSQL's limit of
// 63 bytes (covet::detail::naming::max_identifier_bytes): table names
// (covet::model("name"), else the lower-case class name), column names
// (covet::column("name"), else the member's name, "<member>_id" for a key),
// and the name and the two key columns of each automatic join table
// ("<source table>_<member>", "<model>_id").
//
// Why: PostgreSQL silently cuts a longer name to 63 bytes. The first
// create_all() works; the next looks for the full name, does not find it,
// and fails with 42P07 (relation already exists); two long names with one
// prefix become one name. SQLite has no limit, so the same declarations
// would behave differently on the two backends.
//
// Fix: give the table or column a shorter name with covet::model("name") /
// covet::column("name"); for a join table, shorten the source table's or
// the member's name, or declare a covet::through model. Where the cut name
// is free, the note offers it as a fix-it.
#pragma once

#include "checks/Check.h"

namespace covet {

class IdentifierLengthCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: no two members put a column of one name into one table. The column
// of a member is its covet::column("name"), else its name, else for a
// foreign key or one-to-one "<member>_id"; names are compared
// case-insensitively, as SQLite does. So these clash:
//   * two members with one covet::column("name");
//   * a foreign key `author` (column author_id) and a member `author_id`;
//   * covet::column("id") on a member of a model whose key is `id`;
//   * a member and one it inherits from an abstract base, or, in a table
//     shared by a single-table hierarchy, a member of a model and one of its
//     ancestor (two subclasses neither of which derives from the other may
//     share a column they declare alike: SiblingColumnCheck).
//
// Why: create_all() fails with "duplicate column name" (SQLite) or 42701
// (PostgreSQL), long after the program compiled; and a lookup such as
// filter("author_id", ...) could mean either member.
//
// Fix: give one of them another name with covet::column("name"), or rename
// the member.
#pragma once

#include "checks/Check.h"

namespace covet {

class DuplicateColumnCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

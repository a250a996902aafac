// Rule: a table or column name holds only what both backends can store in
// a name: no NUL byte, and valid UTF-8 (the names given to covet::model and
// covet::column are byte strings, so "\0" and "\xff" can reach them).
//
// Why: a NUL byte ends the name wherever it passes through C strings (the
// emitted metadata, SQLite, libpq), so the column "a\0b" would silently be
// created as "a"; PostgreSQL refuses a name that is not valid UTF-8 in a
// UTF8 database with 22021 at create_all(). (Clang itself rejects escapes
// in the table name of covet::model, an unevaluated string.)
//
// Fix: remove the NUL byte or the stray byte; write non-ASCII letters as
// UTF-8 text, not as \x escapes.
#pragma once

#include "checks/Check.h"

namespace covet {

class IdentifierCharactersCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

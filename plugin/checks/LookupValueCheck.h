// Rule: the value given to a filter / exclude / get lookup (or to a covet::Q
// built inside one) fits the field the lookup ends on, when its type is known
// at compile time:
//   * a column compares with values of its own kind: a string column with
//     strings (std::string, std::string_view, const char*, a literal), a
//     number column with numbers, a bool column with bools or numbers, a
//     timestamp / date column with std::chrono time points, dates or ISO
//     text, a blob with a blob;
//   * a relation (a foreign key or one-to-one, a reverse relation, a
//     many-to-many) compares with an object or a covet::Ref of its target
//     model (or of a model of the same inheritance chain), or with a value of
//     the target's key type; a model object is no value for a column (but an
//     object of the model itself fits its primary key);
//   * `in` takes a list (a container or a braced list), `range` two values (a
//     std::pair or a braced list of two), `isnull` true or false, any other
//     lookup a single value; NULL (nullptr, std::nullopt) only goes with
//     exact and iexact;
//   * std::optional<T> is checked as T; iexact and the pattern lookups
//     (contains, startswith, ...) take any single value, as in Django, which
//     does not convert their right-hand side.
// Types the check does not know (a user's FieldTraits specialization, enums,
// covet::Value, ...) are left to the run time.
//
// It runs inside LookupStringCheck, which resolves the lookup path first.
//
// Why: a value of the wrong type silently matches nothing on SQLite and is an
// error on PostgreSQL; at run time Covet refuses it with a typed error, but
// only on the code path that builds that query.
//
// Fix: pass a value of the field's type (the error names it), or the lookup
// that takes what you pass (in for lists, isnull for NULL tests).
#pragma once

#include "LookupGraph.h"
#include "checks/Check.h"

#include "clang/AST/Expr.h"

#include <string>

namespace covet {

// Where a resolved lookup path ends, as the value check needs it.
struct LookupTarget {
  std::string Lookup = "exact";
  // The column the value is compared with (a relation's: its target's key).
  const LookupMember *Column = nullptr;
  const LookupModel *ColumnModel = nullptr;  // the model Column belongs to
  // For a relation: the model whose objects fit, and "Book::author" for messages.
  const LookupModel *Relation = nullptr;
  std::string RelationLabel;
  const clang::FieldDecl *RelationField = nullptr;  // the relation's declaration, if seen
  std::string RelationFieldLabel;                   // "Book::author" (a reverse: its relation's)
};

// Reports a value that cannot fit Target; returns whether it reported.
bool checkLookupValue(const LookupGraph &Graph, CheckContext &Ctx, const LookupTarget &Target,
                      const clang::Expr *Value);

}  // namespace covet

// Rule: two models of one single-table hierarchy that are not ancestor and
// descendant ("siblings": Car and Motorcycle below Vehicle, or Car and a
// subclass of Motorcycle) may both declare a column of one name (compared
// case-insensitively) only if they declare it alike, since it is one column
// of the shared table. Alike means:
//   * the same C++ type once std::optional is taken off (the type gives the
//     column's SQL type and how values convert); nullability does not count,
//     because a subclass's column is nullable in the shared table anyway
//     (the other subclasses' rows leave it NULL);
//   * the same covet::max_length (it is part of the column's SQL type);
//   * for a foreign key or one-to-one, the same relation kind and target
//     (the column's foreign key constraint and unique index).
// A column declared once on an abstract base that both carry is one member,
// alike with itself. A column a model shares with its own ancestor is
// DuplicateColumnCheck's error, whatever the types.
//
// Why: create_all() creates the column once; the sibling whose declaration
// lost would read and write values of another type (text into an INTEGER
// column, a key of another table).
//
// Fix: give one of them another covet::column("name"), or declare both alike.
#pragma once

#include "checks/Check.h"

namespace covet {

class SiblingColumnCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

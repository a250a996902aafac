// Rule: the discriminator column of a single-table hierarchy (the root's
// covet::polymorphic_on("column")) is Covet's own: no member of any model of
// the hierarchy has a column of that name (its covet::column, else its name,
// else "<member>_id" for a foreign key or one-to-one; compared
// case-insensitively, as SQLite does), whether the model declares the member
// or carries it from an abstract base.
//
// Why: Covet adds the discriminator to the root's table and writes each
// row's identity into it (create(Car{...}) writes kind = 'car'); a member
// with the same column would be a second column of one name in the table, or
// would overwrite the identity and misfile the row.
//
// Fix: give the member another covet::column("name") or rename it, or name
// another discriminator column in covet::polymorphic_on.
#pragma once

#include "checks/Check.h"

namespace covet {

class DiscriminatorClashCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: covet::unique_together("a", "b", ...) on a model names two or more
// distinct members of that model, each a column, a foreign key or a
// one-to-one (members by their C++ names; a relation stands for its key
// column). A model may carry several, one per constraint.
//
// Why: create_all() writes each as a UNIQUE table constraint over the
// members' columns, and the many-to-many manager relies on one over a
// through model's two keys to skip existing pairs with the database's own
// conflict handling. A name that is not a column, a many-to-many (it has no
// column in the model's table, Django's models.E013) or a repeated name makes
// a constraint that cannot be created or that means something else; one name
// alone is covet::unique.
//
// Fix: correct the name (a did-you-mean note carries the fix-it), drop the
// many-to-many or the repeated name, or write covet::unique on the member.
#pragma once

#include "checks/Check.h"

namespace covet {

class UniqueTogetherCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

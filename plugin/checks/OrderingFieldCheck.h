// Rule: each field of covet::ordering("-age", "name") is a valid order_by()
// field of every concrete model whose queries it orders: the model that
// writes it, and the models that inherit it (its proxies and children, the
// concrete models below an abstract base that writes it). A field is a path
// as order_by() takes it (checks/LookupStringCheck.h): an optional leading
// '-', then a column, "pk", "<relation>_id", or a path through foreign keys
// and one-to-ones ("owner__name"); no lookup, nothing across a to-many
// relation.
//
// Why: every query of the model without an order_by() is ordered by these
// fields, so a misspelt one would be a covet::FieldError on every such
// query at run time (Django reports it at start-up, models.E015).
//
// Fix: correct the name (the did-you-mean note carries the fix-it), or order
// by a field of the model itself.
#pragma once

#include "checks/Check.h"

namespace covet {

class OrderingFieldCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: every model that has a table has exactly one primary key, its own or
// inherited: a `covet::Id` member, or a `covet::Uuid` member marked
// `[[covet::primary_key]]`; and `covet::primary_key` is written only on a
// `covet::Uuid` (or, redundantly, on a `covet::Id`).
//
// Why: the runtime identifies rows, builds foreign keys and binds relations by
// the primary key; a model with none cannot be loaded or referenced, and two
// would make the key ambiguous. Abstract models are exempt (no table), but
// their key is inherited by the models deriving from them. Covet generates
// the keys it supports itself (the database numbers a covet::Id, Covet draws
// a random covet::Uuid), so other types cannot be keys: an unsaved object
// would have no way to tell it has no row yet.
//
// Fix: add `covet::Id id;` (or `[[covet::primary_key]] covet::Uuid id;`) to
// the model or to its abstract base, or remove the extra key.
#pragma once

#include "checks/Check.h"

namespace covet {

class PrimaryKeyCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

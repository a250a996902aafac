// Rule: a key with on_delete covet::SET_NULL is nullable, i.e. declared
// std::optional<covet::Ref<T>>.
//
// Why: SET_NULL writes NULL into the referencing rows when the target is
// deleted; a NOT NULL column refuses it (IntegrityError at the delete) and a
// covet::Ref<T> member cannot hold "no object" when the row is loaded.
//
// One error per declaration: a key declared on a concrete parent or an
// abstract base is reported once, at the member, however many models
// inherit it (the fix is made there once).
//
// Fix: wrap the type, std::optional<covet::Ref<T>> (the fix-it does), or
// choose another policy (CASCADE, PROTECT, SET_DEFAULT, ...).
#pragma once

#include "checks/Check.h"

namespace covet {

class SetNullCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

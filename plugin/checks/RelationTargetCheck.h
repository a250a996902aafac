// Rule: the T of a relation (`covet::Ref<T>`, `covet::RefSet<T>`) or of a
// declared reverse member (`covet::ReverseSet<T>`, `covet::ReverseOne<T>`) is
// a model of the translation unit: a struct marked `[[covet::model]]`,
// defined somewhere the plugin sees it. (An abstract one is
// AbstractTargetCheck's error.)
//
// Why: the runtime resolves the target's table and primary key from its
// metadata; a plain struct has none, and a type declared but never defined
// cannot be described. (An incomplete T at the member is fine: only the
// definition must appear in the translation unit.)
//
// Fix: mark the target `[[covet::model]]`, or include the header that
// defines it in the models passed to covet_add_models().
#pragma once

#include "checks/Check.h"

namespace covet {

class RelationTargetCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

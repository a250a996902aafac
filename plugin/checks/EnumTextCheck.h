// Rule: an enum declared `[[covet::enum_text]]` has at least one enumerator.
// (Where the attribute may be written at all, on enum declarations only, is
// checked when it is parsed; see Attributes.cpp.)
//
// Why: a by-name enum is stored as the name of its value's enumerator; an enum
// without enumerators has no name for any value, so every write would fail at
// run time.
//
// Fix: add the enumerators, or remove the attribute (the enum is then stored
// as its underlying integer).
#pragma once

#include "checks/Check.h"

namespace covet {

class EnumTextCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

// Rule: `covet::auto_now` and `covet::auto_now_add` are written on timestamp
// members only, `std::chrono::sys_time<Duration>` (a std::chrono::
// system_clock::time_point, sys_seconds, ...) or a std::optional of one, and
// never both on one member.
//
// Why: Covet sets these members to the current UTC time when it creates the
// row (both) and when it saves it (auto_now); on any other type there is no
// current time to store, and the attribute would silently do nothing. A
// `sys_days` is a date column, not a timestamp. auto_now already sets the
// member on create, so adding auto_now_add to it says nothing more (Django
// rejects the combination, fields.E160).
//
// Fix: move the attribute to a `std::chrono::sys_time<...>` member, change
// the member's type, or keep one of the two attributes.
#pragma once

#include "checks/Check.h"

namespace covet {

class AutoNowCheck : public Check {
 public:
  void run(const ModelGraph &Graph, CheckContext &Ctx) override;
};

}  // namespace covet

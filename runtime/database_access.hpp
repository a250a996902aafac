// The door from inside the library (and its white-box tests) to the state a
// Database handle shares: e.g. the fault-injection tests wrap its connection
// (test/support/fault_injection.hpp). Not part of the public API.
#pragma once

#include "database_state.hpp"

#include <covet/database.hpp>

#include <memory>

namespace covet::detail {

struct DatabaseAccess {
  static const std::shared_ptr<DatabaseState>& state(const Database& db) { return db.state_; }
};

}  // namespace covet::detail

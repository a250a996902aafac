// What a covet::Database handle shares with every object, Ref and manager
// bound to it: the backend connection and the transaction nesting state.
// Objects hold it through a weak_ptr, so a closed Database makes their lazy
// loads fail with a UsageError instead of touching freed memory.
#pragma once

#include "backend/connection.hpp"

#include <covet/loading.hpp>
#include <covet/query_log.hpp>

#include <memory>

namespace covet::detail {

struct DatabaseState {
  QueryLog query_log;  // declared first: the connection (a LoggingConnection) refers to it
  std::unique_ptr<Connection> connection;
  Dialect dialect = Dialect::SQLite;
  int transaction_depth = 0;  // 0: autocommit; 1: BEGIN; >1: savepoints
  int savepoint_counter = 0;  // names savepoints uniquely: covet_sp_<n>
  Loading loading = Loading::Lazy;  // what a lazy load of a relation does (covet/loading.hpp)
};

}  // namespace covet::detail

// What a covet::Database handle shares with every object, Ref and manager
// bound to it: the backend connection and the transaction nesting state.
// Objects hold it through a weak_ptr, so a closed Database makes their lazy
// loads fail with a UsageError instead of touching freed memory.
//
// The transaction state has one owner, this struct: Atomic scopes change
// transaction_depth and end a lost transaction; the TransactionGuard in the
// connection stack reads them to decide whether a statement may run and
// whether the backend may reconnect (transaction_guard.hpp).
#pragma once

#include "backend/connection.hpp"
#include "bulk/insert_buffers.hpp"
#include "bulk/insert_text_cache.hpp"
#include "query/key_get_cache.hpp"
#include "query/statement_cache.hpp"

#include <covet/loading.hpp>
#include <covet/query_log.hpp>

#include <memory>
#include <optional>
#include <string>

namespace covet::detail {

// Why the database's transaction ended while Atomic scopes were still open
// (a lost connection; SQLite rolling back an interrupted write), or can no
// longer be committed (a savepoint that could neither be released nor
// rolled back).
struct LostTransaction {
  std::string cause;  // the failure's message (no password, bounded)
  std::string code;   // its native code (SQLSTATE or SQLite result code)
  // The server still has the transaction open (a nested scope's writes could
  // not be undone apart from it): the outermost scope must send ROLLBACK.
  bool still_open = false;
};

class ContentTypeCache;  // generic/content_type_cache.hpp

struct DatabaseState {
  // Declared before the connection: the connection stack (LoggingConnection,
  // TransactionGuard) refers to them.
  QueryLog query_log;
  int transaction_depth = 0;  // 0: autocommit; 1: BEGIN; >1: savepoints
  // Set while the open scopes' transaction is gone: every statement throws
  // until the outermost scope ends (which clears it).
  std::optional<LostTransaction> lost_transaction;
  // A streamed result (QuerySet::iterate) is being read: no other statement
  // may run meanwhile (transaction_guard.hpp).
  bool streaming = false;
  std::unique_ptr<Connection> connection;  // LoggingConnection > TransactionGuard > backend
  Dialect dialect = Dialect::SQLite;
  int savepoint_counter = 0;  // names savepoints uniquely: covet_sp_<n>
  Loading loading = Loading::Lazy;  // what a lazy load of a relation does (covet/loading.hpp)
  // The content types this handle has read (generic/content_type_cache.hpp):
  // null until the first lookup; create_all and drop_all reset it.
  std::shared_ptr<const ContentTypeCache> content_types;
  // The query shapes compiled on this handle (query/statement_cache.hpp).
  StatementCache statements{256};
  // get() by primary key's statements, from that cache (query/key_get_cache.hpp).
  KeyGetCache key_gets;
  // The INSERT texts bulk_create wrote on this handle (bulk/insert_text_cache.hpp).
  InsertTextCache insert_texts;
  // Its buffers, between statements (bulk/insert_buffers.hpp).
  InsertBuffers insert_buffers;
};

}  // namespace covet::detail

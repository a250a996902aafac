// A Connection decorator that reports every statement to the Database's
// QueryLog (when something records) and to stderr (when COVET_LOG_SQL=1 at
// connect time), with the notices the server sent while it ran. covet::connect
// installs it around every backend, so all layers' statements pass through
// it. When neither listens, execute() is one branch and a forwarding call,
// and notices are dropped.
#pragma once

#include "backend/connection.hpp"

#include <covet/query_log.hpp>

#include <memory>
#include <vector>

namespace covet::detail {

class LoggingConnection final : public Connection {
 public:
  // `log` must outlive the connection.
  LoggingConnection(std::unique_ptr<Connection> inner, QueryLog& log, bool to_stderr);
  ~LoggingConnection() override;

  Dialect dialect() const override { return inner_->dialect(); }
  int max_params() const override { return inner_->max_params(); }
  ExecResult execute(std::string_view sql, std::span<const Value> params,
                     const std::function<void(const Row&)>& on_row = {}) override;
  // Forwarded as such while nothing listens; logged as the Values the
  // parameters stand for otherwise.
  ExecResult execute_refs(std::string_view sql, std::span<const ParamRef> params,
                          const std::function<void(const Row&)>& on_row = {}) override;
  bool connected() const override { return inner_->connected(); }
  void reconnect() override { inner_->reconnect(); }
  bool in_transaction() const override { return inner_->in_transaction(); }
  bool reused_statement() const override { return inner_->reused_statement(); }
  // A streamed statement is one entry, recorded when its rows end (or the
  // cursor is destroyed), its duration from the open to then.
  std::unique_ptr<Cursor> open_cursor(std::string_view sql, std::vector<Value> params) override;
  // The logger is the inner connection's sink; a sink set here is not used.
  void set_notice_sink(std::function<void(ServerNotice)> sink) override { (void)sink; }

 private:
  class LoggedCursor;
  bool listening() const { return to_stderr_ || log_.recording(); }
  ExecResult execute_logged(std::string_view sql, std::span<const Value> params,
                            const std::function<void(const Row&)>& on_row);

  std::unique_ptr<Connection> inner_;
  QueryLog& log_;
  bool to_stderr_;
  std::vector<ServerNotice> pending_;  // notices of the statement running now
};

// Whether COVET_LOG_SQL asks for statements on stderr ("1", "true", "yes").
bool sql_logging_requested();

}  // namespace covet::detail
